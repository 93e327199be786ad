import { describe, expect, it } from 'vitest';
import {
  AcceptedQuestions,
  NEAR_DUPLICATE,
  NEAR_DUPLICATE_SAME_ANSWER,
  similarity,
} from '../../../src/core/questions/accepted.ts';
import { normaliseAnswer } from '../../../src/core/questions/match.ts';
import type { Question } from '../../../src/core/questions/question.ts';
import { seededRng } from '../../../src/core/synopsis/rng.ts';
import { fold } from '../../../src/core/synopsis/text.ts';

function question(
  n: number,
  prompt: string,
  answer = `Answer ${n}`,
  type: Question['type'] = 'agent',
): Question {
  return {
    id: `p-${n}`,
    packId: 'p',
    lang: 'en',
    type,
    prompt,
    choices: [answer, 'B', 'C', 'D'],
    answer,
    accepted: [answer],
    difficulty: 2,
    source: answer,
    provenance: { sentenceIndex: 0, start: 0, end: 1 },
  };
}

/** What the gate did before the index: compare with every accepted question. */
const repeatsByScan = (accepted: readonly Question[], q: Question): boolean =>
  accepted.some(
    (other) =>
      similarity(other.prompt, q.prompt) >= NEAR_DUPLICATE ||
      (other.type === q.type &&
        normaliseAnswer(other.answer) === normaliseAnswer(q.answer) &&
        similarity(other.prompt, q.prompt) >= NEAR_DUPLICATE_SAME_ANSWER),
  );

describe('AcceptedQuestions', () => {
  it('when thousands of unrelated questions are accepted, then a new prompt is compared with a few, not all', () => {
    const body = Array.from({ length: 3000 }, (_, n) => `Agent${n} betrays the crew in Port${n}.`).join(' ');
    const accepted = new AcceptedQuestions(fold(body));
    for (let n = 0; n < 3000; n++) accepted.add(question(n, `Who betrays the crew in Port${n}?`));

    // Every prompt shares "betrays" and "crew"; only the rarest word (the port) decides who is compared.
    expect(accepted.candidates('Who betrays the crew in Port1234?')).toHaveLength(1);
    expect(accepted.candidates('Who betrays the crew in Port9999?')).toHaveLength(0);
    expect(accepted.repeats(question(9000, 'WHO BETRAYS THE CREW IN PORT1234!'))).toBe(true);
    expect(accepted.repeats(question(9001, 'Who betrays the crew in Port9999?'))).toBe(false);
  });

  it('when prompts are drawn from a small vocabulary, then the index finds exactly the repeats a full scan finds', () => {
    const rng = seededRng('accepted-index');
    const vocabulary = [
      'Ethan',
      'Julia',
      'Berlin',
      'Rome',
      'rescues',
      'betrays',
      'crew',
      'agent',
      'bomb',
      'the',
    ];
    const words = (): string =>
      Array.from(
        { length: 1 + Math.floor(rng() * 7) },
        () => vocabulary[Math.floor(rng() * vocabulary.length)],
      ).join(' ');
    const body = fold(Array.from({ length: 200 }, words).join(' '));
    const accepted = new AcceptedQuestions(body);
    let repeats = 0;
    for (let n = 0; n < 600; n++) {
      const q = question(n, `Who ${words()}?`, `Answer ${n % 7}`, n % 2 === 0 ? 'agent' : 'cloze');
      const expected = repeatsByScan(accepted.list, q);
      expect(accepted.repeats(q)).toBe(expected);
      if (expected) repeats++;
      else accepted.add(q);
    }
    // Both outcomes were exercised.
    expect(repeats).toBeGreaterThan(50);
    expect(accepted.list.length).toBeGreaterThan(50);
  });

  it('when the same type and answer come back, then they are counted without scanning other answers', () => {
    const accepted = new AcceptedQuestions('');
    accepted.add(question(1, 'Who rescues Julia?', 'Ethan Hunt'));
    accepted.add(question(2, 'Who rescues Lindsey?', 'the Ethan Hunt', 'agent'));
    accepted.add(question(3, 'Who plays Ethan?', 'Tom Cruise', 'cast'));
    expect(accepted.sameAnswer(question(4, 'Who flies to Rome?', 'ethan hunt'))).toHaveLength(2);
    expect(accepted.sameAnswer(question(5, 'Who flies to Rome?', 'Ethan Hunt', 'cloze'))).toHaveLength(0);
  });
});
