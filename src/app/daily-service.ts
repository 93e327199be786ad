// Use cases of the daily challenge: configure it, post each server's challenge exactly once, play it privately,
// and report status and share lines. Rules live in core/daily; exactly-once lives in the store's statements.
import { challengeNumber, chooseDailyQuestions } from '../core/daily/challenge.ts';
import type {
  DailyChallengeRecord,
  DailyEntryRecord,
  DailyPostView,
  DailyPublisher,
  DailyServer,
  DailyStore,
  PostFailure,
} from '../core/daily/ports.ts';
import { answerDaily, isDailyRunFinished, type DailyRun } from '../core/daily/run.ts';
import { isPostDue, nextPostAt, nextPostingInstant, nextResetAt } from '../core/daily/schedule.ts';
import { DAILY_SECONDS_PER_QUESTION } from '../core/daily/scoring.ts';
import { shareLine } from '../core/daily/share.ts';
import { streakOn } from '../core/daily/streak.ts';
import { resolveChannelLocale } from '../core/i18n/locale.ts';
import type { Clock } from '../core/ports.ts';
import type { Lang, Question } from '../core/questions/question.ts';
import type { QuestionBank, ServerSettings, SettingsPatch, SettingsStore } from '../core/storage.ts';
import { addDays, isValidLocalTime, type LocalDateString } from '../core/time/calendar.ts';
import { canonicalTimeZone, isValidTimeZone, localDate } from '../core/time/zoned.ts';
import type { AppLogger } from './logger-port.ts';

/** How many past challenges the question choice looks at (a year of days: no repeat for a long time). */
const HISTORY_CHALLENGES = 366;
const TOP_PLAYERS = 3;
const TOP_STREAKS = 3;

export interface DailyPostingPolicy {
  /** How long a claim owns a send. Must be well above the publisher's own time limit. */
  leaseMs: number;
  /** After a transient error, when to try again. */
  retryDelayMs: number;
  /** Claims after which a post that never went through is marked failed for the day. */
  maxAttempts: number;
  /**
   * How many servers one tick serves at once. Serving a server is mostly waiting (database round trips, then the
   * send), so one at a time leaves Discord's rate limit idle; the publisher keeps the sends themselves under it.
   * Kept small so that a send never queues long behind the others for the limit (it must finish well within its
   * time limit and its lease) and the fan-out takes only a few of the database pool's connections.
   */
  concurrency: number;
}

export const DEFAULT_POSTING_POLICY: DailyPostingPolicy = {
  leaseMs: 5 * 60_000,
  retryDelayMs: 60_000,
  maxAttempts: 10,
  concurrency: 8,
};

export interface DailyServiceDeps {
  store: DailyStore;
  settings: SettingsStore;
  bank: QuestionBank;
  publisher: DailyPublisher;
  clock: Clock;
  logger: AppLogger;
  /** This process posts only for guilds it owns (its shards); everything by default. */
  ownsGuild?: (guildId: string) => boolean;
  policy?: Partial<DailyPostingPolicy>;
}

// ---- configure

export interface DailyConfigRequest {
  serverId: string;
  /** null turns the daily challenge off by clearing its channel. */
  channelId?: string | null;
  /** 'HH:MM' (24-hour); 'H:MM' is accepted. */
  time?: string;
  /** IANA name, any case. */
  timeZone?: string;
  enabled?: boolean;
}

export type DailyConfigError =
  | { code: 'unknown-time-zone'; timeZone: string }
  | { code: 'invalid-time'; time: string }
  | { code: 'no-channel' };

export type ConfigureDailyOutcome =
  | { kind: 'saved'; settings: ServerSettings; nextPostAt: number | undefined }
  | { kind: 'invalid'; errors: DailyConfigError[] };

// ---- posting

