import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';

describe('configuration', () => {
  it('when nothing is set, then the defaults run the sandbox on the embedded database', () => {
    const result = parseConfig({});
    expect(result).toEqual({
      ok: true,
      config: {
        discordToken: undefined,
        applicationId: undefined,
        devGuildId: undefined,
        databaseUrl: undefined,
        databasePoolSize: 10,
        dataDir: './data',
        logLevel: 'info',
        shardCount: undefined,
      },
    });
  });

  it('when several keys are bad, then each is named on its own line without its value', () => {
    const result = parseConfig({
      DATABASE_URL: 'mysql://secret-password@db/x',
      LOG_LEVEL: 'loud',
      DATABASE_POOL_SIZE: '0',
      DEV_GUILD_ID: 'abc',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(4);
    expect(result.errors.map((error) => error.split(':')[0]).sort()).toEqual([
      'DATABASE_POOL_SIZE',
      'DATABASE_URL',
      'DEV_GUILD_ID',
      'LOG_LEVEL',
    ]);
    expect(result.errors.join('\n')).not.toContain('secret-password');
  });

  it('when DATABASE_URL is a PostgreSQL URL, then it selects PostgreSQL with the pool size', () => {
    const result = parseConfig({
      DATABASE_URL: 'postgresql://u@localhost:5432/db',
      DATABASE_POOL_SIZE: '25',
    });
    expect(result.ok && result.config.databaseUrl).toBe('postgresql://u@localhost:5432/db');
    expect(result.ok && result.config.databasePoolSize).toBe(25);
  });

  it('when DATABASE_URL is malformed, then it is rejected', () => {
    expect(parseConfig({ DATABASE_URL: 'not a url' }).ok).toBe(false);
  });
});
