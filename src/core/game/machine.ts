import type { Question } from '../questions/question.ts';
import { pointsFor } from '../scoring/points.ts';
import { rankStandings, type PlayerTotals, type Standing } from '../scoring/standings.ts';
import type { GameSettings } from './settings.ts';
import type {
  ChoiceIndex,
  ClosedRound,
  CloseCause,
  EndReason,
  GameEvent,
  GameState,
  LockedAnswer,
  OpenRound,
  PlayerRecord,
  Reveal,
  Transition,
} from './types.ts';

/** The game ends after this many rounds in a row that nobody answered. */
export const IDLE_ROUND_LIMIT = 3;

/** How many previous rounds an answer keeps a player "active" (see activePlayers). */
export const ACTIVE_WINDOW_ROUNDS = 3;

// ---------------------------------------------------------------------------------------------------------------
// Start

export interface StartGameInput {
  gameId: string;
  channelId: string;
  starterId: string;
  settings: GameSettings;
  /** Already selected (see selectQuestions); only the first `settings.questionCount` are used. */
  questions: readonly Question[];
  at: number;
}

export type StartGameResult =
  | ({ kind: 'started' } & Transition)
  | { kind: 'no-questions' }
  | { kind: 'invalid-question'; questionId: string };

/**
 * Creates a game waiting for its first round. When the pool gave fewer questions than asked for, the game simply
 * has fewer rounds. The starter is not made active automatically: in a group, their first click must not close
 * round 1 before anyone else has read the question.
 */
