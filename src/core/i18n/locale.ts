import type { Lang } from '../questions/question.ts';

export type LanguageSetting = Lang | 'auto';

export const SUPPORTED_LANGS: readonly Lang[] = ['en', 'es'];

/**
 * Discord locale ('en-US', 'en-GB', 'es-ES', 'es-419', ...) to a language we speak, or null. Matching is on the
 * language subtag, so future regional variants map too.
 */
export function langFromLocale(locale: string | null | undefined): Lang | null {
  const language = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return language === 'en' || language === 'es' ? language : null;
}

/**
 * The language to answer a player in. A server that forces a language gets it. On 'auto' (follow each player):
 * the player's Discord locale, else the server's preferred locale, else English.
 */
export function resolveLocale(
  playerLocale: string | null | undefined,
  serverLanguage: LanguageSetting,
  guildLocale?: string | null,
): Lang {
  if (serverLanguage !== 'auto') return serverLanguage;
  return langFromLocale(playerLocale) ?? langFromLocale(guildLocale) ?? 'en';
}

/** For messages everyone in a channel sees (questions, reveals): the server's choice, else its locale. */
export function resolveChannelLocale(serverLanguage: LanguageSetting, guildLocale?: string | null): Lang {
  return resolveLocale(null, serverLanguage, guildLocale);
}