export type PostOutcome =
  | 'posted'
  /** An earlier attempt had posted; found and recorded without posting again. */
  | 'recovered'
  | 'failed'
  | 'retrying'
  /** The publisher threw: unknown whether it posted, so the lease is kept and the next claim checks first. */
  | 'unconfirmed'
  | 'not-due'
  | 'up-to-date'
  /** Another scheduler holds the send. */
  | 'held'
  /** A send outlived its lease while another got through; this one's message was deleted. */
  | 'duplicate-retracted'
  | 'no-questions'
  | 'invalid-settings'
  | 'error';

export interface ServerPostReport {
  serverId: string;
  outcome: PostOutcome;
}

export interface RunDueOptions {
  /**
   * Aborted when the scheduler stops: no further server is started, the ones in progress finish (their sends are
   * bounded by the publisher), and the rest wait for the next run.
   */
  signal?: AbortSignal;
}

// ---- playing

export interface DailyQuestionView {
  challengeId: string;
  number: number;
  index: number;
  total: number;
  question: Question;
  /** Epoch ms: answers after it count as wrong. */
  deadline: number;
  lang: Lang;
}

export interface DailyPlayResult {
  challengeId: string;
  number: number;
  correct: number;
  total: number;
  points: number;
  results: boolean[];
  streak: number;
  bestStreak: number;
  shareLine: string;
  /** When this challenge ends and the next day's begins (local midnight). */
  resetsAt: number;
}

export interface StartPlayRequest {
  serverId: string;
  playerId: string;
  playerName: string;
  /** From the post's button; without it (the /daily command), today's challenge of the server. */
  challengeId?: string;
}

export type StartPlayOutcome =
  | { kind: 'question'; view: DailyQuestionView; resumed: boolean }
  | { kind: 'already-played'; result: DailyPlayResult }
  | { kind: 'not-configured' }
  | { kind: 'not-yet'; postsAt: number }
  | { kind: 'expired'; resetAt: number }
  | { kind: 'no-challenge' }
  /** A question of the challenge is no longer in the bank (a pack was removed). */
  | { kind: 'unavailable' };

export interface DailyAnswerRequest {
  challengeId: string;
  playerId: string;
  questionIndex: number;
  /** null closes a question whose time ran out. */
  choiceIndex: number | null;
}

export type DailyAnswerOutcome =
  | {
      kind: 'answered';
      correct: boolean;
      timedOut: boolean;
      points: number;
      answer: string;
      next: DailyQuestionView | undefined;
      result: DailyPlayResult | undefined;
    }
  /** That question was already answered (double click, or an old message): no going back. */
  | { kind: 'already-answered' }
  | { kind: 'already-played'; result: DailyPlayResult }
  | { kind: 'not-started' }
  | { kind: 'no-challenge' }
  | { kind: 'unavailable' }
  | { kind: 'invalid-choice' }
  | { kind: 'not-saved' };

export interface DailyStatus {
  configured: boolean;
  today:
    | { challengeId: string; number: number; state: 'not-played' | 'in-progress' }
    | { challengeId: string; number: number; state: 'finished'; result: DailyPlayResult }
    | undefined;
  streak: number;
  bestStreak: number;
  /** When the next challenge is posted; undefined when not configured. */
  nextPostAt: number | undefined;
  /** Local midnight: when today's challenge can no longer be played. */
  resetsAt: number;
}

export class DailyService {
  private readonly policy: DailyPostingPolicy;
  private readonly ownsGuild: (guildId: string) => boolean;

  constructor(private readonly deps: DailyServiceDeps) {
    this.policy = { ...DEFAULT_POSTING_POLICY, ...deps.policy };
    this.ownsGuild = deps.ownsGuild ?? (() => true);
  }

