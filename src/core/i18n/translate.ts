import type { SettingsError } from '../game/settings.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import type { Lang, MessageKey, Messages, ParamsFor, ParamValue } from './messages.ts';

export const CATALOGUES: Readonly<Record<Lang, Messages>> = { en, es };

const NUMBER_LOCALE: Readonly<Record<Lang, string>> = { en: 'en-US', es: 'es-ES' };
const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(locale: Lang, n: number): string {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(NUMBER_LOCALE[locale], { maximumFractionDigits: 2 });
    numberFormats.set(locale, f);
  }
  return f.format(n);
}

type ParamArgs<K extends MessageKey> = keyof ParamsFor<K> extends never ? [] : [params: ParamsFor<K>];

/**
 * The message `key` in `locale` with its {placeholders} filled; numbers are formatted for the language. Keys
 * and required params are checked by the compiler against the English catalogue.
 */
export function t<K extends MessageKey>(locale: Lang, key: K, ...args: ParamArgs<K>): string {
  const params = (args[0] ?? {}) as Readonly<Record<string, ParamValue>>;
  // Keys can arrive untyped (stored data); show the English text, then the bare key, rather than crash.
  const lookup = (lang: Lang): string | undefined =>
    (CATALOGUES[lang] as Partial<Record<string, string>>)[key];
  const template = lookup(locale) ?? lookup('en') ?? key;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** "3 h 05 min", "12 min", "40 s": for "next challenge in". Rounds up so it never says 0 before the time. */
export function formatDuration(locale: Lang, ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  if (totalSeconds < 60) return t(locale, 'duration.seconds', { seconds: totalSeconds });
  const totalMinutes = Math.ceil(totalSeconds / 60);
  if (totalMinutes < 60) return t(locale, 'duration.minutes', { minutes: totalMinutes });
  return t(locale, 'duration.hoursMinutes', {
    hours: Math.floor(totalMinutes / 60),
    minutes: String(totalMinutes % 60).padStart(2, '0'),
  });
}

/** One user-facing message per settings validation error. */
export function settingsErrorMessage(locale: Lang, error: SettingsError): string {
  switch (error.field) {
    case 'questionCount':
    case 'secondsPerQuestion': {
      const key = error.field === 'questionCount' ? 'settings.questionsRange' : 'settings.secondsRange';
      if (error.code === 'out-of-range') return t(locale, key, { min: error.min, max: error.max });
      const field = t(
        locale,
        error.field === 'questionCount' ? 'settings.fieldQuestions' : 'settings.fieldSeconds',
      );
      return t(locale, 'settings.notWholeNumber', { field });
    }
    case 'difficulty':
      return t(locale, 'settings.invalidDifficulty');
    case 'packId':
      return t(locale, 'settings.missingPack');
  }
}
