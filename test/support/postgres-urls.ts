// Tests read their own environment here (never through src/config.ts, which knows nothing of tests).
export function postgresAdminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

/** Unique per call: each vitest project runs the global setup and gets its own template. */
export function templateDatabaseName(): string {
  return `plot_trivia_tpl_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function postgresRequired(): boolean {
  return process.env.REQUIRE_POSTGRES === '1';
}