  async configureDaily(request: DailyConfigRequest): Promise<ConfigureDailyOutcome> {
    const errors: DailyConfigError[] = [];
    const timeZone = request.timeZone === undefined ? undefined : canonicalTimeZone(request.timeZone.trim());
    if (request.timeZone !== undefined && !timeZone) {
      errors.push({ code: 'unknown-time-zone', timeZone: request.timeZone });
    }
    const time = request.time === undefined ? undefined : normalizeTime(request.time);
    if (request.time !== undefined && time === undefined)
      errors.push({ code: 'invalid-time', time: request.time });

    const current = await this.deps.settings.get(request.serverId);
    const channelId =
      request.channelId === undefined ? current.dailyChannelId : (request.channelId ?? undefined);
    // Off until a channel is set; setting one switches it on unless told otherwise.
    const enabled =
      channelId === undefined
        ? false
        : (request.enabled ?? (request.channelId ? true : current.dailyEnabled));
    if (request.enabled === true && channelId === undefined) errors.push({ code: 'no-channel' });
    if (errors.length > 0) return { kind: 'invalid', errors };

    const patch: SettingsPatch = { dailyEnabled: enabled };
    if (request.channelId !== undefined) patch.dailyChannelId = channelId;
    if (time !== undefined) patch.dailyTime = time;
    if (timeZone) patch.timeZone = timeZone;
    if (request.channelId !== undefined && channelId !== current.dailyChannelId) {
      // A new channel answers the last failure: do not tell the admin about the old one.
      patch.dailyLastError = undefined;
      patch.dailyErrorNotified = true;
    }
    const settings = await this.deps.settings.update(request.serverId, patch);
    const now = this.deps.clock.now();
    let next: number | undefined;
    if (settings.dailyEnabled) {
      const today = localDate(now, settings.timeZone);
      if (patch.dailyChannelId !== undefined) {
        // Today's post failed in the old channel: the next tick posts it in the new one.
        await this.deps.store.rearmFailed(request.serverId, today, patch.dailyChannelId);
      }
      const posted = await this.deps.store.challengeOn(request.serverId, today);
      next = nextPostAt(
        now,
        { timeZone: settings.timeZone, postTime: settings.dailyTime },
        posted ? today : null,
      );
    }
    return { kind: 'saved', settings, nextPostAt: next };
  }

  /** The last posting failure, once: what `/trivia-admin` shows the admin. */
  async takeDailyError(serverId: string): Promise<{ error: string; at: number } | undefined> {
    return this.deps.store.takeUnnotifiedError(serverId);
  }

  /**
   * One scheduler tick: posts every owned server whose challenge is due (or whose earlier send died), a few at a
   * time (`policy.concurrency`). A failing server is logged and reported; the others are still served. Reports
   * come in the order of the servers; servers not started because `signal` aborted are not reported.
   */
  async runDueServers(now: number, options: RunDueOptions = {}): Promise<ServerPostReport[]> {
    const servers = (await this.deps.store.activeServers()).filter((server) =>
      this.ownsGuild(server.serverId),
    );
    const reports: (ServerPostReport | undefined)[] = servers.map(() => undefined);
    let next = 0;
    // Each server is taken by exactly one worker of this tick; between ticks and processes, exactly-once is the
    // store's (unique row, conditional claim, look-up before a re-send), whatever the order of the sends.
    const worker = async (): Promise<void> => {
      while (next < servers.length && !options.signal?.aborted) {
        const index = next++;
        const server = servers[index]!;
        reports[index] = { serverId: server.serverId, outcome: await this.serve(server, now) };
      }
    };
    const workers = Math.min(servers.length, Math.max(1, Math.floor(this.policy.concurrency)));
    await Promise.all(Array.from({ length: workers }, () => worker()));
    return reports.filter((report): report is ServerPostReport => report !== undefined);
  }

