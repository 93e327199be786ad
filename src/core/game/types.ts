import type { Question } from '../questions/question.ts';
import type { Standing } from '../scoring/standings.ts';
import type { GameSettings } from './settings.ts';

export type ChoiceIndex = 0 | 1 | 2 | 3;

export interface LockedAnswer {
  playerId: string;
  roundIndex: number;
  choiceIndex: ChoiceIndex;
  at: number;
  correct: boolean;
  /** Computed when locked, credited to the player's totals when the round closes (no spoilers mid-round). */
  points: number;
}

export interface OpenRound {
  /** 0-based position in the game. */
  index: number;
  question: Question;
  correctIndex: ChoiceIndex;
  openedAt: number;
  /** Exclusive: an answer at `deadline` or later is too late. */
  deadline: number;
  /** In lock order. */
  answers: readonly LockedAnswer[];
}

export type CloseCause = 'deadline' | 'all-answered';

export interface ClosedRound extends OpenRound {
  closedAt: number;
  closedBy: CloseCause;
}

export interface PlayerRecord {
  playerId: string;
  /** The round that was open, or about to open, when the player pressed "join"; null if they never joined. */
  joinedRound: number | null;
  joinedAt: number | null;
  points: number;
  answered: number;
  correct: number;
  /** See PlayerTotals.reachedAt; null until the first answer. */
  reachedAt: number | null;
  /** Right/wrong per answered round, in order (for streaks). */
  results: readonly boolean[];
}

export type EndReason =
  { kind: 'completed' } | { kind: 'stopped'; by: string } | { kind: 'idle'; rounds: number };

export type GamePhase =
  | { kind: 'waiting' }
  | { kind: 'open'; round: OpenRound }
  | { kind: 'ended'; reason: EndReason; endedAt: number };

export interface GameState {
  gameId: string;
  channelId: string;
  starterId: string;
  settings: GameSettings;
  /** The questions this game will ask, in order; `questions.length` is the number of rounds. */
  questions: readonly Question[];
  startedAt: number;
  phase: GamePhase;
  /** Closed rounds, in order. */
  rounds: readonly ClosedRound[];
  players: Readonly<Record<string, PlayerRecord>>;
  /** Consecutive closed rounds without a single answer. */
  silentRounds: number;
}

export interface Reveal {
  roundIndex: number;
  total: number;
  questionId: string;
  correctIndex: ChoiceIndex;
  correctAnswer: string;
  /** The synopsis sentence the question came from. */
  source: string;
  /** Answers per option, indexed like the question's choices. */
  counts: [number, number, number, number];
  /** Players who were right, fastest first (ties by player id). */
  correctPlayers: { playerId: string; elapsedMs: number; points: number }[];
  /** Points gained this round by everyone who answered (0 when wrong), in lock order. */
  gained: { playerId: string; points: number; correct: boolean }[];
  /** Running standings after this round. */
  standings: Standing[];
  closedBy: CloseCause;
}

export type GameEvent =
  | { type: 'game-started'; gameId: string; total: number; starterId: string; at: number }
  | { type: 'player-joined'; playerId: string; at: number }
  | {
      type: 'round-opened';
      roundIndex: number;
      total: number;
      question: Question;
      openedAt: number;
      deadline: number;
    }
  | { type: 'answer-locked'; playerId: string; roundIndex: number; answeredCount: number }
  | { type: 'round-closed'; reveal: Reveal; closedAt: number }
  | { type: 'game-ended'; reason: EndReason; standings: Standing[]; endedAt: number };

export interface Transition {
  state: GameState;
  events: GameEvent[];
}
