import { describe, expect, it } from 'vitest';
import { AcceptedQuestions } from '../../../src/core/questions/accepted.ts';
import { gate } from '../../../src/core/questions/gates.ts';
import type { GateContext } from '../../../src/core/questions/gates.ts';
import type { Question } from '../../../src/core/questions/question.ts';
import { fold } from '../../../src/core/synopsis/text.ts';

const SOURCE = 'Ethan Hunt (Tom Cruise) lives with his fiancée Julia (Michelle Monaghan), a hospital nurse.';

function question(overrides: Partial<Question> = {}): Question {
  return {
    id: 'p-1',
    packId: 'p',
    lang: 'en',
    type: 'role',
    prompt: 'Who is a hospital nurse?',
    choices: ['Julia', 'Zhen', 'Benji', 'Musgrave'],
    answer: 'Julia',
    accepted: ['Julia'],
    difficulty: 2,
    source: SOURCE,
    provenance: { sentenceIndex: 0, start: 0, end: 10 },
    ...overrides,
  };
}

const ctx = (overrides: Partial<GateContext> = {}): GateContext => ({
  truths: [],
  giveaways: ['Michelle Monaghan'],
  slot: 'a hospital nurse',
  foldedBody: fold(SOURCE),
  ...overrides,
});

const none = (): AcceptedQuestions => new AcceptedQuestions(fold(SOURCE));

describe('gate', () => {
  it('when the question is sound, then it passes', () => {
    expect(gate(question(), ctx(), none())).toBeUndefined();
  });

  it('when the answer, an alias or the paired actor is in the stem, then it is rejected as answer-in-stem', () => {
    expect(gate(question({ prompt: 'Is Julia a hospital nurse?' }), ctx(), none())).toBe('answer-in-stem');
    expect(
      gate(question({ prompt: 'Whom does Michelle Monaghan play, a hospital nurse?' }), ctx(), none()),
    ).toBe('answer-in-stem');
  });

  it('when a slot is unfilled or the stem starts from a pronoun, then it is rejected with that reason', () => {
    expect(gate(question({ prompt: 'Who is {role}?' }), ctx(), none())).toBe('unfilled-slot');
    expect(gate(question(), ctx({ slot: '' }), none())).toBe('unfilled-slot');
    expect(gate(question(), ctx({ slot: 'he marries her at the hospital' }), none())).toBe('pronoun-start');
    expect(gate(question(), ctx({ slot: 'ella huye' }), none())).toBe('pronoun-start');
  });

  it('when options are not four distinct values of one kind, then it is rejected as options-invalid', () => {
    expect(gate(question({ choices: ['Julia', 'julia', 'Benji', 'Zhen'] }), ctx(), none())).toBe(
      'options-invalid',
    );
    expect(gate(question({ choices: ['Julia', '48', 'Benji', 'Zhen'] }), ctx(), none())).toBe(
      'options-invalid',
    );
    expect(gate(question({ choices: ['Julia', 'a nurse', 'Benji', 'Zhen'] }), ctx(), none())).toBe(
      'options-invalid',
    );
  });

  it('when a distractor is also true according to the facts, then it is rejected as distractor-true', () => {
    expect(gate(question(), ctx({ truths: ['Zhen'] }), none())).toBe('distractor-true');
  });

  it('when the answer does not occur in the source sentence, then it is rejected as ungrounded', () => {
    expect(gate(question({ source: 'Ethan leaves for his honeymoon.' }), ctx(), none())).toBe('ungrounded');
  });

  it('when a question nearly repeats an accepted one, then it is rejected as near-duplicate', () => {
    const first = question();
    expect(
      gate(
        question({ id: 'p-2', prompt: 'Who is the hospital nurse?' }),
        ctx(),
        AcceptedQuestions.of([first], fold(SOURCE)),
      ),
    ).toBe('near-duplicate');
  });

  it('when the prompt or an option exceeds the Discord limits, then it is rejected as too-long', () => {
    expect(
      gate(question({ choices: ['Julia', 'Zhen', 'Benji', `M${'u'.repeat(80)}sgrave`] }), ctx(), none()),
    ).toBe('too-long');
    expect(gate(question({ prompt: `Who is ${'very '.repeat(60)}a hospital nurse?` }), ctx(), none())).toBe(
      'too-long',
    );
  });
});