  async startPlay(request: StartPlayRequest): Promise<StartPlayOutcome> {
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.get(request.serverId);
    let challenge: DailyChallengeRecord | undefined;
    if (request.challengeId !== undefined) {
      challenge = await this.deps.store.challenge(request.challengeId);
      if (!challenge || challenge.serverId !== request.serverId) return { kind: 'no-challenge' };
      if (now >= challenge.resetsAt) return { kind: 'expired', resetAt: challenge.resetsAt };
    } else {
      const today = localDate(now, settings.timeZone);
      challenge = await this.deps.store.challengeOn(request.serverId, today);
      if (!challenge) {
        if (!settings.dailyEnabled || settings.dailyChannelId === undefined)
          return { kind: 'not-configured' };
        return { kind: 'not-yet', postsAt: nextPostingInstant(today, settings.dailyTime, settings.timeZone) };
      }
    }
    const questions = this.questionsOf(challenge);
    if (!questions) return { kind: 'unavailable' };
    const lang = resolveChannelLocale(settings.language);

    const started = await this.deps.store.startEntry({
      challengeId: challenge.challengeId,
      serverId: challenge.serverId,
      playerId: request.playerId,
      playerName: request.playerName,
      localDate: challenge.localDate,
      previousDate: addDays(challenge.localDate, -1),
      startedAt: now,
    });
    let entry = await this.mustEntry(challenge.challengeId, request.playerId);
    let run = runFrom(questions, entry);
    // Coming back after the question's time ran out: it counts as wrong, and the next one starts now.
    if (!isDailyRunFinished(run) && now - run.shownAt >= DAILY_SECONDS_PER_QUESTION * 1000) {
      await this.record(challenge, questions, run, request.playerId, null, now);
      entry = await this.mustEntry(challenge.challengeId, request.playerId);
      run = runFrom(questions, entry);
    }
    if (isDailyRunFinished(run)) {
      return { kind: 'already-played', result: await this.resultOf(challenge, entry) };
    }
    return {
      kind: 'question',
      view: questionView(challenge, run, lang),
      resumed: started.kind === 'exists',
    };
  }

  async answer(request: DailyAnswerRequest): Promise<DailyAnswerOutcome> {
    const now = this.deps.clock.now();
    const challenge = await this.deps.store.challenge(request.challengeId);
    if (!challenge) return { kind: 'no-challenge' };
    const questions = this.questionsOf(challenge);
    if (!questions) return { kind: 'unavailable' };
    const entry = await this.deps.store.entry(request.challengeId, request.playerId);
    if (!entry) return { kind: 'not-started' };
    const run = runFrom(questions, entry);
    if (isDailyRunFinished(run))
      return { kind: 'already-played', result: await this.resultOf(challenge, entry) };
    if (request.questionIndex !== run.index) return { kind: 'already-answered' };

    let recorded;
    try {
      recorded = await this.record(challenge, questions, run, request.playerId, request.choiceIndex, now);
    } catch (error) {
      this.deps.logger.error({ err: error, challengeId: request.challengeId }, 'daily answer not saved');
      return { kind: 'not-saved' };
    }
    if (recorded.kind !== 'recorded') return recorded;
    const settings = await this.deps.settings.get(challenge.serverId);
    const lang = resolveChannelLocale(settings.language);
    const finished = isDailyRunFinished(recorded.run);
    return {
      kind: 'answered',
      correct: recorded.correct,
      timedOut: recorded.timedOut,
      points: recorded.points,
      answer: questions[run.index]?.answer ?? '',
      next: finished ? undefined : questionView(challenge, recorded.run, lang),
      result: finished
        ? await this.resultOf(challenge, await this.mustEntry(challenge.challengeId, request.playerId))
        : undefined,
    };
  }

  async status(serverId: string, playerId: string): Promise<DailyStatus> {
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.get(serverId);
    const today = localDate(now, settings.timeZone);
    const configured = settings.dailyEnabled && settings.dailyChannelId !== undefined;
    const challenge = await this.deps.store.challengeOn(serverId, today);
    const streak = await this.deps.store.streak(serverId, playerId);
    let todayStatus: DailyStatus['today'];
    if (challenge) {
      const entry = await this.deps.store.entry(challenge.challengeId, playerId);
      const base = { challengeId: challenge.challengeId, number: challenge.number };
      if (!entry) todayStatus = { ...base, state: 'not-played' };
      else if (entry.finishedAt === undefined) todayStatus = { ...base, state: 'in-progress' };
      else todayStatus = { ...base, state: 'finished', result: await this.resultOf(challenge, entry) };
    }
    return {
      configured,
      today: todayStatus,
      streak: streak ? streakOn({ lastDate: streak.lastLocalDate ?? null, ...streak }, today) : 0,
      bestStreak: streak?.best ?? 0,
      nextPostAt: configured
        ? nextPostAt(
            now,
            { timeZone: settings.timeZone, postTime: settings.dailyTime },
            challenge ? today : null,
          )
        : undefined,
      resetsAt: nextResetAt(now, settings.timeZone),
    };
  }

