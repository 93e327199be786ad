import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SEED_DIR = join(ROOT, 'questions/synopses');
export const FIXTURE_DIR = join(ROOT, 'test/fixtures/synopses');
export const PACK_DIR = join(ROOT, 'questions/packs');

export interface SynopsisFile {
  packId: string;
  lang: 'en' | 'es';
  text: string;
}

export function readSynopses(dir: string): SynopsisFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const m = /^(.*)\.(en|es)\.txt$/.exec(f);
      return {
        packId: m?.[1] ?? f,
        lang: (m?.[2] ?? 'en') as 'en' | 'es',
        text: readFileSync(join(dir, f), 'utf8'),
      };
    });
}

export const seeds = (): SynopsisFile[] => readSynopses(SEED_DIR);
export const fixtures = (): SynopsisFile[] => readSynopses(FIXTURE_DIR);
