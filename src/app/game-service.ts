// Use cases of a channel game: start, answer, join, stop, and the round timer that drives it.
// The rules live in core/game; this file keeps one game per channel in memory, persists before it
// acknowledges, and tells the announcer what to show.
import { validateGameSettings, type RawGameSettings, type SettingsError } from '../core/game/settings.ts';
import {
  closeRound,
  joinGame,
  openNextRound,
  startGame,
  stopGame,
  submitAnswer,
  tick,
} from '../core/game/machine.ts';
import type { GameEvent, GameState, LockedAnswer } from '../core/game/types.ts';
import { resolveChannelLocale } from '../core/i18n/locale.ts';
import { periodKeysAt } from '../core/leaderboard/periods.ts';
import type { Clock, RngFactory, TimerHandle, Timers } from '../core/ports.ts';
import type { Difficulty, Lang } from '../core/questions/question.ts';
import { selectQuestions } from '../core/questions/selection.ts';
import type {
  AnswerRecord,
  GameStore,
  PackSummary,
  QuestionBank,
  RecordAnswerResult,
  RoundEndReason,
  SettingsStore,
} from '../core/storage.ts';
import type { GameAnnouncer } from './game-announcer.ts';
import type { AppLogger } from './logger-port.ts';
import { AnswerWriter } from './answer-writer.ts';
import { SerialQueue } from './serial-queue.ts';

export interface GameTiming {
  /** Pause between the start announcement and the first question. */
  firstQuestionDelayMs: number;
  /** Pause after a reveal before the next question. */
  revealPauseMs: number;
}

export const DEFAULT_TIMING: GameTiming = { firstQuestionDelayMs: 3000, revealPauseMs: 5000 };

/**
 * A game step whose database write failed (the server restarting) is tried again this often, then the game is
 * closed as interrupted rather than left hanging in its channel.
 */
const STEP_RETRY_MS = 2000;
const STEP_ATTEMPTS = 5;

/**
 * The most answers written in one statement unless the composition root sets it (see AnswerWriter): small enough
 * for an in-process database.
 */
const DEFAULT_MAX_ANSWERS_PER_WRITE = 10;

/** How many of a channel's last questions a new game avoids. */
const RECENT_QUESTION_WINDOW = 500;

export interface StartRequest {
  serverId: string;
  channelId: string;
  userId: string;
  guildLocale: string | undefined;
  packId: string | undefined;
  questionCount: number | undefined;
  seconds: number | undefined;
  difficulty: Difficulty | 'any' | undefined;
}

export type StartOutcome =
  | { kind: 'started'; gameId: string; lang: Lang }
  | { kind: 'already-running'; channelId: string; messageId: string | undefined }
  | { kind: 'invalid-settings'; errors: SettingsError[] }
  | { kind: 'unknown-pack'; packId: string }
  | { kind: 'pack-disabled'; packId: string }
  | { kind: 'no-questions' }
  | { kind: 'shutting-down' };

export interface AnswerRequest {
  gameId: string;
  roundIndex: number;
  choiceIndex: number;
  channelId: string;
  playerId: string;
  /** Stored for the global leaderboard: the same in every server, never a server nickname. */
  playerName: string;
}

export type AnswerOutcome =
  | { kind: 'locked'; choice: string }
  | { kind: 'already-answered'; choice: string | undefined }
  | { kind: 'too-late' }
  | { kind: 'no-game' }
  | { kind: 'wrong-channel' }
  | { kind: 'invalid-choice' }
  /** The database did not take the answer: nothing was acknowledged, the player may click again. */
  | { kind: 'not-saved' };

export type StopOutcome =
  { kind: 'stopped' } | { kind: 'not-allowed'; starterId: string } | { kind: 'no-game' };

export type JoinOutcome = { kind: 'joined' } | { kind: 'already-joined' } | { kind: 'no-game' };

interface Session {
  state: GameState;
  serverId: string;
  lang: Lang;
  timeZone: string;
  season: number;
  packId: string;
  roundId: string | undefined;
  questionMessageId: string | undefined;
  timer: TimerHandle | undefined;
  /** Every state change of this game goes through here, in arrival order. */
  queue: SerialQueue;
  /** Ended in the database; the final message may still be on its way. */
  finished: boolean;
  /** Clicks waiting for the next group write. */
  inbox: PendingAnswer[];
}