export function startGame(input: StartGameInput): StartGameResult {
  const questions = input.questions.slice(0, input.settings.questionCount);
  if (questions.length === 0) return { kind: 'no-questions' };
  const broken = questions.find((q) => correctIndexOf(q) === null);
  if (broken) return { kind: 'invalid-question', questionId: broken.id };

  const state: GameState = {
    gameId: input.gameId,
    channelId: input.channelId,
    starterId: input.starterId,
    settings: input.settings,
    questions,
    startedAt: input.at,
    phase: { kind: 'waiting' },
    rounds: [],
    players: {},
    silentRounds: 0,
  };
  return {
    kind: 'started',
    state,
    events: [
      {
        type: 'game-started',
        gameId: input.gameId,
        total: questions.length,
        starterId: input.starterId,
        at: input.at,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Join

export type JoinResult =
  ({ kind: 'joined' } & Transition) | { kind: 'already-joined' } | { kind: 'game-over' };

/**
 * Marks a player as active (see activePlayers) so rounds wait for them. Answering without joining also works;
 * joining only matters for closing rounds early.
 */
export function joinGame(state: GameState, playerId: string, at: number): JoinResult {
  if (state.phase.kind === 'ended') return { kind: 'game-over' };
  const round = currentRoundIndex(state);
  const existing = state.players[playerId];
  if (existing?.joinedRound != null && existing.joinedRound >= round - ACTIVE_WINDOW_ROUNDS) {
    return { kind: 'already-joined' };
  }
  const record: PlayerRecord = { ...(existing ?? newPlayer(playerId)), joinedRound: round, joinedAt: at };
  return {
    kind: 'joined',
    state: { ...state, players: { ...state.players, [playerId]: record } },
    events: [{ type: 'player-joined', playerId, at }],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rounds

export type OpenRoundResult =
  ({ kind: 'opened' } & Transition) | { kind: 'round-already-open' } | { kind: 'game-over' };

export function openNextRound(state: GameState, at: number): OpenRoundResult {
  if (state.phase.kind === 'ended') return { kind: 'game-over' };
  if (state.phase.kind === 'open') return { kind: 'round-already-open' };
  const index = state.rounds.length;
  const question = state.questions[index];
  if (!question) return { kind: 'game-over' };
  const correctIndex = correctIndexOf(question) ?? 0; // validated in startGame
  const round: OpenRound = {
    index,
    question,
    correctIndex,
    openedAt: at,
    deadline: at + state.settings.secondsPerQuestion * 1000,
    answers: [],
  };
  return {
    kind: 'opened',
    state: { ...state, phase: { kind: 'open', round } },
    events: [
      {
        type: 'round-opened',
        roundIndex: index,
        total: state.questions.length,
        question,
        openedAt: at,
        deadline: round.deadline,
      },
    ],
  };
}

export interface AnswerInput {
  playerId: string;
  choiceIndex: number;
  at: number;
}

export type SubmitAnswerResult =
  | ({ kind: 'locked'; answer: LockedAnswer } & Transition)
  | { kind: 'already-answered'; previous: LockedAnswer }
  | { kind: 'too-late' }
  | { kind: 'no-open-round' }
  | { kind: 'invalid-choice' };

/**
 * A player's first click is their answer. When it makes every active player answered, the round closes in the
 * same transition (the events then include the reveal, and possibly the end of the game).
 */
export function submitAnswer(state: GameState, input: AnswerInput): SubmitAnswerResult {
  if (state.phase.kind !== 'open') return { kind: 'no-open-round' };
  const round = state.phase.round;
  if (!isChoiceIndex(input.choiceIndex)) return { kind: 'invalid-choice' };
  const previous = round.answers.find((a) => a.playerId === input.playerId);
  if (previous) return { kind: 'already-answered', previous };
  if (input.at >= round.deadline) return { kind: 'too-late' };

  const correct = input.choiceIndex === round.correctIndex;
  const answer: LockedAnswer = {
    playerId: input.playerId,
    roundIndex: round.index,
    choiceIndex: input.choiceIndex,
    at: input.at,
    correct,
    points: pointsFor({
      correct,
      difficulty: round.question.difficulty,
      openedAt: round.openedAt,
      deadline: round.deadline,
      answeredAt: input.at,
    }),
  };
  const nextRound: OpenRound = { ...round, answers: [...round.answers, answer] };
  const players = state.players[input.playerId]
    ? state.players
    : { ...state.players, [input.playerId]: newPlayer(input.playerId) };
  const next: GameState = { ...state, players, phase: { kind: 'open', round: nextRound } };
  const locked: GameEvent = {
    type: 'answer-locked',
    playerId: input.playerId,
    roundIndex: round.index,
    answeredCount: nextRound.answers.length,
  };

  if (everyActivePlayerAnswered(next)) {
    const closed = closeRound(next, input.at, 'all-answered');
    return { kind: 'locked', answer, state: closed.state, events: [locked, ...closed.events] };
  }
  return { kind: 'locked', answer, state: next, events: [locked] };
}

/** Closes the open round once its deadline has passed; otherwise nothing happens. Call it from the round timer. */
export function tick(state: GameState, now: number): Transition {
  if (state.phase.kind !== 'open' || now < state.phase.round.deadline) return { state, events: [] };
  return closeRound(state, state.phase.round.deadline, 'deadline');
}

/**
 * Closes the open round: credits points, builds the reveal, and ends the game if that was the last question or
 * the IDLE_ROUND_LIMIT-th silent round in a row. Does nothing when no round is open.
 */
export function closeRound(state: GameState, at: number, cause: CloseCause): Transition {
  if (state.phase.kind !== 'open') return { state, events: [] };
  const round: ClosedRound = { ...state.phase.round, closedAt: at, closedBy: cause };

  const players: Record<string, PlayerRecord> = { ...state.players };
  for (const a of round.answers) {
    const p = players[a.playerId] ?? newPlayer(a.playerId);
    const scored = a.points !== 0 || p.reachedAt === null;
    players[a.playerId] = {
      ...p,
      points: p.points + a.points,
      answered: p.answered + 1,
      correct: p.correct + (a.correct ? 1 : 0),
      reachedAt: scored ? a.at : p.reachedAt,
      results: [...p.results, a.correct],
    };
  }

  const silentRounds = round.answers.length === 0 ? state.silentRounds + 1 : 0;
  const rounds = [...state.rounds, round];
  const afterClose: GameState = { ...state, players, rounds, silentRounds, phase: { kind: 'waiting' } };
  const standings = gameStandings(afterClose);
  const events: GameEvent[] = [
    { type: 'round-closed', reveal: buildReveal(round, state.questions.length, standings), closedAt: at },
  ];

  let reason: EndReason | null = null;
  if (rounds.length >= state.questions.length) reason = { kind: 'completed' };
  else if (silentRounds >= IDLE_ROUND_LIMIT) reason = { kind: 'idle', rounds: silentRounds };
  if (!reason) return { state: afterClose, events };

  events.push({ type: 'game-ended', reason, standings, endedAt: at });
  return { state: { ...afterClose, phase: { kind: 'ended', reason, endedAt: at } }, events };
}

// ---------------------------------------------------------------------------------------------------------------
// Stop

/** The starter, or anyone with Manage Server in the guild, may stop a game. */
export function canStop(
  game: Pick<GameState, 'starterId'>,
  userId: string,
  hasManageServer: boolean,
): boolean {
  return hasManageServer || game.starterId === userId;
}

export interface StopInput {
  userId: string;
  hasManageServer: boolean;
  at: number;
}

export type StopResult =
  ({ kind: 'stopped' } & Transition) | { kind: 'not-allowed' } | { kind: 'not-running' };

/**
 * Ends the game now. A round still open is discarded: its answers score nothing and it is not revealed, so that
 * stopping never hands out points for a half-finished round.
 */
export function stopGame(state: GameState, input: StopInput): StopResult {
  if (state.phase.kind === 'ended') return { kind: 'not-running' };
  if (!canStop(state, input.userId, input.hasManageServer)) return { kind: 'not-allowed' };
  const reason: EndReason = { kind: 'stopped', by: input.userId };
  const next: GameState = { ...state, phase: { kind: 'ended', reason, endedAt: input.at } };
  return {
    kind: 'stopped',
    state: next,
    events: [{ type: 'game-ended', reason, standings: gameStandings(next), endedAt: input.at }],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Queries

/**
 * Active players for round `roundIndex`: those who answered any of the ACTIVE_WINDOW_ROUNDS rounds before it, plus
 * those who pressed "join" during that window or during this round (joining between rounds counts for the next
 * round). Sorted by id.
 */
export function activePlayers(state: GameState, roundIndex: number): string[] {
  const from = roundIndex - ACTIVE_WINDOW_ROUNDS;
  const ids = new Set<string>();
  for (const r of state.rounds) {
    if (r.index >= from && r.index < roundIndex) for (const a of r.answers) ids.add(a.playerId);
  }
  for (const p of Object.values(state.players)) {
    if (p.joinedRound !== null && p.joinedRound >= from && p.joinedRound <= roundIndex) ids.add(p.playerId);
  }
  return [...ids].sort();
}

/** True when a round is open, at least one player is active, and all active players have answered it. */
export function everyActivePlayerAnswered(state: GameState): boolean {
  if (state.phase.kind !== 'open') return false;
  const round = state.phase.round;
  const active = activePlayers(state, round.index);
  if (active.length === 0) return false;
  const answered = new Set(round.answers.map((a) => a.playerId));
  return active.every((id) => answered.has(id));
}

/** Standings of everyone who answered at least once (scores of the open round are not counted yet). */
export function gameStandings(state: GameState): Standing[] {
  const totals: PlayerTotals[] = [];
  for (const p of Object.values(state.players)) {
    if (p.answered === 0 || p.reachedAt === null) continue;
    totals.push({
      playerId: p.playerId,
      points: p.points,
      answered: p.answered,
      correct: p.correct,
      reachedAt: p.reachedAt,
    });
  }
  return rankStandings(totals);
}

/** Index of the open round, or of the round that opens next. */
export function currentRoundIndex(state: GameState): number {
  return state.phase.kind === 'open' ? state.phase.round.index : state.rounds.length;
}

export function correctIndexOf(question: Question): ChoiceIndex | null {
  const i = question.choices.indexOf(question.answer);
  return isChoiceIndex(i) ? i : null;
}

function isChoiceIndex(n: number): n is ChoiceIndex {
  return n === 0 || n === 1 || n === 2 || n === 3;
}

function newPlayer(playerId: string): PlayerRecord {
  return {
    playerId,
    joinedRound: null,
    joinedAt: null,
    points: 0,
    answered: 0,
    correct: 0,
    reachedAt: null,
    results: [],
  };
}

function buildReveal(round: ClosedRound, total: number, standings: Standing[]): Reveal {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  for (const a of round.answers) counts[a.choiceIndex] += 1;
  const correctPlayers = round.answers
    .filter((a) => a.correct)
    .map((a) => ({ playerId: a.playerId, elapsedMs: Math.max(0, a.at - round.openedAt), points: a.points }))
    .sort(
      (x, y) => x.elapsedMs - y.elapsedMs || (x.playerId < y.playerId ? -1 : x.playerId > y.playerId ? 1 : 0),
    );
  return {
    roundIndex: round.index,
    total,
    questionId: round.question.id,
    correctIndex: round.correctIndex,
    correctAnswer: round.question.answer,
    source: round.question.source,
    counts,
    correctPlayers,
    gained: round.answers.map((a) => ({ playerId: a.playerId, points: a.points, correct: a.correct })),
    standings,
    closedBy: round.closedBy,
  };
}
