// Storage ports: what the use cases need from a database, by role. Adapters implement them (src/adapters/db).
import type { LanguageSetting } from './i18n/locale.ts';
import type { Lang, Question } from './questions/question.ts';
import type { SeenQuestion } from './questions/selection.ts';

export type { LanguageSetting };

export interface ServerSettings {
  serverId: string;
  language: LanguageSetting;
  defaultQuestions: number;
  defaultSeconds: number;
  defaultPackId: string | undefined;
  /** Empty: every pack is enabled. */
  enabledPackIds: string[];
  timeZone: string;
  dailyChannelId: string | undefined;
  dailyTime: string;
  dailyEnabled: boolean;
  dailyLastError: string | undefined;
  dailyErrorNotified: boolean;
  season: number;
}

export type SettingsPatch = Partial<Omit<ServerSettings, 'serverId' | 'season'>>;

export interface SettingsStore {
  /** The server's settings, created with defaults on first use. */
  get(serverId: string): Promise<ServerSettings>;
  update(serverId: string, patch: SettingsPatch): Promise<ServerSettings>;
  /** Starts a new leaderboard season and records who reset it; returns the new season. */
  resetLeaderboard(serverId: string, resetBy: string, at: number): Promise<number>;
}

export interface PackSummary {
  id: string;
  title: string;
  year: number | undefined;
  lang: Lang;
  questionCount: number;
}

/** Questions come from the committed packs, mirrored into the database so history can reference them. */
export interface QuestionBank {
  packs(): PackSummary[];
  pack(packId: string): PackSummary | undefined;
  questions(packId: string): Question[];
  question(questionId: string): Question | undefined;
}

export type GameEndStatus = 'finished' | 'stopped' | 'idle' | 'interrupted';
export type RoundEndReason = 'deadline' | 'all_answered' | 'stopped' | 'interrupted';

export interface NewGame {
  serverId: string;
  channelId: string;
  packId: string;
  startedBy: string;
  questionCount: number;
  secondsPerQuestion: number;
  difficulty: number | undefined;
  startedAt: number;
}

export type CreateGameResult =
  | { kind: 'created'; gameId: string }
  | { kind: 'channel-busy'; gameId: string; messageId: string | undefined };

export interface NewRound {
  gameId: string;
  index: number;
  questionId: string;
  choiceOrder: number[];
  openedAt: number;
  deadline: number;
}

/** A player's locked-in answer with everything the totals need, written in one atomic statement. */
export interface AnswerRecord {
  roundId: string;
  gameId: string;
  serverId: string;
  playerId: string;
  /** Shown on the global leaderboard: a name that is the same in every server (never a server nickname). */
  playerName: string;
  packId: string;
  choiceIndex: number;
  correct: boolean;
  points: number;
  latencyMs: number;
  answeredAt: number;
  season: number;
  /** Leaderboard period keys this answer counts in, in the server's time zone: day:..., week:..., month:..., all. */
  periods: string[];
  /** The same for the global leaderboard, whose periods are in UTC. */
  globalPeriods: string[];
}

export type RecordAnswerResult = { kind: 'recorded' } | { kind: 'duplicate' };

export interface RunningGameRecord {
  gameId: string;
  serverId: string;
  channelId: string;
}

export interface GameStore {
  createGame(game: NewGame): Promise<CreateGameResult>;
  setGameMessage(gameId: string, messageId: string): Promise<void>;
  openRound(round: NewRound): Promise<string>;
  setRoundMessage(roundId: string, messageId: string): Promise<void>;
  /** Durable before it resolves; a second answer for the same round and player is a duplicate, not an error. */
  recordAnswer(answer: AnswerRecord): Promise<RecordAnswerResult>;
  /**
   * The same for many answers (any rounds, servers and periods) in one atomic write; results in input order.
   * A player appears at most once per batch.
   */
  recordAnswers(batch: readonly AnswerRecord[]): Promise<RecordAnswerResult[]>;
  closeRound(roundId: string, closedAt: number, reason: RoundEndReason): Promise<void>;
  endGame(gameId: string, status: GameEndStatus, endedAt: number): Promise<void>;
  /** Questions this channel saw, most recent first. */
  recentQuestions(channelId: string, limit: number): Promise<SeenQuestion[]>;
  runningGames(): Promise<RunningGameRecord[]>;
}
