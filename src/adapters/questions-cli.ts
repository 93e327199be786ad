/**
 * Question packs from the command line:
 *   build                      regenerate questions/packs/*.json from questions/synopses/*.txt
 *   generate <file.txt> --json print the questions for any synopsis as JSON
 *   eval                       quality metrics over all synopses
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluatePack } from '../core/questions/evaluate.ts';
import type { PackEvaluation } from '../core/questions/evaluate.ts';
import { buildPacks, generatePack } from '../core/questions/generate.ts';
import type { SynopsisInput } from '../core/questions/generate.ts';
import { REJECT_REASONS } from '../core/questions/gates.ts';
import { parsePack } from '../core/questions/pack-format.ts';
import type { QuestionPack } from '../core/questions/question.ts';
import { parseSynopsis } from '../core/synopsis/document.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SYNOPSES = join(ROOT, 'questions/synopses');
const PACKS = join(ROOT, 'questions/packs');

export function packIdOf(file: string): string {
  return (
    basename(file)
      .replace(/\.txt$/, '')
      .replace(/\.(en|es)$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'synopsis'
  );
}

function readSynopses(dir: string): SynopsisInput[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ packId: packIdOf(f), text: readFileSync(join(dir, f), 'utf8') }));
}

function readCommittedPacks(exceptId?: string): QuestionPack[] {
  if (!existsSync(PACKS)) return [];
  return readdirSync(PACKS)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const parsed = parsePack(JSON.parse(readFileSync(join(PACKS, f), 'utf8')) as unknown);
      return 'error' in parsed || parsed.meta.id === exceptId ? [] : [parsed];
    });
}

function table(rows: (string | number)[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length))) ?? [];
  return rows.map((r) => r.map((v, c) => String(v).padEnd(widths[c] ?? 0)).join('  ')).join('\n');
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function build(): number {
  const inputs = readSynopses(SYNOPSES);
  const started = performance.now();
  const results = buildPacks(inputs);
  const ms = performance.now() - started;
  mkdirSync(PACKS, { recursive: true });
  const types = [
    'cast',
    'role',
    'relation',
    'place',
    'agent',
    'reveal',
    'quantity',
    'object',
    'cloze',
  ] as const;
  const rows: (string | number)[][] = [['pack', 'facts', 'questions', ...types, 'rejects']];
  let failed = 0;
  for (const { packId, result } of results) {
    if (!result.ok) {
      console.error(`${packId}: ${result.error}`);
      failed++;
      continue;
    }
    writeFileSync(join(PACKS, `${packId}.json`), `${JSON.stringify(result.pack, null, 2)}\n`);
    const counts = types.map((t) => result.pack.questions.filter((q) => q.type === t).length);
    const rejects = REJECT_REASONS.map(
      (r) => [r, result.rejected.filter((x) => x.reason === r).length] as const,
    )
      .filter(([, n]) => n > 0)
      .map(([r, n]) => `${r}:${n}`)
      .join(' ');
    rows.push([packId, result.pack.facts.length, result.pack.questions.length, ...counts, rejects || '-']);
  }
  console.log(table(rows));
  console.log(`\n${results.length} pack(s) in ${ms.toFixed(0)} ms (two passes) -> ${PACKS}`);
  return failed > 0 ? 1 : 0;
}

function generate(args: string[]): number {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: questions generate <file.txt> [--json]');
    return 2;
  }
  const packId = packIdOf(file);
  const result = generatePack(readFileSync(file, 'utf8'), { packId, otherPacks: readCommittedPacks(packId) });
  if (!result.ok) {
    console.error(`${file}: ${result.error}`);
    return 1;
  }
  const out = result.pack.questions.map((q) => ({
    id: q.id,
    lang: q.lang,
    type: q.type,
    prompt: q.prompt,
    choices: q.choices,
    answer: q.answer,
    accepted: q.accepted,
    difficulty: q.difficulty,
    source: q.source,
  }));
  if (args.includes('--json')) console.log(JSON.stringify(out, null, 2));
  else
    for (const q of out)
      console.log(
        `[${q.type}] ${q.prompt}\n   ${q.choices.map((c) => (c === q.answer ? `*${c}*` : c)).join(' | ')}`,
      );
  return 0;
}

function evaluate(args: string[]): number {
  const dir = args.find((a) => !a.startsWith('--')) ?? SYNOPSES;
  const inputs = readSynopses(dir);
  const started = performance.now();
  const results = buildPacks(inputs);
  const ms = performance.now() - started;
  const evals: PackEvaluation[] = [];
  for (const { packId, result } of results) {
    if (!result.ok) {
      console.error(`${packId}: ${result.error}`);
      continue;
    }
    const input = inputs.find((i) => i.packId === packId);
    evals.push(evaluatePack(result.pack, parseSynopsis(input?.text ?? '').body, result.rejected));
  }
  const rows: (string | number)[][] = [
    ['pack', 'words', 'questions', 'per 100 words', 'longest', 'frequent', 'overlap', 'A/B/C/D'],
  ];
  for (const e of evals) {
    rows.push([
      e.packId,
      e.words,
      e.questions,
      e.yieldPer100Words,
      pct(e.guessers.longest),
      pct(e.guessers.frequent),
      pct(e.guessers.overlap),
      e.positions.join('/'),
    ]);
  }
  const total = evals.reduce((n, e) => n + e.questions, 0) || 1;
  const overall = (g: 'longest' | 'frequent' | 'overlap'): string =>
    pct(evals.reduce((n, e) => n + e.guessers[g] * e.questions, 0) / total);
  const positions = [0, 1, 2, 3].map((i) => evals.reduce((n, e) => n + (e.positions[i] ?? 0), 0));
  rows.push([
    'ALL',
    evals.reduce((n, e) => n + e.words, 0),
    total,
    '',
    overall('longest'),
    overall('frequent'),
    overall('overlap'),
    positions.join('/'),
  ]);
  console.log(table(rows));
  console.log('\nrejects by reason');
  console.log(
    table([
      ['reason', ...evals.map((e) => e.packId)],
      ...REJECT_REASONS.map((r) => [r, ...evals.map((e) => e.rejects[r])]),
    ]),
  );
  // One pass over every synopsis, as the bot would run it; the best of three excludes JIT warm-up.
  const timings = [0, 1, 2].map(() => {
    const t0 = performance.now();
    for (const input of inputs) generatePack(input.text, { packId: input.packId });
    return performance.now() - t0;
  });
  console.log('\nblind guessers should stay near 25% (chance)');
  console.log(
    `generation of ${evals.length} pack(s): build, two passes, cold ${ms.toFixed(0)} ms; one pass, warm ${Math.min(...timings).toFixed(0)} ms`,
  );
  return 0;
}

function main(argv: string[]): number {
  const [command, ...args] = argv;
  if (command === 'build') return build();
  if (command === 'generate') return generate(args);
  if (command === 'eval') return evaluate(args);
  console.error('usage: questions <build | generate <file.txt> [--json] | eval [dir]>');
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Missing files and unreadable JSON are the user's to fix: say what failed, without a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
