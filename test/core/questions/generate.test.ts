import { describe, expect, it } from 'vitest';
import { buildPacks, generatePack } from '../../../src/core/questions/generate.ts';
import type { GenerateResult } from '../../../src/core/questions/generate.ts';
import { matchesAnswer } from '../../../src/core/questions/match.ts';
import type { QuestionPack } from '../../../src/core/questions/question.ts';
import { structuralProblem } from '../../../src/core/questions/gates.ts';
import { fixtures, seeds } from '../../support/synopses.ts';

function packOf(result: GenerateResult): QuestionPack {
  if (!result.ok) throw new Error(result.error);
  return result.pack;
}

const built = buildPacks(seeds().map((s) => ({ packId: s.packId, text: s.text })));
const mi3 = packOf(
  built.find((b) => b.packId === 'mission-impossible-iii')?.result ?? { ok: false, error: 'missing' },
);
const gp = packOf(
  built.find((b) => b.packId === 'mission-impossible-ghost-protocol')?.result ?? {
    ok: false,
    error: 'missing',
  },
);
const answers = (pack: QuestionPack, type?: string): string[] =>
  pack.questions.filter((q) => !type || q.type === type).map((q) => q.answer);

describe('generatePack on the seed synopses', () => {
  it('when Mission: Impossible III is generated, then at least 40 questions pass every gate', () => {
    expect(mi3.questions.length).toBeGreaterThanOrEqual(40);
    expect(mi3.meta).toMatchObject({ id: 'mission-impossible-iii', lang: 'en' });
  });

  it('when Ghost Protocol is generated, then at least 20 Spanish questions pass every gate', () => {
    expect(gp.questions.length).toBeGreaterThanOrEqual(20);
    expect(
      gp.questions.every(
        (q) => q.lang === 'es' && (q.prompt.startsWith('¿') || q.prompt.startsWith('Completa')),
      ),
    ).toBe(true);
  });

  it('when MI3 is generated, then every cast pair is asked in both directions', () => {
    const pairs = mi3.facts.filter(
      (f): f is { kind: 'cast'; character: string; actor: string } =>
        (f as { kind?: string }).kind === 'cast',
    );
    expect(pairs).toHaveLength(10);
    for (const p of pairs) {
      expect(
        mi3.questions.some(
          (q) => q.type === 'cast' && q.answer === p.actor && q.prompt.includes(p.character),
        ),
      ).toBe(true);
      expect(
        mi3.questions.some(
          (q) => q.type === 'cast' && q.answer === p.character && q.prompt.includes(p.actor),
        ),
      ).toBe(true);
    }
  });

  it('when MI3 is generated, then roles, relations, places, numbers, the object and the traitor are all covered', () => {
    expect(answers(mi3, 'role')).toEqual(
      expect.arrayContaining(['Julia', 'Owen Davian', 'Benji', 'Musgrave']),
    );
    expect(answers(mi3, 'relation')).toEqual(
      expect.arrayContaining(['Julia', 'Lindsey Farris', 'Luther Stickel']),
    );
    const places = mi3.questions.filter((q) => q.type === 'place' || q.type === 'cloze').map((q) => q.answer);
    expect(places).toEqual(expect.arrayContaining(['Berlin', 'Rome', 'Shanghai', 'Vatican City']));
    expect(answers(mi3, 'quantity')).toEqual(expect.arrayContaining(['48', '10']));
    expect(answers(mi3, 'object')).toContain("The Rabbit's Foot");
    expect(mi3.questions).toContainEqual(expect.objectContaining({ type: 'reveal', answer: 'Musgrave' }));
    expect(mi3.questions).toContainEqual(
      expect.objectContaining({
        type: 'agent',
        answer: 'Owen Davian',
        prompt: 'By whom has Lindsey Farris been captured in Berlin?',
      }),
    );
  });

  it('when Ghost Protocol is generated, then its roles, both identity reveals and its places are covered', () => {
    expect(answers(gp, 'role')).toEqual(
      expect.arrayContaining(['Hannaway', 'Carter', 'Dunn', 'Sidorov', 'William Brandt', 'Hendricks']),
    );
    expect(gp.questions.filter((q) => q.type === 'reveal').map((q) => q.prompt)).toEqual(
      expect.arrayContaining(['¿Quién es en realidad Cobalto?', '¿Quién es en realidad Wistrom?']),
    );
    expect(answers(gp)).toEqual(expect.arrayContaining(['Kremlin', 'Budapest']));
    expect(gp.questions).toContainEqual(
      expect.objectContaining({
        type: 'relation',
        prompt: '¿Quién es la mano derecha de Hendricks?',
        answer: 'Wistrom',
      }),
    );
  });

  it('when any pack is generated, then every question has four distinct options, a grounded answer and a source', () => {
    for (const pack of [mi3, gp]) {
      for (const q of pack.questions) {
        expect(structuralProblem(q)).toBeUndefined();
        expect(q.choices).toContain(q.answer);
        expect(q.accepted).toContain(q.answer);
        expect(q.source.length).toBeGreaterThan(0);
        expect(pack.questions.filter((o) => o.id === q.id)).toHaveLength(1);
      }
    }
  });

  it('when a question names an answer, then no accepted form of it appears in the prompt', () => {
    for (const q of [...mi3.questions, ...gp.questions]) {
      const stem = q.prompt.replace('___', ' ');
      for (const a of q.accepted)
        expect(` ${stem.toLowerCase()} `).not.toMatch(
          new RegExp(`[^\\p{L}]${a.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\p{L}]`, 'u'),
        );
    }
  });

  it('when the same synopsis is generated twice, then ids, options and order are identical', () => {
    const again = buildPacks(seeds().map((s) => ({ packId: s.packId, text: s.text })));
    expect(JSON.stringify(again)).toBe(JSON.stringify(built));
  });
});

