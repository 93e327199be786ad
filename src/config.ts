import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const snowflake = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()
  .refine((value) => value === undefined || /^\d{17,20}$/.test(value), 'must be a Discord id (17-20 digits)');

const schema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: snowflake,
  DEV_GUILD_ID: snowflake,
  DATABASE_URL: optionalText.refine((value) => value === undefined || isPostgresUrl(value), {
    message: 'must be a postgresql://user@host:port/database URL (or unset for the embedded database)',
  }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  SHARD_COUNT: z.coerce.number().int().min(1).max(64).optional(),
});

export type Config = Readonly<{
  discordToken: string | undefined;
  applicationId: string | undefined;
  devGuildId: string | undefined;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  shardCount: number | undefined;
}>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgresql:' || url.protocol === 'postgres:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Parses the environment once; every bad key is reported, one line each, never with its value. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
    };
  }
  const value = parsed.data;
  return {
    ok: true,
    config: {
      discordToken: value.DISCORD_TOKEN,
      applicationId: value.DISCORD_APPLICATION_ID,
      devGuildId: value.DEV_GUILD_ID,
      databaseUrl: value.DATABASE_URL,
      databasePoolSize: value.DATABASE_POOL_SIZE,
      dataDir: value.DATA_DIR,
      logLevel: value.LOG_LEVEL,
      shardCount: value.SHARD_COUNT,
    },
  };
}
