import { describe, expect, it } from 'vitest';
import { detectLang, normaliseBody, parseSynopsis } from '../../../src/core/synopsis/document.ts';

describe('parseSynopsis', () => {
  it('when header lines are present, then they are read and removed from the body', () => {
    const doc = parseSynopsis(
      'title: Heat\nyear: 1995\nlang: en\nsource: notes\n\nNeil McCauley robs a bank.',
    );
    expect(doc.header).toEqual({ title: 'Heat', year: 1995, lang: 'en', source: 'notes' });
    expect(doc.body).toBe('Neil McCauley robs a bank.');
    expect(doc.lang).toBe('en');
  });

  it('when there is no lang header, then English and Spanish are told apart', () => {
    expect(detectLang('The agent meets his partner in the city and they escape.')).toBe('en');
    expect(detectLang('El agente se reúne con su compañero en la ciudad y escapan de la policía.')).toBe(
      'es',
    );
  });

  it('when paragraphs are glued without a space, then a space is restored', () => {
    expect(normaliseBody('He escapes successfully.After the funeral, he leaves.')).toBe(
      'He escapes successfully. After the funeral, he leaves.',
    );
    expect(normaliseBody('Wistrom es Hendricks disfrazado.Ethan Hunt (Tom Cruise) huye.')).toContain(
      'disfrazado. Ethan',
    );
  });

  it('when acronyms carry dots, then they are not split apart', () => {
    expect(normaliseBody('El presidente de EE.UU. decreta')).toBe('El presidente de EE.UU. decreta');
  });

  it('when the text has curly quotes and double hyphens, then they become plain quotes and an em dash', () => {
    expect(normaliseBody('the \u201cRabbit\u2019s Foot\u201d during the scuffle--Ethan')).toBe(
      'the "Rabbit\'s Foot" during the scuffle \u2014 Ethan',
    );
  });
});
