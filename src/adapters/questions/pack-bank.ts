import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Question, QuestionPack } from '../../core/questions/question.ts';
import type { PackSummary, QuestionBank } from '../../core/storage.ts';

export interface LoadedPack {
  pack: QuestionPack;
  checksum: string;
}

export interface PackLoadReport {
  packs: LoadedPack[];
  rejected: { file: string; reason: string }[];
}

/** Largest pack file read; a bigger one is rejected with that reason rather than loaded into memory. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;

export type PackParser = (json: unknown) => QuestionPack | { error: string };

/** Reads every questions/packs/*.json; a malformed or oversized file is reported and skipped, never fatal. */
export async function loadPacks(dir: string, parse: PackParser): Promise<PackLoadReport> {
  const report: PackLoadReport = { packs: [], rejected: [] };
  let files: string[];
  try {
    files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  } catch {
    return report;
  }
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    if (Buffer.byteLength(text) > MAX_PACK_BYTES) {
      report.rejected.push({ file, reason: `larger than ${MAX_PACK_BYTES} bytes` });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      report.rejected.push({ file, reason: `not JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = parse(json);
    if ('error' in parsed) {
      report.rejected.push({ file, reason: parsed.error });
      continue;
    }
    report.packs.push({ pack: parsed, checksum: createHash('sha256').update(text).digest('hex') });
  }
  return report;
}

/** The in-memory question bank the game reads from (packs are small; the database keeps the history). */
export class InMemoryQuestionBank implements QuestionBank {
  private readonly summaries: PackSummary[];
  private readonly byPack = new Map<string, Question[]>();
  private readonly byId = new Map<string, Question>();

  constructor(packs: readonly QuestionPack[]) {
    this.summaries = packs.map((pack) => ({
      id: pack.meta.id,
      title: pack.meta.title,
      year: pack.meta.year,
      lang: pack.meta.lang,
      questionCount: pack.questions.length,
    }));
    for (const pack of packs) {
      this.byPack.set(pack.meta.id, pack.questions);
      for (const question of pack.questions) this.byId.set(question.id, question);
    }
  }

  packs(): PackSummary[] {
    return this.summaries;
  }

  pack(packId: string): PackSummary | undefined {
    return this.summaries.find((pack) => pack.id === packId);
  }

  questions(packId: string): Question[] {
    return this.byPack.get(packId) ?? [];
  }

  question(questionId: string): Question | undefined {
    return this.byId.get(questionId);
  }
}
