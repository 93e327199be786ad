import { describe, expect, it } from 'vitest';
import { parseSynopsis } from '../../../src/core/synopsis/document.ts';
import { analyse } from '../../../src/core/synopsis/entities.ts';
import { extractFacts } from '../../../src/core/synopsis/facts.ts';
import type { Fact } from '../../../src/core/synopsis/facts.ts';

const facts = (text: string): Fact[] => extractFacts(analyse(parseSynopsis(text)));
const ofKind = <K extends Fact['kind']>(list: Fact[], kind: K): Extract<Fact, { kind: K }>[] =>
  list.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);

describe('extractFacts', () => {
  it('when a name has an appositive, then it becomes a role with its provenance', () => {
    const text = 'lang: en\n\nEthan meets Julia (Michelle Monaghan), a hospital nurse, at a party.';
    const list = facts(text);
    const role = ofKind(list, 'role').find((f) => f.subject === 'Julia');
    expect(role).toMatchObject({ role: 'a hospital nurse', head: 'nurse', sentenceIndex: 0 });
    const body = parseSynopsis(text).body;
    expect(body.slice(role?.start, role?.end)).toContain('Julia');
    expect(ofKind(list, 'cast')).toEqual([
      expect.objectContaining({ character: 'Julia', actor: 'Michelle Monaghan' }),
    ]);
  });

  it('when a Spanish role precedes a name, then the role keeps its article', () => {
    const list = facts(
      'lang: es\n\nHunt sobrevive junto con el analista de inteligencia Brandt. Hendricks, un estratega nuclear, huye.',
    );
    expect(ofKind(list, 'role').map((f) => [f.subject, f.role])).toEqual(
      expect.arrayContaining([
        ['Brandt', 'el analista de inteligencia'],
        ['Hendricks', 'un estratega nuclear'],
      ]),
    );
  });

  it('when a possessive relation names someone, then the owner is the subject or the person before the comma', () => {
    const list = facts(
      'lang: en\n\nEthan Hunt lives with his fiancée Julia. Hammond invites Alan Grant, his partner Ellie Sattler, and others.',
    );
    const relations = ofKind(list, 'relation').map((f) => [f.subject, f.relation, f.of]);
    expect(relations).toContainEqual(['Julia', 'fiancée', 'Ethan Hunt']);
    expect(relations).toContainEqual(['Ellie Sattler', 'partner', 'Alan Grant']);
  });

  it('when someone is revealed as the traitor or as another character, then a reveal fact is made', () => {
    const en = facts(
      'lang: en\n\nAfter Davian leaves, Musgrave enters, revealing himself as the traitor and laughs.',
    );
    expect(ofKind(en, 'reveal')).toContainEqual(
      expect.objectContaining({ subject: 'Musgrave', identity: 'the traitor', identityIsPerson: false }),
    );
    const es = facts(
      'lang: es\n\nEl equipo identifica a Cobalto como Hendricks. Luego Hunt descubre que Wistrom es Hendricks disfrazado.',
    );
    const pairs = ofKind(es, 'reveal').map((f) => [f.subject, f.identity]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['Cobalto', 'Hendricks'],
        ['Wistrom', 'Hendricks'],
      ]),
    );
  });

  it('when a reported claim says someone is a mole, then it is kept only as a reported role', () => {
    const list = facts(
      'lang: en\n\nLindsey had discovered that Director Brassel is a mole, who has been leaking secrets.',
    );
    expect(ofKind(list, 'reveal')).toEqual([]);
    expect(ofKind(list, 'role').find((f) => f.head === 'mole')?.reported).toBe(true);
    expect(ofKind(list, 'event').some((f) => f.subject === 'Brassel')).toBe(false);
  });

  it('when a quantity has a unit or follows "counting to", then its value is read from digits or words', () => {
    const list = facts(
      'lang: en\n\nHe must pay within 48 hours. After counting to ten, Davian shoots. Tres horas después, Ana huye.',
    );
    expect(ofKind(list, 'quantity').map((f) => [f.value, f.unit])).toEqual([
      [48, 'hours'],
      [10, undefined],
    ]);
    const es = facts('lang: es\n\nEl barco se hunde en menos de tres horas.');
    expect(ofKind(es, 'quantity').map((f) => [f.value, f.unit])).toEqual([[3, 'horas']]);
  });

  it('when a passive clause names its agent and place, then the event records both', () => {
    const list = facts(
      'lang: en\n\nEthan must rescue Agent Lindsey Farris, his protégé, who has been captured in Berlin by Owen Davian.',
    );
    const event = ofKind(list, 'event').find((f) => f.subject === 'Lindsey Farris');
    expect(event).toMatchObject({ place: 'Berlin', agent: 'Owen Davian', passive: true });
  });

  it('when an object is codenamed, then the description and name are kept', () => {
    const list = facts(
      'lang: en\n\nThey meet to sell a mysterious object, codenamed "The Rabbit\'s Foot", at night.',
    );
    expect(ofKind(list, 'object')).toEqual([
      expect.objectContaining({ name: "The Rabbit's Foot", description: 'a mysterious object' }),
    ]);
  });
});
