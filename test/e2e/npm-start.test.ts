import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
// A new embedded database runs initdb (several seconds on a busy 2-core machine); npm itself takes a second.
const SLOW = 180_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm start` exactly as a user types it, without a token (the sandbox), `input` piped in, until it exits. */
function npmStart(dataDir: string, input: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      // Empty values win over a developer's .env (dotenv never overrides the environment).
      env: { ...process.env, DATA_DIR: dataDir, DISCORD_TOKEN: '', DATABASE_URL: '', LOG_LEVEL: 'info' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), SLOW - 10_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

async function databaseReadyLogs(dataDir: string): Promise<{ applied: string[] }[]> {
  const log = await readFile(path.join(dataDir, 'sandbox.log'), 'utf8');
  return log
    .split('\n')
    .filter((line) => line.includes('"database ready"'))
    .map((line) => JSON.parse(line) as { applied: string[] });
}

describe('npm start as a new user runs it (no token: the local sandbox on the embedded database)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'plot-trivia-npm-start-')), 'data');
  });

  afterAll(async () => {
    await rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  it(
    'when the data directory does not exist yet, then it is created and migrated, and the sandbox answers and exits cleanly',
    async () => {
      const run = await npmStart(dataDir, '/trivia packs\n');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('LOCAL SANDBOX');
      expect(run.stdout).toContain('Mission Impossible III');
      expect(run.stdout).toContain('Sandbox closed (end-of-input)');
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(existsSync(path.join(dataDir, 'plot-trivia.lock'))).toBe(false);
      const [ready] = await databaseReadyLogs(dataDir);
      expect(ready?.applied.length).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'when started again on that data directory, then it opens the existing database with nothing to migrate and plays',
    async () => {
      const run = await npmStart(dataDir, '/trivia start questions:1 seconds:10\nA\n');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('LOCAL SANDBOX');
      expect(run.stdout).toContain('Final standings');
      expect(run.stdout).toContain('Sandbox closed (end-of-input)');
      const logs = await databaseReadyLogs(dataDir);
      expect(logs).toHaveLength(2);
      expect(logs[1]?.applied).toEqual([]);
    },
    SLOW,
  );
});