  /** The spoiler-free line to post, once the player has finished the challenge. */
  async shareLine(challengeId: string, playerId: string): Promise<string | undefined> {
    const challenge = await this.deps.store.challenge(challengeId);
    const entry = challenge && (await this.deps.store.entry(challengeId, playerId));
    if (!challenge || !entry || entry.finishedAt === undefined) return undefined;
    return (await this.resultOf(challenge, entry)).shareLine;
  }

  // ---- posting

  /** Never throws: one server's failure must not stop the others' posts. */
  private async serve(server: DailyServer, now: number): Promise<PostOutcome> {
    try {
      return await this.postFor(server, now);
    } catch (error) {
      this.deps.logger.error({ err: error, guildId: server.serverId }, 'daily post failed');
      return 'error';
    }
  }

  private async postFor(server: DailyServer, now: number): Promise<PostOutcome> {
    if (!isValidTimeZone(server.timeZone) || !isValidLocalTime(server.postTime)) {
      this.deps.logger.warn({ guildId: server.serverId }, 'daily settings invalid; not posting');
      return 'invalid-settings';
    }
    const today = localDate(now, server.timeZone);
    const latest = server.latest;
    let challengeId: string;
    if (latest && latest.localDate >= today) {
      // Today's exists (or a later date, after a move to a zone behind): only an unfinished send is resumed.
      if (latest.localDate !== today || latest.status !== 'pending') return 'up-to-date';
      if (latest.leaseUntil !== undefined && latest.leaseUntil > now) return 'held';
      challengeId = latest.challengeId;
    } else {
      const schedule = { timeZone: server.timeZone, postTime: server.postTime };
      if (!isPostDue(now, schedule, latest?.localDate ?? null)) return 'not-due';
      const created = await this.createChallenge(server, today, now);
      if (!created) return 'no-questions';
      if (created.status !== 'pending') return 'up-to-date';
      challengeId = created.challengeId;
    }
    const claimed = await this.deps.store.claim(challengeId, now, this.policy.leaseMs);
    if (!claimed) return 'held';
    return this.send(claimed, server, now);
  }

  private async createChallenge(
    server: DailyServer,
    today: LocalDateString,
    now: number,
  ): Promise<DailyChallengeRecord | undefined> {
    const chosen = chooseDailyQuestions({
      pool: this.pool(server.enabledPackIds, resolveChannelLocale(server.language)),
      history: await this.deps.store.history(server.serverId, HISTORY_CHALLENGES),
      date: today,
      seed: server.serverId,
    });
    if (chosen.kind === 'empty-pool') {
      this.deps.logger.warn({ guildId: server.serverId }, 'no questions for the daily challenge');
      return undefined;
    }
    return this.deps.store.ensureChallenge({
      serverId: server.serverId,
      localDate: today,
      number: challengeNumber(today),
      timeZone: server.timeZone,
      questionIds: chosen.questions.map((question) => question.id),
      channelId: server.channelId,
      createdAt: now,
      resetsAt: nextResetAt(now, server.timeZone),
    });
  }

