import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPacks, MAX_PACK_BYTES } from '../../../src/adapters/questions/pack-bank.ts';
import { parsePack } from '../../../src/core/questions/pack-format.ts';
import { FIXTURE_PACKS } from '../../support/bot-harness.ts';

describe('loading question packs from disk', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'plot-trivia-packs-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when pack files are oversized, not JSON, or not a pack, then each is rejected with its reason and the good one loads', async () => {
    await copyFile(path.join(FIXTURE_PACKS, 'test-film.json'), path.join(dir, 'good.json'));
    await writeFile(path.join(dir, 'huge.json'), `{"pad":"${'x'.repeat(MAX_PACK_BYTES)}"}`);
    await writeFile(path.join(dir, 'broken.json'), '{"meta": {"id": "broken"');
    await writeFile(path.join(dir, 'empty.json'), '');
    await writeFile(
      path.join(dir, 'wrong.json'),
      JSON.stringify({ meta: { id: 'wrong' }, questions: 'nope' }),
    );
    await writeFile(path.join(dir, 'html.json'), '<html><body>not a pack</body></html>');
    await writeFile(path.join(dir, 'notes.txt'), 'ignored: not .json');

    const report = await loadPacks(dir, parsePack);

    expect(report.packs.map((entry) => entry.pack.meta.id)).toEqual(['test-film']);
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.file, r.reason]));
    expect(Object.keys(reasons).sort()).toEqual([
      'broken.json',
      'empty.json',
      'html.json',
      'huge.json',
      'wrong.json',
    ]);
    expect(reasons['huge.json']).toBe(`larger than ${MAX_PACK_BYTES} bytes`);
    expect(reasons['broken.json']).toMatch(/^not JSON: /);
    expect(reasons['html.json']).toMatch(/^not JSON: /);
    expect(reasons['wrong.json']).toMatch(/\S/);
  });

  it('when the packs directory is missing, then nothing loads and nothing throws', async () => {
    expect(await loadPacks(path.join(dir, 'missing'), parsePack)).toEqual({ packs: [], rejected: [] });
  });
});
