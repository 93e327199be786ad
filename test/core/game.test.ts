import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activePlayers,
  canStop,
  joinGame,
  openNextRound,
  startGame,
  stopGame,
  submitAnswer,
  tick,
  validateGameSettings,
  type GameEvent,
  type GameSettings,
  type GameState,
} from '../../src/core/game/index.ts';
import { makeQuestion, makeQuestions } from './fixtures.ts';

const T0 = 1_800_000_000_000;
const settings: GameSettings = {
  questionCount: 3,
  secondsPerQuestion: 20,
  difficulty: 'any',
  packId: 'pack-1',
};

function started(questionCount = 3): GameState {
  const result = startGame({
    gameId: 'g1',
    channelId: 'c1',
    starterId: 'starter',
    settings: { ...settings, questionCount },
    questions: makeQuestions(10),
    at: T0,
  });
  if (result.kind !== 'started') throw new Error(result.kind);
  return result.state;
}

function open(state: GameState, at: number): GameState {
  const result = openNextRound(state, at);
  if (result.kind !== 'opened') throw new Error(result.kind);
  return result.state;
}

function answer(state: GameState, playerId: string, choiceIndex: number, at: number) {
  const result = submitAnswer(state, { playerId, choiceIndex, at });
  if (result.kind !== 'locked') throw new Error(result.kind);
  return result;
}

function join(state: GameState, playerId: string, at: number): GameState {
  const result = joinGame(state, playerId, at);
  if (result.kind !== 'joined') throw new Error(result.kind);
  return result.state;
}

const closedEvent = (events: GameEvent[]) => events.find((e) => e.type === 'round-closed');
const endedEvent = (events: GameEvent[]) => events.find((e) => e.type === 'game-ended');

describe('validateGameSettings', () => {
  it('when every field is valid, then the settings are returned', () => {
    const result = validateGameSettings({
      questionCount: 5,
      secondsPerQuestion: 30,
      difficulty: 2,
      packId: 'p',
    });

    expect(result).toEqual({
      ok: true,
      settings: { questionCount: 5, secondsPerQuestion: 30, difficulty: 2, packId: 'p' },
    });
  });

  it('when counts are missing, then the defaults apply', () => {
    const result = validateGameSettings({ packId: 'p' });

    expect(result.ok && result.settings).toMatchObject({
      questionCount: 10,
      secondsPerQuestion: 20,
      difficulty: 'any',
    });
  });

  it('when several fields are wrong, then each is reported', () => {
    const result = validateGameSettings({
      questionCount: 51,
      secondsPerQuestion: 9.5,
      difficulty: 4,
      packId: ' ',
    });

    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'questionCount', code: 'out-of-range', min: 1, max: 50 },
        { field: 'secondsPerQuestion', code: 'not-an-integer' },
        { field: 'difficulty', code: 'invalid-difficulty' },
        { field: 'packId', code: 'missing-pack' },
      ],
    });
  });

  it('when values sit on the limits, then they are accepted', () => {
    expect(validateGameSettings({ questionCount: 1, secondsPerQuestion: 120, packId: 'p' }).ok).toBe(true);
    expect(validateGameSettings({ questionCount: 50, secondsPerQuestion: 10, packId: 'p' }).ok).toBe(true);
    expect(validateGameSettings({ questionCount: 0, secondsPerQuestion: 121, packId: 'p' }).ok).toBe(false);
  });
});

describe('startGame', () => {
  it('when the pool has fewer questions than asked, then the game has fewer rounds', () => {
    const result = startGame({
      gameId: 'g',
      channelId: 'c',
      starterId: 's',
      settings,
      questions: makeQuestions(2),
      at: T0,
    });

    expect(result.kind === 'started' && result.state.questions.length).toBe(2);
  });

  it('when there are no questions, then the game does not start', () => {
    const result = startGame({
      gameId: 'g',
      channelId: 'c',
      starterId: 's',
      settings,
      questions: [],
      at: T0,
    });

    expect(result).toEqual({ kind: 'no-questions' });
  });

  it('when a question answer is not among its choices, then it is reported', () => {
    const broken = { ...makeQuestion('bad'), answer: 'nope' };

    const result = startGame({
      gameId: 'g',
      channelId: 'c',
      starterId: 's',
      settings,
      questions: [broken],
      at: T0,
    });

    expect(result).toEqual({ kind: 'invalid-question', questionId: 'bad' });
  });
});

