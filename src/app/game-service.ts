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
import { periodsAt } from '../core/leaderboard/periods.ts';
import type { Clock, RngFactory, TimerHandle, Timers } from '../core/ports.ts';
import type { Difficulty, Lang } from '../core/questions/question.ts';
import { selectQuestions } from '../core/questions/selection.ts';
import type { GameStore, PackSummary, QuestionBank, RoundEndReason, SettingsStore } from '../core/storage.ts';
import type { GameAnnouncer } from './game-announcer.ts';
import type { AppLogger } from './logger-port.ts';
import { SerialQueue } from './serial-queue.ts';

export interface GameTiming {
  /** Pause between the start announcement and the first question. */
  firstQuestionDelayMs: number;
  /** Pause after a reveal before the next question. */
  revealPauseMs: number;
}

export const DEFAULT_TIMING: GameTiming = { firstQuestionDelayMs: 3000, revealPauseMs: 5000 };

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
}

export class GameService {
  private readonly byChannel = new Map<string, Session>();
  private readonly byGame = new Map<string, Session>();
  private readonly timing: GameTiming;
  private accepting = true;

  constructor(private readonly deps: GameServiceDeps) {
    this.timing = deps.timing ?? DEFAULT_TIMING;
  }

  runningGameIn(channelId: string): { gameId: string; messageId: string | undefined } | undefined {
    const session = this.byChannel.get(channelId);
    return session && { gameId: session.state.gameId, messageId: session.questionMessageId };
  }

  /** Steps queued for a game (answers waiting for the database): a burst of clicks shows up here. */
  backlog(gameId: string): number {
    return this.byGame.get(gameId)?.queue.size ?? 0;
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
      await this.deps.games.setGameMessage(created.gameId, messageId);
    }
    this.schedule(session, this.timing.firstQuestionDelayMs, () => this.openRound(session));
    return { kind: 'started', gameId: created.gameId, lang };
  }

  async answer(request: AnswerRequest): Promise<AnswerOutcome> {
    const session = this.byGame.get(request.gameId);
    if (!session) return { kind: 'no-game' };
    if (session.state.channelId !== request.channelId) return { kind: 'wrong-channel' };
    const at = this.deps.clock.now();
    return session.queue.run(async (): Promise<AnswerOutcome> => {
      const phase = session.state.phase;
      if (phase.kind !== 'open' || phase.round.index !== request.roundIndex) {
        const closedRound = session.state.rounds[request.roundIndex];
        const previous = closedRound?.answers.find((answer) => answer.playerId === request.playerId);
        if (previous) return { kind: 'already-answered', choice: choiceLabel(session, previous) };
        return { kind: 'too-late' };
      }
      const result = submitAnswer(session.state, {
        playerId: request.playerId,
        choiceIndex: request.choiceIndex,
        at,
      });
      switch (result.kind) {
        case 'already-answered':
          return { kind: 'already-answered', choice: choiceLabel(session, result.previous) };
        case 'too-late':
        case 'no-open-round':
          return { kind: 'too-late' };
        case 'invalid-choice':
          return { kind: 'invalid-choice' };
        case 'locked':
          break;
      }
      const roundId = session.roundId;
      if (!roundId) return { kind: 'too-late' };
      let recorded;
      try {
        recorded = await this.deps.games.recordAnswer({
          roundId,
          gameId: session.state.gameId,
          serverId: session.serverId,
          playerId: request.playerId,
          playerName: request.playerName,
          packId: session.packId,
          choiceIndex: result.answer.choiceIndex,
          correct: result.answer.correct,
          points: result.answer.points,
          latencyMs: Math.max(0, at - phase.round.openedAt),
          answeredAt: at,
          season: session.season,
          periods: periodsAt(at, session.timeZone).map((period) => period.key),
          globalPeriods: periodsAt(at, 'UTC').map((period) => period.key),
        });
      } catch (error) {
        this.deps.logger.error({ err: error, gameId: session.state.gameId }, 'answer not saved');
        return { kind: 'not-saved' };
      }
      // A duplicate means the database already holds this player's answer (e.g. written before a restart).
      if (recorded.kind === 'duplicate') return { kind: 'already-answered', choice: undefined };
      session.state = result.state;
      this.react(session, result.events);
      return { kind: 'locked', choice: choiceLabel(session, result.answer) ?? '' };
    });
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
          this.clearTimer(session);
          await this.finish(session, 'interrupted', 'interrupted');
          await this.deps.announcer.gameEnded(session.state.channelId, {
            gameId: session.state.gameId,
            reason: { kind: 'interrupted' },
            standings: [],
            lang: session.lang,
          });
        }),
      ),
    );
  }

  private defaultPack(lang: Lang, enabled: (pack: PackSummary) => boolean): PackSummary | undefined {
    const packs = this.deps.bank.packs().filter(enabled);
    return packs.find((pack) => pack.lang === lang) ?? packs[0];
  }

  private schedule(session: Session, delayMs: number, task: () => Promise<void>): void {
    this.clearTimer(session);
    session.timer = this.deps.timers.set(
      () => {
        session.timer = undefined;
        session.queue.run(task).catch((error: unknown) => {
          this.deps.logger.error({ err: error, gameId: session.state.gameId }, 'game step failed');
        });
      },
      Math.max(0, delayMs),
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
      await this.deps.games.setRoundMessage(session.roundId, messageId);
      await this.deps.games.setGameMessage(session.state.gameId, messageId);
    }
    this.schedule(session, event.deadline - this.deps.clock.now(), () => this.onDeadline(session));
  }

  private async onDeadline(session: Session): Promise<void> {
    const transition = tick(session.state, this.deps.clock.now());
    session.state = transition.state;
    await this.apply(session, transition.events, 'deadline');
  }

  /** Events from an answer are shown after the click is acknowledged, in the game's order. */
  private react(session: Session, events: GameEvent[]): void {
    if (!events.some((event) => event.type === 'round-closed' || event.type === 'game-ended')) return;
    this.clearTimer(session);
    session.queue
      .run(() => this.apply(session, events, 'all_answered'))
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, gameId: session.state.gameId }, 'reveal failed'),
      );
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
      return;
    }
    if (events.some((event) => event.type === 'round-closed')) {
      this.schedule(session, this.timing.revealPauseMs, () => this.openRound(session));
    }
  }

  private async finish(
    session: Session,
    status: 'finished' | 'stopped' | 'idle' | 'interrupted',
    reason: RoundEndReason,
  ): Promise<void> {
    const now = this.deps.clock.now();
    this.byChannel.delete(session.state.channelId);
    this.byGame.delete(session.state.gameId);
    if (session.roundId) await this.deps.games.closeRound(session.roundId, now, reason);
    await this.deps.games.endGame(session.state.gameId, status, now);
  }
}

function choiceLabel(session: Session, answer: LockedAnswer): string | undefined {
  const round =
    session.state.phase.kind === 'open' && session.state.phase.round.index === answer.roundIndex
      ? session.state.phase.round
      : session.state.rounds[answer.roundIndex];
  return round?.question.choices[answer.choiceIndex];
}
