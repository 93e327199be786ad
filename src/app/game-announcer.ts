// What a running game shows in its channel. The Discord adapter renders these; tests and the sandbox see them too.
import type { EndReason, Reveal } from '../core/game/types.ts';
import type { Lang, Question } from '../core/questions/question.ts';
import type { Standing } from '../core/scoring/standings.ts';

export interface GameStartedView {
  gameId: string;
  starterId: string;
  packTitle: string;
  questionCount: number;
  seconds: number;
  lang: Lang;
}

export interface QuestionView {
  gameId: string;
  roundIndex: number;
  total: number;
  question: Question;
  deadline: number;
  lang: Lang;
}

export interface RevealView {
  gameId: string;
  question: Question;
  questionMessageId: string | undefined;
  reveal: Reveal;
  /** When the next question opens; undefined after the last one. */
  nextAt: number | undefined;
  lang: Lang;
}

export interface GameEndedView {
  gameId: string;
  reason: EndReason | { kind: 'interrupted' };
  standings: Standing[];
  lang: Lang;
}

/** Posts to a channel; each returns the message id it created (undefined when the post failed and was logged). */
export interface GameAnnouncer {
  gameStarted(channelId: string, view: GameStartedView): Promise<string | undefined>;
  questionOpened(channelId: string, view: QuestionView): Promise<string | undefined>;
  roundClosed(channelId: string, view: RevealView): Promise<void>;
  gameEnded(channelId: string, view: GameEndedView): Promise<void>;
}