describe('submitAnswer', () => {
  it('when no round is open, then the answer is refused', () => {
    expect(submitAnswer(started(), { playerId: 'p', choiceIndex: 0, at: T0 })).toEqual({
      kind: 'no-open-round',
    });
  });

  it('when the choice is not 0..3, then it is invalid', () => {
    const state = open(started(), T0);

    expect(submitAnswer(state, { playerId: 'p', choiceIndex: 4, at: T0 }).kind).toBe('invalid-choice');
    expect(submitAnswer(state, { playerId: 'p', choiceIndex: 1.5, at: T0 }).kind).toBe('invalid-choice');
  });

  it('when a player clicks twice, then the first click stands', () => {
    const state = open(started(), T0);
    const first = answer(state, 'p', 1, T0 + 1000);

    const second = submitAnswer(first.state, { playerId: 'p', choiceIndex: 0, at: T0 + 2000 });

    expect(second).toEqual({ kind: 'already-answered', previous: first.answer });
    expect(first.answer).toMatchObject({ choiceIndex: 1, correct: false, points: 0 });
  });

  it('when the click arrives at the deadline, then it is too late', () => {
    const state = open(started(), T0);

    expect(submitAnswer(state, { playerId: 'p', choiceIndex: 0, at: T0 + 20_000 }).kind).toBe('too-late');
    expect(submitAnswer(state, { playerId: 'p', choiceIndex: 0, at: T0 + 19_999 }).kind).toBe('locked');
  });

  it('when a correct answer is locked halfway, then it carries base plus half the bonus', () => {
    const state = open(started(), T0);

    const result = answer(state, 'p', 0, T0 + 10_000);

    expect(result.answer).toMatchObject({ correct: true, points: 150 });
  });
});