interface PendingAnswer {
  request: AnswerRequest;
  at: number;
  resolve: (outcome: AnswerOutcome) => void;
}

export interface GameServiceDeps {
  games: GameStore;
  settings: SettingsStore;
  bank: QuestionBank;
  announcer: GameAnnouncer;
  clock: Clock;
  timers: Timers;
  rng: RngFactory;
  logger: AppLogger;
  timing?: GameTiming;
  /** Answers per statement, across games (group commit); a server database takes more than an embedded one. */
  maxAnswersPerWrite?: number;
}

export class GameService {
  private readonly byChannel = new Map<string, Session>();
  private readonly byGame = new Map<string, Session>();
  /**
   * Games this process gave up on while the database was down: their rows may still say "running" and hold their
   * channel, so the next start there closes them first instead of answering "a game is running".
   */
  private readonly abandoned = new Set<string>();
  private readonly timing: GameTiming;
  private readonly writer: AnswerWriter;
  private accepting = true;

  constructor(private readonly deps: GameServiceDeps) {
    this.timing = deps.timing ?? DEFAULT_TIMING;
    this.writer = new AnswerWriter(
      deps.games,
      deps.maxAnswersPerWrite ?? DEFAULT_MAX_ANSWERS_PER_WRITE,
      deps.logger,
    );
  }

  runningGameIn(channelId: string): { gameId: string; messageId: string | undefined } | undefined {
    const session = this.byChannel.get(channelId);
    return session && { gameId: session.state.gameId, messageId: session.questionMessageId };
  }

  /**
   * True when a click on this game will wait behind more than one full write (its queued steps and clicks: a burst
   * shows up here): worth acknowledging at once rather than risking Discord's 3-second window. Fewer clicks than
   * that ride along in the next write.
   */
  isBackedUp(gameId: string): boolean {
    const session = this.byGame.get(gameId);
    const backlog = session ? session.queue.size + session.inbox.length : 0;
    return backlog >= this.writer.maxAnswersPerWrite;
  }

  /** Answer statements committed so far and the answers in them. */
  get answerWrites(): { statements: number; answers: number } {
    return { ...this.writer.written };
  }

  get runningGameCount(): number {
    return this.byChannel.size;
  }

