// Ports of the daily challenge: what the use cases need from the database (DailyStore) and from Discord
// (DailyPublisher). Adapters implement them; the exactly-once rules live in the store's single statements.
import type { Lang } from '../questions/question.ts';
import type { LocalDateString } from '../time/calendar.ts';
import type { DailyHistoryEntry } from './challenge.ts';

export type DailyPostStatus = 'pending' | 'sent' | 'failed';

/** A server whose daily challenge is switched on and has a channel, with its most recent challenge. */
export interface DailyServer {
  serverId: string;
  channelId: string;
  timeZone: string;
  postTime: string;
  language: Lang | 'auto';
  enabledPackIds: string[];
  latest: DailyChallengeState | undefined;
}

export interface DailyChallengeState {
  challengeId: string;
  localDate: LocalDateString;
  status: DailyPostStatus;
  /** Epoch ms; undefined when nobody holds the send. */
  leaseUntil: number | undefined;
  attempts: number;
}

export interface DailyChallengeRecord {
  challengeId: string;
  serverId: string;
  localDate: LocalDateString;
  number: number;
  timeZone: string;
  questionIds: string[];
  channelId: string;
  status: DailyPostStatus;
  messageId: string | undefined;
  attempts: number;
  resetsAt: number;
}

export interface NewDailyChallenge {
  serverId: string;
  localDate: LocalDateString;
  number: number;
  timeZone: string;
  questionIds: string[];
  channelId: string;
  createdAt: number;
  resetsAt: number;
}

export interface DailyEntryRecord {
  challengeId: string;
  playerId: string;
  startedAt: number;
  finishedAt: number | undefined;
  correct: number;
  points: number;
  answers: DailyAnswerRecord[];
}

export interface DailyAnswerRecord {
  questionIndex: number;
  choiceIndex: number | null;
  correct: boolean;
  points: number;
  askedAt: number;
  answeredAt: number;
}

export interface NewDailyEntry {
  challengeId: string;
  serverId: string;
  playerId: string;
  playerName: string;
  localDate: LocalDateString;
  /** The day before `localDate`, as a calendar date (computed in core, so DST cannot matter). */
  previousDate: LocalDateString;
  startedAt: number;
}

export type StartEntryResult = { kind: 'started' } | { kind: 'exists' };

export interface NewDailyAnswer extends DailyAnswerRecord {
  challengeId: string;
  playerId: string;
  /** True for the challenge's last question: the entry is finished in the same statement. */
  last: boolean;
}

export interface DailyStreakRecord {
  current: number;
  best: number;
  lastLocalDate: LocalDateString | undefined;
}

export interface DailyPlayerLine {
  playerId: string;
  displayName: string;
}

export interface DailyTopPlayer extends DailyPlayerLine {
  points: number;
  correct: number;
}

export interface DailyTopStreak extends DailyPlayerLine {
  current: number;
}

export interface DailyStore {
  /** Every server with the daily challenge on and a channel set (the caller filters by shard and time). */
  activeServers(): Promise<DailyServer[]>;
  /** Questions of this server's past challenges, newest first, up to `limit` challenges. */
  history(serverId: string, limit: number): Promise<DailyHistoryEntry[]>;
  /** Creates the (server, local date) challenge unless it exists; returns the one stored either way. */
  ensureChallenge(challenge: NewDailyChallenge): Promise<DailyChallengeRecord>;
  /**
   * Takes the send of a pending challenge for `leaseMs`, in one statement: only one caller gets it while the
   * lease runs, and a lease whose holder died expires. Undefined when it is sent, failed, or held by someone.
   */
  claim(challengeId: string, now: number, leaseMs: number): Promise<DailyChallengeRecord | undefined>;
  /** Records the message; false if the challenge was no longer pending (someone else confirmed it first). */
  markSent(challengeId: string, messageId: string, at: number): Promise<boolean>;
  /** Gives up on this day's post and records the error on the server for the admin (only by the claim holder). */
  markFailed(challengeId: string, attempt: number, error: string, at: number): Promise<void>;
  /** Keeps the challenge pending, retried once `retryAt` has passed (only by the claim holder). */
  retryLater(challengeId: string, attempt: number, error: string, retryAt: number): Promise<void>;
  /** After the admin picks a new channel: today's failed post goes back to pending, aimed at it. */
  rearmFailed(serverId: string, localDate: LocalDateString, channelId: string): Promise<boolean>;
  challenge(challengeId: string): Promise<DailyChallengeRecord | undefined>;
  challengeOn(serverId: string, localDate: LocalDateString): Promise<DailyChallengeRecord | undefined>;
  /** The most recent challenge strictly before `localDate`. */
  previousChallenge(serverId: string, localDate: LocalDateString): Promise<DailyChallengeRecord | undefined>;
  /** Creates the entry (and counts the day in the streak) in one statement; a second start changes nothing. */
  startEntry(entry: NewDailyEntry): Promise<StartEntryResult>;
  entry(challengeId: string, playerId: string): Promise<DailyEntryRecord | undefined>;
  /** Stores the answer and adds it to the entry's totals in one statement; a repeat is a duplicate. */
  recordAnswer(answer: NewDailyAnswer): Promise<'recorded' | 'duplicate'>;
  streak(serverId: string, playerId: string): Promise<DailyStreakRecord | undefined>;
  topPlayers(challengeId: string, limit: number): Promise<DailyTopPlayer[]>;
  /** Streaks still alive on `today` (last played today or yesterday), longest first. */
  topStreaks(serverId: string, yesterday: LocalDateString, limit: number): Promise<DailyTopStreak[]>;
  /** The last posting error not yet shown to the admin, marked as shown. */
  takeUnnotifiedError(serverId: string): Promise<{ error: string; at: number } | undefined>;
}

export interface DailyRevealQuestion {
  prompt: string;
  answer: string;
}

/** What the day's post shows: the new challenge and, when there was one, the previous challenge's answers. */
export interface DailyPostView {
  /** Also the marker the publisher puts on the post (the play button's id), so a post can be found again. */
  challengeId: string;
  serverId: string;
  number: number;
  localDate: LocalDateString;
  questionCount: number;
  secondsPerQuestion: number;
  /** Epoch ms of the next local midnight; rendered as <t:unix:R>. */
  resetsAt: number;
  lang: Lang;
  previous:
    | {
        number: number;
        questions: DailyRevealQuestion[];
        topPlayers: DailyTopPlayer[];
        topStreaks: DailyTopStreak[];
      }
    | undefined;
}

export type PostFailure = 'channel-missing' | 'forbidden' | 'transient';

export type PostResult = { ok: true; messageId: string } | { ok: false; error: PostFailure };

export type FindPostResult =
  | { kind: 'found'; messageId: string }
  | { kind: 'not-found' }
  /** The channel could not be read: the caller must not assume the post is absent. */
  | { kind: 'unknown'; error: PostFailure };

export interface DailyPublisher {
  /** Sends the post. Implementations bound the time they take (well under the claim lease). */
  postChallenge(channelId: string, view: DailyPostView): Promise<PostResult>;
  /** Looks for an earlier post of this challenge (by its marker) among the channel's recent messages. */
  findChallengePost(channelId: string, challengeId: string): Promise<FindPostResult>;
  /** Deletes a post that turned out to be a duplicate; best effort (failures are logged by the caller). */
  retractPost(channelId: string, messageId: string): Promise<void>;
}
