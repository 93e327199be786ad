import { describe, expect, it } from 'vitest';
import { parseSynopsis } from '../../../src/core/synopsis/document.ts';
import { analyse } from '../../../src/core/synopsis/entities.ts';
import type { Entity } from '../../../src/core/synopsis/entities.ts';

const entities = (text: string, knownNames: string[] = []): Entity[] =>
  analyse(parseSynopsis(text), { knownNames }).entities;
const named = (list: Entity[], name: string): Entity | undefined => list.find((e) => e.name === name);

describe('analyse', () => {
  it('when a character is followed by an actor in parentheses, then both are linked and titles are stripped', () => {
    const list = entities(
      'lang: en\n\nEthan is contacted by IMF Operations Director Musgrave (Billy Crudup). He must rescue Agent Lindsey Farris (Keri Russell). Musgrave lies.',
    );
    expect(named(list, 'Musgrave')?.playedBy).toBe('Billy Crudup');
    expect(named(list, 'Lindsey Farris')?.playedBy).toBe('Keri Russell');
    expect(named(list, 'Keri Russell')).toMatchObject({ kind: 'actor', plays: 'Lindsey Farris' });
    expect(named(list, 'Musgrave')?.mentions).toHaveLength(2);
  });

  it('when a full name is later shortened, then the short forms count as the same person', () => {
    const list = entities(
      'lang: en\n\nOwen Davian (Philip Seymour Hoffman) waits. Later Davian shoots. Owen runs.',
    );
    const davian = named(list, 'Owen Davian');
    expect(davian?.aliases).toEqual(expect.arrayContaining(['Owen', 'Davian']));
    expect(davian?.mentions).toHaveLength(3);
    expect(named(list, 'Davian')).toBeUndefined();
  });

  it('when places follow "in" or are known cities, then they are places and cities are flagged', () => {
    const list = entities(
      'lang: en\n\nThe team lands in Berlin. Later they reach Smallville Valley. Ethan flies to Rome.',
    );
    expect(named(list, 'Berlin')).toMatchObject({ kind: 'place', city: true });
    expect(named(list, 'Rome')).toMatchObject({ kind: 'place', city: true });
    expect(named(list, 'Smallville Valley')?.kind).toBe('place');
  });

  it('when an object is quoted or codenamed, then it is a named object and not a person', () => {
    const list = entities(
      'lang: en\n\nA mysterious object, codenamed "The Rabbit\'s Foot", is sold. Ethan steals the Rabbit\'s Foot.',
    );
    const foot = named(list, "The Rabbit's Foot");
    expect(foot?.kind).toBe('object');
    expect(foot?.mentions).toHaveLength(2);
    expect(list.some((e) => e.kind === 'person' && e.name.includes('Rabbit'))).toBe(false);
  });

  it('when a nickname follows "called" or "conocido como", then it is an alias of the person before it', () => {
    const en = entities('lang: en\n\nThomas Anderson, a programmer called Neo, meets Trinity. Neo wakes up.');
    expect(named(en, 'Thomas Anderson')?.aliases).toContain('Neo');
    const es = entities(
      'lang: es\n\nMarty es amigo del científico Emmett Brown, conocido como Doc. Doc Brown le muestra el coche.',
    );
    expect(named(es, 'Emmett Brown')?.aliases).toContain('Doc');
    expect(named(es, 'Doc Brown')).toBeUndefined();
  });

  it('when other packs know a full name, then its separate halves are joined', () => {
    const list = entities('lang: es\n\nEthan escapa de la prisión. El equipo de Hunt huye.', ['Ethan Hunt']);
    expect(named(list, 'Ethan Hunt')?.mentions).toHaveLength(2);
  });

  it('when a capitalised word names a ship after a common noun, then it is not a person', () => {
    const list = entities(
      'lang: en\n\nMorpheus is the captain of the hovercraft Nebuchadnezzar. Morpheus waits.',
    );
    expect(named(list, 'Nebuchadnezzar')).toBeUndefined();
  });
});
