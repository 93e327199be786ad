import { describe, expect, it } from 'vitest';
import type { LeaderboardPage } from '../../../src/app/leaderboard-service.ts';
import {
  boardButtonId,
  parseBoardButtonId,
  parseForgetButtonId,
  renderForgotten,
  renderLeaderboard,
  renderStats,
  type BoardRequest,
} from '../../../src/adapters/discord/render/leaderboard.ts';
import type { LeaderboardRow } from '../../../src/core/leaderboard/ports.ts';

const ASKER = '123456789012345678';

function row(rank: number, playerId: string, displayName = `Name ${rank}`): LeaderboardRow {
  return { rank, playerId, displayName, points: 1000 - rank, correct: 1, answered: 1, accuracyBp: 10000 };
}

function page(overrides: Partial<LeaderboardPage> = {}): LeaderboardPage {
  return {
    rows: Array.from({ length: 10 }, (_, i) => row(i + 11, String(900 + i))),
    page: 2,
    pageCount: 5,
    ranked: 45,
    caller: row(44, ASKER),
    periodLabel: 'leaderboard.period.week',
    periodKey: 'week:2026-W47',
    season: 1,
    ...overrides,
  };
}

const request: BoardRequest = { board: 'server', period: 'week', page: 2, askerId: ASKER };

describe('leaderboard rendering', () => {
  it('when a board id is built, then it parses back, and forged or foreign ids are rejected', () => {
    expect(parseBoardButtonId(boardButtonId(request))).toEqual(request);
    expect(parseBoardButtonId(boardButtonId({ ...request, board: 'global', period: 'all' }))).toMatchObject({
      board: 'global',
      period: 'all',
    });
    for (const forged of [
      'lb:x:week:2:1',
      'lb:s:year:2:1',
      'lb:s:week:-1:1',
      'lb:s:week:2:abc',
      'reset-lb:yes:1',
    ]) {
      expect(parseBoardButtonId(forged), forged).toBe(undefined);
    }
    expect(parseForgetButtonId(`forget:yes:${ASKER}`)).toEqual({ confirmed: true, askerId: ASKER });
    expect(parseForgetButtonId('forget:maybe:1')).toBe(undefined);
  });

  it("when a middle page is rendered, then it shows mentions without pings, the caller's rank, and both buttons", () => {
    const rendered = renderLeaderboard('en', request, page());
    const embed = rendered.embeds[0]!;
    expect(rendered.allowedMentions).toEqual({ parse: [] });
    expect(embed.title).toBe('Leaderboard: this week');
    expect(embed.description).toContain('11. <@900>: 989 pts');
    expect(embed.description).toContain('You are #44 with 956 pts.');
    expect(embed.footer?.text).toBe('Page 2 of 5 · 45 ranked players');
    const buttons = rendered.components[0]!.components;
    expect(
      buttons.map((b) => ('custom_id' in b ? parseBoardButtonId(b.custom_id)?.page : undefined)),
    ).toEqual([1, 3]);
    expect(buttons.map((b) => b.disabled)).toEqual([false, false]);
    for (const b of buttons) expect('custom_id' in b && b.custom_id.length).toBeLessThanOrEqual(100);
  });

  it('when the global board has a name with markdown or a mention, then it is shown as plain text', () => {
    const rendered = renderLeaderboard(
      'es',
      { ...request, board: 'global', page: 1 },
      page({
        rows: [row(1, '1', '**Bold** <@999> _x_')],
        page: 1,
        pageCount: 1,
        ranked: 1,
        caller: undefined,
      }),
    );
    const description = rendered.embeds[0]!.description!;
    expect(rendered.embeds[0]!.title).toBe('Clasificación global: esta semana');
    expect(description).toContain('1. \\*\\*Bold\\*\\* \\<\\@999\\> \\_x\\_: 999 pts');
    expect(description).not.toContain('<@');
    expect(description).toContain('Todavía no tienes puntos en este periodo.');
    expect(rendered.components[0]!.components.every((b) => b.disabled)).toBe(true);
  });

  it("when another player's global stats are public only, then no streak or favourite pack is shown", () => {
    const rendered = renderStats(
      'en',
      { playerId: '1', name: 'Ann' },
      {
        kind: 'public',
        stats: {
          displayName: 'Ann',
          gamesPlayed: 3,
          answered: 12,
          correct: 8,
          accuracyBp: 6667,
          points: 1234,
          fastestCorrectMs: 1530,
          bestRun: 4,
        },
      },
      () => 'Pack',
    );
    const fields = Object.fromEntries(rendered.embeds[0]!.fields!.map((f) => [f.name, f.value]));
    expect(fields).toEqual({
      Points: '1,234',
      'Games played': '3',
      'Questions answered': '12',
      Accuracy: '66.67%',
      'Fastest right answer': '1.53 s',
      'Best run of right answers': '4',
    });
  });

  it('when nothing was stored about a player, then forget-me says so instead of listing zeros', () => {
    const zero = {
      players: 0,
      answers: 0,
      scoreTotals: 0,
      playerStats: 0,
      dailyEntries: 0,
      dailyAnswers: 0,
      dailyStreaks: 0,
    };
    expect(renderForgotten('en', zero).content).toBe(
      'There was nothing stored about you. Nothing was deleted.',
    );
    expect(renderForgotten('en', { ...zero, players: 1, answers: 3 }).content).toContain('3 answers');
  });
});
