import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPacks } from '../../../src/core/questions/generate.ts';
import { PACK_DIR, seeds } from '../../support/synopses.ts';

describe('committed question packs', () => {
  const results = buildPacks(seeds().map((s) => ({ packId: s.packId, text: s.text })));

  it.each(results.map((r) => [r.packId, r] as const))(
    'when %s is regenerated, then it equals the committed pack (run `npm run questions -- build` after changing the generator)',
    (packId, r) => {
      const file = join(PACK_DIR, `${packId}.json`);
      expect(existsSync(file)).toBe(true);
      expect(r.result.ok).toBe(true);
      if (r.result.ok) expect(`${JSON.stringify(r.result.pack, null, 2)}\n`).toBe(readFileSync(file, 'utf8'));
    },
  );
});