describe('closing rounds', () => {
  it('when nobody is active yet, then the round waits for the deadline even after answers', () => {
    const state = open(started(), T0);

    const result = answer(state, 'p', 0, T0 + 1000);

    expect(result.state.phase.kind).toBe('open');
    expect(closedEvent(result.events)).toBeUndefined();
  });

  it('when the deadline passes, then tick closes the round with a reveal', () => {
    let state = open(started(), T0);
    state = answer(state, 'b', 0, T0 + 5000).state;
    state = answer(state, 'a', 0, T0 + 5000).state;
    state = answer(state, 'c', 2, T0 + 1000).state;

    expect(tick(state, T0 + 19_999).events).toEqual([]);
    const result = tick(state, T0 + 25_000);

    const closed = closedEvent(result.events);
    expect(closed?.closedAt).toBe(T0 + 20_000);
    expect(closed?.reveal).toMatchObject({
      correctIndex: 0,
      correctAnswer: 'q1-a',
      counts: [2, 0, 1, 0],
      closedBy: 'deadline',
      correctPlayers: [
        { playerId: 'a', elapsedMs: 5000, points: 175 },
        { playerId: 'b', elapsedMs: 5000, points: 175 },
      ],
    });
    expect(closed?.reveal.standings.map((s) => [s.playerId, s.points, s.rank])).toEqual([
      ['a', 175, 1],
      ['b', 175, 2],
      ['c', 0, 3],
    ]);
  });

  it('when every active player answered, then the round closes early', () => {
    let state = started();
    state = join(state, 'a', T0);
    state = join(state, 'b', T0);
    state = open(state, T0);
    state = answer(state, 'a', 0, T0 + 1000).state;

    const result = answer(state, 'b', 1, T0 + 3000);

    expect(closedEvent(result.events)).toMatchObject({
      closedAt: T0 + 3000,
      reveal: { closedBy: 'all-answered' },
    });
    expect(result.state.phase.kind).toBe('waiting');
  });

  it('when players answered recently, then they stay active for three rounds', () => {
    let state = open(started(5), T0);
    state = answer(state, 'a', 0, T0 + 1000).state;
    state = tick(state, T0 + 20_000).state;

    expect(activePlayers(state, 1)).toEqual(['a']);
    expect(activePlayers(state, 3)).toEqual(['a']);
    expect(activePlayers(state, 4)).toEqual([]);
  });

  it('when the last question closes, then the game ends completed with final standings', () => {
    let state = started(1);
    state = open(state, T0);
    state = answer(state, 'a', 0, T0 + 1000).state;

    const result = tick(state, T0 + 20_000);

    expect(endedEvent(result.events)).toMatchObject({ reason: { kind: 'completed' } });
    expect(result.state.phase.kind).toBe('ended');
    expect(openNextRound(result.state, T0 + 30_000)).toEqual({ kind: 'game-over' });
  });

  it('when three rounds in a row get no answer, then the game ends idle', () => {
    let state = started(10);
    const events: GameEvent[] = [];
    for (let i = 0; i < 3; i++) {
      state = open(state, T0 + i * 30_000);
      const closed = tick(state, T0 + i * 30_000 + 20_000);
      state = closed.state;
      events.push(...closed.events);
    }

    expect(endedEvent(events)).toMatchObject({ reason: { kind: 'idle', rounds: 3 } });
  });

  it('when a silent streak is broken by an answer, then the idle count restarts', () => {
    let state = started(10);
    for (let i = 0; i < 5; i++) {
      state = open(state, T0 + i * 30_000);
      if (i === 2) state = answer(state, 'a', 0, T0 + i * 30_000 + 1000).state;
      state = tick(state, T0 + i * 30_000 + 20_000).state;
    }

    expect(state.phase.kind).toBe('waiting');
    expect(state.silentRounds).toBe(2);
  });
});

describe('joining', () => {
  it('when a joined player has not answered, then the round does not close early', () => {
    let state = join(join(started(), 'a', T0), 'b', T0);
    state = open(state, T0);

    const result = answer(state, 'a', 0, T0 + 1000);

    expect(result.state.phase.kind).toBe('open');
  });

  it('when someone joins mid-round, then the round waits for them too', () => {
    let state = join(started(), 'a', T0);
    state = open(state, T0);
    state = join(state, 'late', T0 + 500);

    expect(activePlayers(state, 0)).toEqual(['a', 'late']);
    expect(answer(state, 'a', 0, T0 + 1000).state.phase.kind).toBe('open');
  });

  it('when joining twice, then the second join is refused; after the game ends, joining is over', () => {
    const state = join(started(1), 'a', T0);

    expect(joinGame(state, 'a', T0 + 1)).toEqual({ kind: 'already-joined' });
    const ended = stopGame(state, { userId: 'starter', hasManageServer: false, at: T0 + 2 });
    expect(ended.kind === 'stopped' && joinGame(ended.state, 'b', T0 + 3)).toEqual({ kind: 'game-over' });
  });

  it('when a joined player stops answering, then after the window they no longer hold rounds open', () => {
    let state = join(started(6), 'ghost', T0);
    for (let i = 0; i < 4; i++) {
      state = open(state, T0 + i * 30_000);
      state = answer(state, 'a', 0, T0 + i * 30_000 + 1000).state;
      state = tick(state, T0 + i * 30_000 + 20_000).state;
    }
    state = open(state, T0 + 200_000);

    const result = answer(state, 'a', 0, T0 + 201_000);

    expect(activePlayers(state, 4)).toEqual(['a']);
    expect(closedEvent(result.events)?.reveal.closedBy).toBe('all-answered');
  });
});