  async start(request: StartRequest): Promise<StartOutcome> {
    if (!this.accepting) return { kind: 'shutting-down' };
    const running = this.byChannel.get(request.channelId);
    if (running)
      return { kind: 'already-running', channelId: request.channelId, messageId: running.questionMessageId };

    const settings = await this.deps.settings.get(request.serverId);
    const lang = resolveChannelLocale(settings.language, request.guildLocale);
    const enabled = (pack: PackSummary) =>
      settings.enabledPackIds.length === 0 || settings.enabledPackIds.includes(pack.id);
    const packId = request.packId ?? settings.defaultPackId ?? this.defaultPack(lang, enabled)?.id ?? '';
    const raw: RawGameSettings = {
      packId,
      questionCount: request.questionCount ?? settings.defaultQuestions,
      secondsPerQuestion: request.seconds ?? settings.defaultSeconds,
      difficulty: request.difficulty ?? 'any',
    };
    const validation = validateGameSettings(raw);
    if (!validation.ok) return { kind: 'invalid-settings', errors: validation.errors };
    const pack = this.deps.bank.pack(packId);
    if (!pack) return { kind: 'unknown-pack', packId };
    if (!enabled(pack)) return { kind: 'pack-disabled', packId };

    const now = this.deps.clock.now();
    const recentlySeen = await this.deps.games.recentQuestions(request.channelId, RECENT_QUESTION_WINDOW);
    const gameSettings = validation.settings;
    const difficulty = gameSettings.difficulty ?? 'any';
    const selection = selectQuestions({
      pool: this.deps.bank.questions(packId),
      count: gameSettings.questionCount,
      difficulty,
      recentlySeen,
      rng: this.deps.rng.create(`${request.channelId}:${now}`),
    });
    if (selection.kind === 'empty-pool') return { kind: 'no-questions' };

    const created = await this.deps.games.createGame({
      serverId: request.serverId,
      channelId: request.channelId,
      packId,
      startedBy: request.userId,
      questionCount: selection.questions.length,
      secondsPerQuestion: gameSettings.secondsPerQuestion,
      difficulty: difficulty === 'any' ? undefined : difficulty,
      startedAt: now,
    });
    if (created.kind === 'channel-busy' && this.abandoned.has(created.gameId)) {
      await this.deps.games.endGame(created.gameId, 'interrupted', now);
      this.abandoned.delete(created.gameId);
      return this.start(request);
    }
    if (created.kind === 'channel-busy') {
      return { kind: 'already-running', channelId: request.channelId, messageId: created.messageId };
    }
    // Checked again: another start for this channel may have finished while we awaited the database.
    if (this.byChannel.has(request.channelId)) {
      await this.deps.games.endGame(created.gameId, 'stopped', now);
      return { kind: 'already-running', channelId: request.channelId, messageId: undefined };
    }
    const started = startGame({
      gameId: created.gameId,
      channelId: request.channelId,
      starterId: request.userId,
      settings: gameSettings,
      questions: selection.questions,
      at: now,
    });
    if (started.kind !== 'started') {
      await this.deps.games.endGame(created.gameId, 'stopped', now);
      return { kind: 'no-questions' };
    }
    const session: Session = {
      state: started.state,
      serverId: request.serverId,
      lang,
      timeZone: settings.timeZone,
      season: settings.season,
      packId,
      roundId: undefined,
      questionMessageId: undefined,
      timer: undefined,
      queue: new SerialQueue(),
      finished: false,
      inbox: [],
    };
    this.byChannel.set(request.channelId, session);
    this.byGame.set(created.gameId, session);

    const messageId = await this.deps.announcer.gameStarted(request.channelId, {
      gameId: created.gameId,
      starterId: request.userId,
      packTitle: pack.title,
      questionCount: selection.questions.length,
      seconds: gameSettings.secondsPerQuestion,
      lang,
    });
    if (messageId) {
      session.questionMessageId = messageId;
      await this.noteMessage(session, () => this.deps.games.setGameMessage(created.gameId, messageId));
    }
    this.schedule(session, this.timing.firstQuestionDelayMs, () => this.openRound(session));
    return { kind: 'started', gameId: created.gameId, lang };
  }

  /**
   * A click is answered only after its answer is in the database. Clicks that arrive while a write is under way
   * wait in the game's inbox and are written together in one statement (group commit): a burst of fifty clicks
   * costs a couple of writes, not fifty in a row, which keeps every reply inside Discord's 3-second window.
   */
  async answer(request: AnswerRequest): Promise<AnswerOutcome> {
    const session = this.byGame.get(request.gameId);
    if (!session) return { kind: 'no-game' };
    if (session.state.channelId !== request.channelId) return { kind: 'wrong-channel' };
    const at = this.deps.clock.now();
    return new Promise<AnswerOutcome>((resolve) => {
      session.inbox.push({ request, at, resolve });
      if (session.inbox.length === 1) this.drainInboxLater(session);
    });
  }

