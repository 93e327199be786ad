// Question generation: time to turn each shipped synopsis into a pack (warm), and how the cost grows with length.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildPacks, generatePack } from '../../src/core/questions/generate.ts';
import type { QuestionPack } from '../../src/core/questions/question.ts';
import { check, type Figure, type Scenario } from '../lib/result.ts';
import { round } from '../lib/stats.ts';

const SYNOPSES = resolve(import.meta.dirname, '..', '..', 'questions', 'synopses');
const WARMUP = 3;
const MIN_RUNS = 5;
const MIN_TOTAL_MS = 1000;
const TARGET_MS = 200;

/** As questions-cli.ts names packs (that module runs its CLI on import, so it is not imported here). */
const packIdOf = (file: string): string =>
  file
    .replace(/\.txt$/, '')
    .replace(/\.(en|es)$/, '')
    .toLowerCase();

/** Median of repeated warm runs (after WARMUP discarded ones), and the words the synopsis has. */
function timeGeneration(
  text: string,
  packId: string,
  otherPacks: QuestionPack[],
  runs = { warmup: WARMUP, min: MIN_RUNS, minTotalMs: MIN_TOTAL_MS },
): { ms: number; words: number; questions: number; runs: number } {
  let words = 0;
  let questions = 0;
  const run = (): number => {
    const started = performance.now();
    const result = generatePack(text, { packId, otherPacks });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`${packId}: ${result.error}`);
    words = result.pack.meta.words;
    questions = result.pack.questions.length;
    return ms;
  };
  for (let i = 0; i < runs.warmup; i++) run();
  const samples: number[] = [];
  const began = performance.now();
  while (samples.length < runs.min || performance.now() - began < runs.minTotalMs) samples.push(run());
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, words, questions, runs: samples.length };
}

export const generation: Scenario = {
  name: 'generation',
  title: '5. Question generation',
  run() {
    const inputs = readdirSync(SYNOPSES)
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file) => ({ file, packId: packIdOf(file), text: readFileSync(join(SYNOPSES, file), 'utf8') }));
    // As `npm run questions build` does: every pack generated with the others' names available as distractors.
    const firstPass = buildPacks(inputs).flatMap(({ result }) => (result.ok ? [result.pack] : []));
    const others = (packId: string) => firstPass.filter((pack) => pack.meta.id !== packId);

    const figures: Figure[] = [];
    const details: Record<string, unknown> = {};
    for (const input of inputs) {
      const timing = timeGeneration(input.text, input.packId, others(input.packId));
      details[input.packId] = timing;
      figures.push({
        metric: `${input.packId} (${timing.words} words, ${timing.questions} questions)`,
        value: round(timing.ms, 1),
        unit: 'ms',
        target: `< ${TARGET_MS} ms warm`,
        verdict: check(timing.ms < TARGET_MS),
      });
      figures.push({
        metric: `${input.packId} throughput`,
        value: Math.round(timing.words / (timing.ms / 1000)),
        unit: 'words/s',
        verdict: 'report',
      });
    }

    // The longest synopsis, 10 times over (paragraphs concatenated): linear cost keeps ms/word constant.
    const longest = [...inputs].sort((a, b) => b.text.length - a.text.length)[0]!;
    // Same pack id for both: ids seed the distractor choice, so the 1x run must be the shipped pack's.
    const one = timeGeneration(longest.text, longest.packId, others(longest.packId));
    const ten = timeGeneration(
      Array(10).fill(longest.text.trim()).join('\n\n'),
      longest.packId,
      others(longest.packId),
      { warmup: 1, min: 3, minTotalMs: 0 },
    );
    const costRatio = ten.ms / one.ms;
    const wordRatio = ten.words / one.words;
    details.scaling = { base: longest.packId, one, ten, costRatio, wordRatio };
    figures.push({
      metric: `10x synopsis (${ten.words} words)`,
      value: round(ten.ms, 1),
      unit: 'ms',
      reference: `1x ${round(one.ms, 1)} ms (${one.words} words)`,
      ratio: round(costRatio, 2),
      target: `ratio ~${round(wordRatio, 1)} (linear; <= ${round(wordRatio * 1.5, 0)} accepted)`,
      verdict: check(costRatio <= wordRatio * 1.5),
    });
    figures.push({
      metric: '10x synopsis throughput',
      value: Math.round(ten.words / (ten.ms / 1000)),
      unit: 'words/s',
      reference: `1x ${Math.round(one.words / (one.ms / 1000))} words/s`,
      verdict: 'report',
    });
    return Promise.resolve({ status: 'ok' as const, figures, notes: [], details });
  },
};
