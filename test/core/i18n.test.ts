import { describe, expect, it } from 'vitest';
import {
  CATALOGUES,
  en,
  es,
  formatDuration,
  helpText,
  langFromLocale,
  placeholders,
  resolveChannelLocale,
  resolveLocale,
  settingsErrorMessage,
  SUPPORTED_LANGS,
  t,
  type MessageKey,
} from '../../src/core/i18n/index.ts';
import { validateGameSettings } from '../../src/core/game/settings.ts';

const keys = Object.keys(en) as MessageKey[];

describe('catalogues', () => {
  it('when comparing languages, then every key exists in both and nowhere else', () => {
    expect(Object.keys(es).sort()).toEqual(keys.slice().sort());
  });

  it('when comparing a key across languages, then it uses exactly the same placeholders', () => {
    for (const key of keys) {
      expect({ key, params: placeholders(es[key]).sort() }).toEqual({
        key,
        params: placeholders(en[key]).sort(),
      });
    }
  });

  it('when every placeholder is given, then no template is left with an unfilled one or is empty', () => {
    for (const lang of SUPPORTED_LANGS) {
      for (const key of keys) {
        const params = Object.fromEntries(placeholders(en[key]).map((p) => [p, 'X']));
        const text = (t as (l: typeof lang, k: MessageKey, p: object) => string)(lang, key, params);
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(text, `${lang} ${key}`).not.toMatch(/\{[A-Za-z0-9_]+\}/);
      }
    }
  });

  it('when the brief lists a topic, then its keys exist', () => {
    const required: MessageKey[] = [
      'answer.lockedIn',
      'answer.alreadyLocked',
      'answer.tooLate',
      'game.noGameRunning',
      'game.alreadyRunning',
      'game.started',
      'game.questionHeader',
      'reveal.answer',
      'end.finalStandingsTitle',
      'end.stoppedBy',
      'end.stopNotAllowed',
      'end.idle',
      'help.howToPlay',
      'help.scoring',
      'packs.title',
      'error.tryAgainLater',
      'error.invalidOption',
      'error.unknownInteraction',
      'error.needsManageServer',
      'settings.secondsRange',
      'settings.questionsRange',
      'settings.unknownTimeZone',
      'settings.channelNotPostable',
      'leaderboard.title',
      'stats.accuracy',
      'daily.playButton',
      'daily.alreadyPlayed',
      'daily.result',
      'daily.streak',
      'daily.nextIn',
    ];
    for (const key of required) expect(Object.keys(CATALOGUES.en)).toContain(key);
  });
});

describe('t', () => {
  it('when params are given, then they are filled and numbers formatted per language', () => {
    expect(t('en', 'game.questionHeader', { number: 3, total: 10 })).toBe('Question 3 of 10');
    expect(t('es', 'game.questionHeader', { number: 3, total: 10 })).toBe('Pregunta 3 de 10');
    expect(t('en', 'end.winner', { player: 'Ana', points: 12_345 })).toBe('🏆 Ana wins with 12,345 points!');
    expect(t('es', 'end.winner', { player: 'Ana', points: 12_345 })).toBe('🏆 ¡Ana gana con 12.345 puntos!');
  });

  it('when a key has no params, then none are needed', () => {
    expect(t('es', 'answer.tooLate')).toBe('Demasiado tarde: se acabó el tiempo para esta pregunta.');
  });

  it('when params are missing or unknown, then the compiler refuses', () => {
    // @ts-expect-error missing `total`
    const missing = t('en', 'game.questionHeader', { number: 1 });
    // @ts-expect-error unknown key
    const unknown = t('en', 'no.such.key');

    expect(missing).toBe('Question 1 of {total}');
    expect(unknown).toBe('no.such.key');
  });

  it('when formatting durations, then the largest sensible units are used', () => {
    expect(formatDuration('en', 40_000)).toBe('40 s');
    expect(formatDuration('en', 12 * 60_000)).toBe('12 min');
    expect(formatDuration('es', 3 * 3_600_000 + 5 * 60_000)).toBe('3 h 05 min');
  });

  it('when settings are invalid, then each error has a message in the player language', () => {
    const result = validateGameSettings({ questionCount: 0, secondsPerQuestion: 'x', packId: 'p' });
    const errors = result.ok ? [] : result.errors;

    expect(errors.map((e) => settingsErrorMessage('en', e))).toEqual([
      'Number of questions must be a whole number from 1 to 50.',
      'Seconds per question must be a whole number.',
    ]);
    expect(
      settingsErrorMessage('es', { field: 'secondsPerQuestion', code: 'out-of-range', min: 10, max: 120 }),
    ).toBe('Los segundos por pregunta deben ser un número entero entre 10 y 120.');
  });
});

describe('locale resolution', () => {
  it('when given Discord locales, then they map to our languages', () => {
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('en-GB')).toBe('en');
    expect(langFromLocale('es-ES')).toBe('es');
    expect(langFromLocale('es-419')).toBe('es');
    expect(langFromLocale('fr')).toBeNull();
    expect(langFromLocale(undefined)).toBeNull();
  });

  it('when the server forces a language, then it wins over the player', () => {
    expect(resolveLocale('es-ES', 'en', 'es-ES')).toBe('en');
    expect(resolveLocale('en-US', 'es')).toBe('es');
  });

  it('when the server follows players, then the player locale, then the server locale, then English', () => {
    expect(resolveLocale('es-419', 'auto', 'en-US')).toBe('es');
    expect(resolveLocale('fr', 'auto', 'es-ES')).toBe('es');
    expect(resolveLocale('fr', 'auto', 'de')).toBe('en');
    expect(resolveLocale(null, 'auto')).toBe('en');
    expect(resolveChannelLocale('auto', 'es-ES')).toBe('es');
  });
});

describe('helpText', () => {
  it('when rendered, then the numbers come from the scoring and game rules', () => {
    const help = helpText('en');

    expect(help.sections.join('\n')).toContain(
      '100 (easy), 150 (medium) or 200 (hard) points, plus up to 100',
    );
    expect(help.sections.join('\n')).toContain('after 3 questions in a row');
    expect(helpText('es').title).toBe('Cómo jugar a Plot Trivia');
  });
});
