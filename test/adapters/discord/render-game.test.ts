import { describe, expect, it } from 'vitest';
import { renderGameEnded } from '../../../src/adapters/discord/render/game.ts';

const standing = (playerId: string, points: number, rank: number) => ({
  playerId,
  points,
  answered: 1,
  correct: points > 0 ? 1 : 0,
  reachedAt: 0,
  rank,
});

describe('final standings rendering', () => {
  it('when nobody scored, then nobody is named the winner', () => {
    const payload = renderGameEnded({
      gameId: 'g',
      reason: { kind: 'completed' },
      standings: [standing('1', 0, 1)],
      lang: 'en',
    });
    expect(payload.embeds[0]?.description).not.toContain('wins with');
    expect(payload.embeds[0]?.description).toContain('1. <@1>: 0 pts (0/1 right)');
  });

  it('when someone scored, then the top player is named the winner, without pinging anyone', () => {
    const payload = renderGameEnded({
      gameId: 'g',
      reason: { kind: 'completed' },
      standings: [standing('1', 250, 1), standing('2', 0, 2)],
      lang: 'es',
    });
    expect(payload.embeds[0]?.description).toContain('🏆 ¡<@1> gana con 250 puntos!');
    expect(payload.allowed_mentions).toEqual({ parse: [] });
  });
});