describe('generatePack on synopses written for the tests', () => {
  const results = buildPacks(fixtures().map((f) => ({ packId: f.packId, text: f.text })));

  it.each(fixtures().map((f) => [f.packId, f.lang] as const))(
    'when %s (%s) is generated, then it yields valid questions in its language',
    (packId, lang) => {
      const pack = packOf(
        results.find((r) => r.packId === packId)?.result ?? { ok: false, error: 'missing' },
      );
      expect(pack.meta.lang).toBe(lang);
      expect(pack.questions.length).toBeGreaterThanOrEqual(10);
      for (const q of pack.questions) expect(structuralProblem(q)).toBeUndefined();
    },
  );

  it('when a synopsis has the "(Actor)" convention, then cast questions come out; without it, none do', () => {
    const pack = (id: string): QuestionPack =>
      packOf(results.find((r) => r.packId === id)?.result ?? { ok: false, error: id });
    expect(answers(pack('the-matrix'), 'cast')).toEqual(
      expect.arrayContaining(['Keanu Reeves', 'Thomas Anderson', 'Hugo Weaving']),
    );
    expect(answers(pack('regreso-al-futuro'), 'cast')).toEqual(
      expect.arrayContaining(['Michael J. Fox', 'George McFly', 'Lea Thompson']),
    );
    expect(answers(pack('jurassic-park'), 'cast')).toEqual([]);
    expect(answers(pack('titanic'), 'cast')).toEqual([]);
  });

  it('when the Jurassic Park synopsis is read, then roles and the partner relation are right', () => {
    const jp = packOf(
      results.find((r) => r.packId === 'jurassic-park')?.result ?? { ok: false, error: 'missing' },
    );
    expect(jp.questions).toContainEqual(
      expect.objectContaining({ prompt: "Who is Alan Grant's partner?", answer: 'Ellie Sattler' }),
    );
    expect(jp.questions).toContainEqual(
      expect.objectContaining({ prompt: 'Who is a rival geneticist?', answer: 'Lewis Dodgson' }),
    );
    expect(jp.questions).toContainEqual(expect.objectContaining({ type: 'quantity', answer: '24' }));
  });

  it('when The Matrix is read, then the nickname Neo is accepted for Thomas Anderson and the ship is no character', () => {
    const matrix = packOf(
      results.find((r) => r.packId === 'the-matrix')?.result ?? { ok: false, error: 'missing' },
    );
    const q = matrix.questions.find((x) => x.type === 'cast' && x.answer === 'Thomas Anderson');
    expect(q && matchesAnswer('neo', q.accepted)).toBe(true);
    expect(matrix.questions.flatMap((x) => x.choices)).not.toContain('Nebuchadnezzar');
  });
});

describe('generatePack input limits', () => {
  it('when the synopsis is larger than 200 KB, then it is refused with a reason', () => {
    const result = generatePack('Ethan runs. '.repeat(20_000), { packId: 'huge' });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('200 KB') as string });
  });

  // How fast is the benchmark's business (`npm run bench -- generation`); this checks a long input still works.
  it('when a long synopsis (about 60 KB) is generated, then it is accepted and yields a pack', () => {
    const base = seeds().find((s) => s.lang === 'en')?.text ?? '';
    const names = ['Alpha', 'Bravo', 'Carlos', 'Delta', 'Echo', 'Fox', 'Golf', 'Hotel', 'India', 'Kilo'];
    const text = names.map((n) => base.replaceAll('Davian', n)).join('\n');
    const result = generatePack(text, { packId: 'long' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pack.questions.length).toBeGreaterThan(40);
  });

  it('when the synopsis is empty or the pack id is malformed, then it is refused with a reason', () => {
    expect(generatePack('   \n', { packId: 'empty' }).ok).toBe(false);
    expect(generatePack('Ethan runs.', { packId: '../etc/passwd' }).ok).toBe(false);
  });
});