  /** Runs only while holding the claim. */
  private async send(claimed: DailyChallengeRecord, server: DailyServer, now: number): Promise<PostOutcome> {
    const { challengeId, channelId } = claimed;
    const log = { guildId: server.serverId, challengeId, attempt: claimed.attempts };
    if (claimed.attempts > 1) {
      // An earlier attempt may have posted before dying: look before posting again.
      const found = await this.deps.publisher.findChallengePost(channelId, challengeId);
      if (found.kind === 'found') {
        await this.deps.store.markSent(challengeId, found.messageId, now);
        this.deps.logger.info(
          { ...log, messageId: found.messageId },
          'daily post found from an earlier attempt',
        );
        return 'recovered';
      }
      if (found.kind === 'unknown') return this.failed(claimed, found.error, now, log);
      if (claimed.attempts > this.policy.maxAttempts) {
        await this.deps.store.markFailed(challengeId, claimed.attempts, 'gave-up', now);
        this.deps.logger.warn(log, 'daily post gave up after repeated failures');
        return 'failed';
      }
    }
    const view = await this.postView(claimed, server);
    let result;
    try {
      result = await this.deps.publisher.postChallenge(channelId, view);
    } catch (error) {
      // Unknown whether Discord took it: keep the lease; the next claim, after it expires, looks first.
      this.deps.logger.error({ ...log, err: error }, 'daily post outcome unknown');
      return 'unconfirmed';
    }
    if (!result.ok) return this.failed(claimed, result.error, now, log);
    const confirmed = await this.deps.store.markSent(challengeId, result.messageId, now);
    if (confirmed) {
      this.deps.logger.info({ ...log, messageId: result.messageId }, 'daily challenge posted');
      return 'posted';
    }
    return this.retractDuplicate(claimed, result.messageId, log);
  }

  /**
   * Our send outlived its lease and another sender's post was confirmed first (see docs/daily.md): the
   * recorded post stays, ours goes.
   */
  private async retractDuplicate(
    claimed: DailyChallengeRecord,
    messageId: string,
    log: object,
  ): Promise<PostOutcome> {
    const stored = await this.deps.store.challenge(claimed.challengeId);
    if (stored?.messageId === messageId) return 'posted';
    this.deps.logger.warn(
      { ...log, messageId, kept: stored?.messageId },
      'duplicate daily post; deleting it',
    );
    try {
      await this.deps.publisher.retractPost(claimed.channelId, messageId);
    } catch (error) {
      this.deps.logger.error({ ...log, err: error, messageId }, 'duplicate daily post not deleted');
    }
    return 'duplicate-retracted';
  }

  private async failed(
    claimed: DailyChallengeRecord,
    error: PostFailure,
    now: number,
    log: object,
  ): Promise<PostOutcome> {
    if (error === 'transient') {
      await this.deps.store.retryLater(
        claimed.challengeId,
        claimed.attempts,
        error,
        now + this.policy.retryDelayMs,
      );
      this.deps.logger.warn(log, 'daily post failed; will retry');
      return 'retrying';
    }
    await this.deps.store.markFailed(claimed.challengeId, claimed.attempts, error, now);
    this.deps.logger.warn({ ...log, error }, 'daily channel unusable; recorded for the admin');
    return 'failed';
  }

  private async postView(challenge: DailyChallengeRecord, server: DailyServer): Promise<DailyPostView> {
    const previous = await this.deps.store.previousChallenge(challenge.serverId, challenge.localDate);
    return {
      challengeId: challenge.challengeId,
      serverId: challenge.serverId,
      number: challenge.number,
      localDate: challenge.localDate,
      questionCount: challenge.questionIds.length,
      secondsPerQuestion: DAILY_SECONDS_PER_QUESTION,
      resetsAt: challenge.resetsAt,
      lang: resolveChannelLocale(server.language),
      previous: previous && {
        number: previous.number,
        questions: previous.questionIds.flatMap((id) => {
          const question = this.deps.bank.question(id);
          return question ? [{ prompt: question.prompt, answer: question.answer }] : [];
        }),
        topPlayers: await this.deps.store.topPlayers(previous.challengeId, TOP_PLAYERS),
        topStreaks: await this.deps.store.topStreaks(
          challenge.serverId,
          addDays(challenge.localDate, -1),
          TOP_STREAKS,
        ),
      },
    };
  }

  /** Enabled packs in the server's language when it has any, otherwise every enabled pack. */
  private pool(enabledPackIds: readonly string[], lang: Lang): Question[] {
    const packs = this.deps.bank
      .packs()
      .filter((pack) => enabledPackIds.length === 0 || enabledPackIds.includes(pack.id));
    const inLang = packs.filter((pack) => pack.lang === lang);
    return (inLang.length > 0 ? inLang : packs).flatMap((pack) => this.deps.bank.questions(pack.id));
  }

