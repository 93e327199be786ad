import type { Question } from '../../src/core/questions/question.ts';

/** A valid question whose answer is choice `answerIndex`. */
export function makeQuestion(
  id: string,
  overrides: Partial<Question> & { answerIndex?: number } = {},
): Question {
  const choices: [string, string, string, string] = [`${id}-a`, `${id}-b`, `${id}-c`, `${id}-d`];
  const { answerIndex = 0, ...rest } = overrides;
  const answer = choices[answerIndex] ?? choices[0];
  return {
    id,
    packId: 'pack-1',
    lang: 'en',
    type: 'cloze',
    prompt: `Prompt ${id}?`,
    choices,
    answer,
    accepted: [answer],
    difficulty: 1,
    source: `Source sentence for ${id}.`,
    provenance: { sentenceIndex: 0, start: 0, end: 10 },
    ...rest,
  };
}

export function makeQuestions(n: number, prefix = 'q'): Question[] {
  return Array.from({ length: n }, (_, i) => makeQuestion(`${prefix}${i + 1}`));
}
