import { DAILY_QUESTION_COUNT } from '../daily/challenge.ts';
import { IDLE_ROUND_LIMIT } from '../game/machine.ts';
import { BASE_POINTS, MAX_SPEED_BONUS } from '../scoring/points.ts';
import type { Lang } from './messages.ts';
import { t } from './translate.ts';

export interface HelpText {
  title: string;
  sections: string[];
}

/** The /help text, with the numbers taken from the rules themselves so the two never disagree. */
export function helpText(locale: Lang): HelpText {
  return {
    title: t(locale, 'help.title'),
    sections: [
      t(locale, 'help.howToPlay'),
      t(locale, 'help.scoring', {
        easy: BASE_POINTS[1],
        medium: BASE_POINTS[2],
        hard: BASE_POINTS[3],
        bonus: MAX_SPEED_BONUS,
      }),
      t(locale, 'help.endConditions', { idle: IDLE_ROUND_LIMIT }),
      t(locale, 'help.daily', { count: DAILY_QUESTION_COUNT }),
      t(locale, 'help.commands'),
    ],
  };
}
