import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../src/core/questions/pack-format.ts';
import { PACK_DIR } from '../../support/synopses.ts';

const committed = (): unknown =>
  JSON.parse(readFileSync(join(PACK_DIR, 'mission-impossible-iii.json'), 'utf8')) as unknown;

describe('parsePack', () => {
  it('when a committed pack is loaded, then it parses with all its questions', () => {
    const pack = parsePack(committed());
    expect('error' in pack).toBe(false);
    if (!('error' in pack)) expect(pack.questions.length).toBeGreaterThanOrEqual(40);
  });

  it('when the input is not a pack, then an error is returned instead of a throw', () => {
    for (const bad of [null, 42, 'pack', [], {}, { meta: {} }])
      expect(parsePack(bad)).toHaveProperty('error');
  });

  it('when a question has three options or an answer outside its options, then the pack is refused', () => {
    const json = committed() as { questions: { choices: string[]; answer: string }[] };
    const three = structuredClone(json);
    three.questions[0]?.choices.pop();
    expect(parsePack(three)).toHaveProperty('error');
    const outside = structuredClone(json);
    if (outside.questions[0]) outside.questions[0].answer = 'Nobody';
    expect(parsePack(outside)).toHaveProperty('error');
  });

  it('when a pack is oversized, then it is refused before its questions are read', () => {
    const json = committed() as { questions: unknown[] };
    const big = { ...json, questions: Array.from({ length: 2001 }, () => json.questions[0]) };
    expect(parsePack(big)).toEqual({ error: expect.stringContaining('at most') as string });
  });

  it('when two questions share an id, then the pack is refused', () => {
    const json = committed() as { questions: unknown[] };
    expect(parsePack({ ...json, questions: [json.questions[0], json.questions[0]] })).toEqual({
      error: expect.stringContaining('duplicate') as string,
    });
  });
});