  private drainInboxLater(session: Session): void {
    session.queue
      .run(() => this.drainInbox(session))
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, gameId: session.state.gameId }, 'answers failed'),
      );
  }

  private async drainInbox(session: Session): Promise<void> {
    // Capped like the writer's statements; between batches the queue yields to the event loop.
    const batch = session.inbox.splice(0, this.writer.maxAnswersPerWrite);
    let working = session.state;
    const events: GameEvent[] = [];
    const locked: { item: PendingAnswer; answer: LockedAnswer; record: AnswerRecord }[] = [];
    const settled: { item: PendingAnswer; outcome: AnswerOutcome }[] = [];
    for (const [position, item] of batch.entries()) {
      const { request, at } = item;
      const phase = working.phase;
      if (phase.kind !== 'open' || phase.round.index !== request.roundIndex) {
        const closedRound = working.rounds[request.roundIndex];
        const previous = closedRound?.answers.find((answer) => answer.playerId === request.playerId);
        settled.push({
          item,
          outcome: previous
            ? { kind: 'already-answered', choice: closedRound?.question.choices[previous.choiceIndex] }
            : { kind: 'too-late' },
        });
        continue;
      }
      const result = submitAnswer(working, {
        playerId: request.playerId,
        choiceIndex: request.choiceIndex,
        at,
      });
      if (result.kind !== 'locked') {
        settled.push({
          item,
          outcome:
            result.kind === 'already-answered'
              ? {
                  kind: 'already-answered',
                  choice: phase.round.question.choices[result.previous.choiceIndex],
                }
              : result.kind === 'invalid-choice'
                ? { kind: 'invalid-choice' }
                : { kind: 'too-late' },
        });
        continue;
      }
      if (!session.roundId) {
        // The round's row is still being written (its step is queued before this one): the rest waits for it.
        session.inbox.unshift(...batch.slice(position));
        break;
      }
      const record = this.answerRecord(session, request, result.answer, phase.round.openedAt, at);
      working = result.state;
      events.push(...result.events);
      locked.push({ item, answer: result.answer, record });
    }
    if (session.inbox.length > 0) this.drainInboxLater(session);

    if (locked.length > 0) {
      let results: RecordAnswerResult[];
      try {
        results = await this.writer.write(locked.map((entry) => entry.record));
      } catch (error) {
        // Nothing of this batch is kept: the state stays as it was and every player may click again.
        this.deps.logger.error({ err: error, gameId: session.state.gameId }, 'answers not saved');
        for (const entry of locked) entry.item.resolve({ kind: 'not-saved' });
        for (const entry of settled) entry.item.resolve(entry.outcome);
        return;
      }
      session.state = working;
      for (const [index, entry] of locked.entries()) {
        const choice = entry.record.choiceIndex;
        const label = working.questions[entry.answer.roundIndex]?.choices[choice] ?? '';
        // A duplicate means the database already held this player's answer (e.g. written before a restart).
        entry.item.resolve(
          results[index]?.kind === 'recorded'
            ? { kind: 'locked', choice: label }
            : { kind: 'already-answered', choice: undefined },
        );
      }
      this.react(session, events);
    }
    for (const entry of settled) entry.item.resolve(entry.outcome);
  }

  private answerRecord(
    session: Session,
    request: AnswerRequest,
    answer: LockedAnswer,
    openedAt: number,
    at: number,
  ): AnswerRecord {
    return {
      roundId: session.roundId ?? '',
      gameId: session.state.gameId,
      serverId: session.serverId,
      playerId: request.playerId,
      playerName: request.playerName,
      packId: session.packId,
      choiceIndex: answer.choiceIndex,
      correct: answer.correct,
      points: answer.points,
      latencyMs: Math.max(0, at - openedAt),
      answeredAt: at,
      season: session.season,
      periods: periodKeysAt(at, session.timeZone),
      globalPeriods: periodKeysAt(at, 'UTC'),
    };
  }

  async join(gameId: string, channelId: string, playerId: string): Promise<JoinOutcome> {
    const session = this.byGame.get(gameId);
    if (!session || session.state.channelId !== channelId) return { kind: 'no-game' };
    return session.queue.run((): Promise<JoinOutcome> => {
      const result = joinGame(session.state, playerId, this.deps.clock.now());
      if (result.kind !== 'joined')
        return Promise.resolve({ kind: result.kind === 'game-over' ? 'no-game' : 'already-joined' });
      session.state = result.state;
      return Promise.resolve({ kind: 'joined' });
    });
  }

  /** Stopping closes the open round first: its answers were acknowledged and stored, so they count. */
  async stop(channelId: string, userId: string, hasManageServer: boolean): Promise<StopOutcome> {
    const session = this.byChannel.get(channelId);
    if (!session) return { kind: 'no-game' };
    return session.queue.run(async (): Promise<StopOutcome> => {
      if (session.state.phase.kind === 'ended') return { kind: 'no-game' };
      if (!hasManageServer && session.state.starterId !== userId) {
        return { kind: 'not-allowed', starterId: session.state.starterId };
      }
      const at = this.deps.clock.now();
      const closed = closeRound(session.state, at, 'deadline');
      session.state = closed.state;
      const stopped = stopGame(session.state, { userId, hasManageServer, at });
      const events = [
        ...closed.events.filter((event) => event.type !== 'game-ended' || stopped.kind !== 'stopped'),
      ];
      if (stopped.kind === 'stopped') {
        session.state = stopped.state;
        events.push(...stopped.events);
      }
      await this.apply(session, events, 'stopped');
      return { kind: 'stopped' };
    });
  }

  /** Games the database still calls running were cut off by a crash: close them and say so in their channels. */
  async closeInterruptedGames(): Promise<number> {
    const running = await this.deps.games.runningGames();
    const now = this.deps.clock.now();
    for (const game of running) {
      if (this.byGame.has(game.gameId)) continue;
      await this.deps.games.endGame(game.gameId, 'interrupted', now);
      const settings = await this.deps.settings.get(game.serverId);
      await this.deps.announcer.gameEnded(game.channelId, {
        gameId: game.gameId,
        reason: { kind: 'interrupted' },
        standings: [],
        lang: resolveChannelLocale(settings.language, undefined),
      });
    }
    return running.length;
  }

  /** Stops taking new games, waits for writes in flight, and closes running games as interrupted. */
  async shutdown(): Promise<void> {
    this.accepting = false;
    const sessions = [...this.byChannel.values()];
    await Promise.all(
      sessions.map((session) =>
        session.queue.run(async () => {
          // A game that ended while we waited has posted its own final standings.
          if (session.finished) return;
          this.clearTimer(session);
          await this.finish(session, 'interrupted', 'interrupted');
          await this.deps.announcer.gameEnded(session.state.channelId, {
            gameId: session.state.gameId,
            reason: { kind: 'interrupted' },
            standings: [],
            lang: session.lang,
          });
          this.release(session);
        }),
      ),
    );
  }

  private defaultPack(lang: Lang, enabled: (pack: PackSummary) => boolean): PackSummary | undefined {
    const packs = this.deps.bank.packs().filter(enabled);
    return packs.find((pack) => pack.lang === lang) ?? packs[0];
  }

  private schedule(session: Session, delayMs: number, task: () => Promise<void>, attempt = 1): void {
    this.clearTimer(session);
    session.timer = this.deps.timers.set(
      () => {
        session.timer = undefined;
        session.queue.run(task).catch((error: unknown) => this.stepFailed(session, task, attempt, error));
      },
      Math.max(0, delayMs),
    );
  }

  /** Steps are safe to run again: writes are idempotent and posts carry a nonce. */
  private stepFailed(session: Session, task: () => Promise<void>, attempt: number, error: unknown): void {
    const gameId = session.state.gameId;
    this.deps.logger.error({ err: error, gameId, attempt }, 'game step failed');
    const live = this.byGame.get(gameId) === session || session.state.phase.kind === 'ended';
    if (!this.accepting || !live || session.timer) return;
    if (attempt < STEP_ATTEMPTS) {
      this.schedule(session, STEP_RETRY_MS * attempt, task, attempt + 1);
      return;
    }
    session.queue
      .run(async () => {
        if (this.byGame.get(gameId) !== session) return;
        this.clearTimer(session);
        this.abandoned.add(gameId);
        try {
          await this.deps.announcer.gameEnded(session.state.channelId, {
            gameId,
            reason: { kind: 'interrupted' },
            standings: [],
            lang: session.lang,
          });
        } finally {
          // Out of memory whatever happens next: the channel is free for a new game (see `abandoned`).
          this.release(session);
        }
        await this.finish(session, 'interrupted', 'interrupted');
        this.abandoned.delete(gameId);
      })
      .catch((finishError: unknown) =>
        this.deps.logger.error({ err: finishError, gameId }, 'could not close the abandoned game'),
      );
  }

  private clearTimer(session: Session): void {
    if (session.timer) this.deps.timers.clear(session.timer);
    session.timer = undefined;
  }

  private async openRound(session: Session): Promise<void> {
    const opened = openNextRound(session.state, this.deps.clock.now());
    if (opened.kind !== 'opened') return;
    const event = opened.events.find((e) => e.type === 'round-opened');
    if (!event) return;
    session.roundId = await this.deps.games.openRound({
      gameId: session.state.gameId,
      index: event.roundIndex,
      questionId: event.question.id,
      choiceOrder: [0, 1, 2, 3],
      openedAt: event.openedAt,
      deadline: event.deadline,
    });
    session.state = opened.state;
    const messageId = await this.deps.announcer.questionOpened(session.state.channelId, {
      gameId: session.state.gameId,
      roundIndex: event.roundIndex,
      total: event.total,
      question: event.question,
      deadline: event.deadline,
      lang: session.lang,
    });
    if (messageId) {
      session.questionMessageId = messageId;
      const roundId = session.roundId;
      await this.noteMessage(session, async () => {
        await this.deps.games.setRoundMessage(roundId, messageId);
        await this.deps.games.setGameMessage(session.state.gameId, messageId);
      });
    }
    this.schedule(session, event.deadline - this.deps.clock.now(), () => this.onDeadline(session));
  }

  /** Message ids are links for later; failing to store one must not stop the round that was just posted. */
  private async noteMessage(session: Session, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.deps.logger.warn({ err: error, gameId: session.state.gameId }, 'message id not stored');
    }
  }

  private async onDeadline(session: Session): Promise<void> {
    const transition = tick(session.state, this.deps.clock.now());
    session.state = transition.state;
    // Once the state has moved on, a retry must replay these events, not tick again.
    await this.apply(session, transition.events, 'deadline').catch((error: unknown) => {
      this.stepFailed(session, () => this.apply(session, transition.events, 'deadline'), 1, error);
    });
  }

  /** Events from an answer are shown after the click is acknowledged, in the game's order. */
  private react(session: Session, events: GameEvent[]): void {
    if (!events.some((event) => event.type === 'round-closed' || event.type === 'game-ended')) return;
    this.clearTimer(session);
    const reveal = () => this.apply(session, events, 'all_answered');
    session.queue.run(reveal).catch((error: unknown) => this.stepFailed(session, reveal, 1, error));
  }

  private async apply(session: Session, events: GameEvent[], reason: RoundEndReason): Promise<void> {
    const ended = events.find((event) => event.type === 'game-ended');
    for (const event of events) {
      if (event.type !== 'round-closed') continue;
      if (session.roundId) await this.deps.games.closeRound(session.roundId, event.closedAt, reason);
      const question = session.state.questions[event.reveal.roundIndex];
      if (!question) continue;
      await this.deps.announcer.roundClosed(session.state.channelId, {
        gameId: session.state.gameId,
        question,
        questionMessageId: session.questionMessageId,
        reveal: event.reveal,
        nextAt: ended ? undefined : this.deps.clock.now() + this.timing.revealPauseMs,
        lang: session.lang,
      });
    }
    if (ended) {
      this.clearTimer(session);
      const status =
        ended.reason.kind === 'completed' ? 'finished' : ended.reason.kind === 'idle' ? 'idle' : 'stopped';
      await this.finish(session, status, reason);
      await this.deps.announcer.gameEnded(session.state.channelId, {
        gameId: session.state.gameId,
        reason: ended.reason,
        standings: ended.standings,
        lang: session.lang,
      });
      // Only now: shutdown() waits on the games it can still see, so the final standings are never cut off.
      this.release(session);
      return;
    }
    if (events.some((event) => event.type === 'round-closed')) {
      this.schedule(session, this.timing.revealPauseMs, () => this.openRound(session));
    }
  }

  private release(session: Session): void {
    this.byChannel.delete(session.state.channelId);
    this.byGame.delete(session.state.gameId);
  }

  private async finish(
    session: Session,
    status: 'finished' | 'stopped' | 'idle' | 'interrupted',
    reason: RoundEndReason,
  ): Promise<void> {
    const now = this.deps.clock.now();
    session.finished = true;
    if (session.roundId) await this.deps.games.closeRound(session.roundId, now, reason);
    await this.deps.games.endGame(session.state.gameId, status, now);
  }
}