describe('any sequence of actions', () => {
  const action = fc.oneof(
    fc.record({ type: fc.constant('open' as const) }),
    fc.record({ type: fc.constant('join' as const), player: fc.constantFrom('a', 'b', 'c') }),
    fc.record({
      type: fc.constant('answer' as const),
      player: fc.constantFrom('a', 'b', 'c'),
      choice: fc.integer({ min: -1, max: 4 }),
    }),
    fc.record({ type: fc.constant('tick' as const), advance: fc.integer({ min: 0, max: 25_000 }) }),
    fc.record({ type: fc.constant('stop' as const), user: fc.constantFrom('starter', 'a') }),
  );

  it('when actions arrive in any order, then the game stays consistent', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        let state = started(5);
        let now = T0;
        const events: GameEvent[] = [];
        for (const a of actions) {
          now += 100;
          if (a.type === 'open') {
            const r = openNextRound(state, now);
            if (r.kind === 'opened') state = r.state;
          } else if (a.type === 'join') {
            const r = joinGame(state, a.player, now);
            if (r.kind === 'joined') state = r.state;
          } else if (a.type === 'answer') {
            const r = submitAnswer(state, { playerId: a.player, choiceIndex: a.choice, at: now });
            if (r.kind === 'locked') {
              state = r.state;
              events.push(...r.events);
            }
          } else if (a.type === 'tick') {
            now += a.advance;
            const r = tick(state, now);
            state = r.state;
            events.push(...r.events);
          } else {
            const r = stopGame(state, { userId: a.user, hasManageServer: false, at: now });
            if (r.kind === 'stopped') state = r.state;
          }
        }

        expect(state.rounds.length).toBeLessThanOrEqual(state.questions.length);
        for (const round of state.rounds) {
          const ids = round.answers.map((x) => x.playerId);
          expect(new Set(ids).size).toBe(ids.length);
          for (const x of round.answers) expect(x.at).toBeLessThan(round.deadline);
        }
        for (const p of Object.values(state.players)) {
          const earned = state.rounds.flatMap((r) => r.answers).filter((x) => x.playerId === p.playerId);
          expect(p.points).toBe(earned.reduce((sum, x) => sum + x.points, 0));
          expect(p.answered).toBe(earned.length);
          expect(p.points).toBeGreaterThanOrEqual(0);
        }
        expect(events.filter((e) => e.type === 'game-ended').length).toBeLessThanOrEqual(1);
        if (state.phase.kind === 'ended') {
          expect(submitAnswer(state, { playerId: 'a', choiceIndex: 0, at: now }).kind).toBe('no-open-round');
        }
      }),
    );
  });
});

describe('stopping', () => {
  it('when the starter or a manager stops, then it is allowed; anyone else is not', () => {
    const state = started();

    expect(canStop(state, 'starter', false)).toBe(true);
    expect(canStop(state, 'mod', true)).toBe(true);
    expect(canStop(state, 'rando', false)).toBe(false);
  });

  it('when a stranger tries to stop, then the game keeps running', () => {
    expect(stopGame(started(), { userId: 'rando', hasManageServer: false, at: T0 })).toEqual({
      kind: 'not-allowed',
    });
  });

  it('when stopped mid-round, then the open round is discarded and the game ends', () => {
    let state = open(started(), T0);
    state = answer(state, 'a', 0, T0 + 1000).state;

    const result = stopGame(state, { userId: 'starter', hasManageServer: false, at: T0 + 2000 });

    expect(result.kind).toBe('stopped');
    if (result.kind !== 'stopped') return;
    expect(result.events).toEqual([
      { type: 'game-ended', reason: { kind: 'stopped', by: 'starter' }, standings: [], endedAt: T0 + 2000 },
    ]);
    expect(stopGame(result.state, { userId: 'starter', hasManageServer: false, at: T0 })).toEqual({
      kind: 'not-running',
    });
  });
});