  // ---- playing

  private questionsOf(challenge: DailyChallengeRecord): Question[] | undefined {
    const questions: Question[] = [];
    for (const id of challenge.questionIds) {
      const question = this.deps.bank.question(id);
      if (!question) return undefined;
      questions.push(question);
    }
    return questions;
  }

  private async mustEntry(challengeId: string, playerId: string): Promise<DailyEntryRecord> {
    const entry = await this.deps.store.entry(challengeId, playerId);
    if (!entry) throw new Error(`daily entry missing after start: ${challengeId}/${playerId}`);
    return entry;
  }

  private async record(
    challenge: DailyChallengeRecord,
    questions: readonly Question[],
    run: DailyRun,
    playerId: string,
    choiceIndex: number | null,
    at: number,
  ): Promise<
    | { kind: 'recorded'; correct: boolean; timedOut: boolean; points: number; run: DailyRun }
    | { kind: 'already-answered' }
    | { kind: 'invalid-choice' }
  > {
    const result = answerDaily(run, choiceIndex, at);
    if (result.kind === 'invalid-choice') return { kind: 'invalid-choice' };
    if (result.kind === 'finished') return { kind: 'already-answered' };
    const stored = await this.deps.store.recordAnswer({
      challengeId: challenge.challengeId,
      playerId,
      questionIndex: run.index,
      choiceIndex,
      correct: result.correct,
      points: result.points,
      askedAt: run.shownAt,
      answeredAt: at,
      last: result.run.index >= questions.length,
    });
    if (stored === 'duplicate') return { kind: 'already-answered' };
    return {
      kind: 'recorded',
      correct: result.correct,
      timedOut: result.timedOut,
      points: result.points,
      run: result.run,
    };
  }

  private async resultOf(challenge: DailyChallengeRecord, entry: DailyEntryRecord): Promise<DailyPlayResult> {
    const results = entry.answers.map((answer) => answer.correct);
    const streak = await this.deps.store.streak(challenge.serverId, entry.playerId);
    const current = streak
      ? streakOn(
          { lastDate: streak.lastLocalDate ?? null, current: streak.current, best: streak.best },
          challenge.localDate,
        )
      : 0;
    return {
      challengeId: challenge.challengeId,
      number: challenge.number,
      correct: results.filter(Boolean).length,
      total: challenge.questionIds.length,
      points: entry.points,
      results,
      streak: current,
      bestStreak: streak?.best ?? 0,
      shareLine: shareLine({ challengeNumber: challenge.number, results, streak: current }),
      resetsAt: challenge.resetsAt,
    };
  }
}

function runFrom(questions: readonly Question[], entry: DailyEntryRecord): DailyRun {
  const last = entry.answers[entry.answers.length - 1];
  return {
    questions,
    index: entry.answers.length,
    shownAt: last ? last.answeredAt : entry.startedAt,
    answers: entry.answers.map((answer) => ({
      choiceIndex: answer.choiceIndex,
      correct: answer.correct,
      elapsedMs: answer.answeredAt - answer.askedAt,
      points: answer.points,
    })),
  };
}

function questionView(challenge: DailyChallengeRecord, run: DailyRun, lang: Lang): DailyQuestionView {
  const question = run.questions[run.index];
  if (!question) throw new Error('no question on screen');
  return {
    challengeId: challenge.challengeId,
    number: challenge.number,
    index: run.index,
    total: run.questions.length,
    question,
    deadline: run.shownAt + DAILY_SECONDS_PER_QUESTION * 1000,
    lang,
  };
}

/** 'H:MM' or 'HH:MM' to 'HH:MM', or undefined when it is not a time of day. */
function normalizeTime(time: string): string | undefined {
  const trimmed = time.trim();
  const padded = /^\d:\d\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
  return isValidLocalTime(padded) ? padded : undefined;
}
