// Pure rendering of informational replies: help and the pack list.
import type { APIEmbed } from 'discord-api-types/v10';
import { helpText } from '../../../core/i18n/help.ts';
import { t } from '../../../core/i18n/translate.ts';
import type { Lang } from '../../../core/questions/question.ts';
import type { PackSummary } from '../../../core/storage.ts';
import { clip, LIMITS } from './limits.ts';

export function renderHelp(lang: Lang): { embeds: APIEmbed[] } {
  const help = helpText(lang);
  return {
    embeds: [
      {
        color: 0x5865f2,
        title: help.title,
        description: clip(help.sections.join('\n\n'), LIMITS.embedDescription),
      },
    ],
  };
}

export function renderPacks(lang: Lang, packs: readonly PackSummary[]): { embeds: APIEmbed[] } {
  const lines = packs.map((pack) =>
    pack.year
      ? t(lang, 'packs.line', {
          title: pack.title,
          year: String(pack.year),
          count: pack.questionCount,
          id: pack.id,
        })
      : t(lang, 'packs.lineNoYear', { title: pack.title, count: pack.questionCount, id: pack.id }),
  );
  return {
    embeds: [
      {
        color: 0x5865f2,
        title: t(lang, 'packs.title'),
        description: clip(
          lines.length > 0 ? lines.join('\n') : t(lang, 'packs.empty'),
          LIMITS.embedDescription,
        ),
      },
    ],
  };
}
