import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runSandbox } from '../../src/adapters/sandbox/run-sandbox.ts';
import type { EndReason } from '../../src/adapters/sandbox/terminal/terminal-player.ts';
import { parseConfig } from '../../src/config.ts';
import { startPlotTrivia } from '../../src/main.ts';
import { freshDatabase } from '../support/databases.ts';
import { ManualTime } from '../support/manual-time.ts';

interface Session {
  type(...lines: string[]): void;
  transcript(): string;
  /** Polls the transcript until `pattern` shows up `times` times. */
  until(pattern: RegExp, times?: number): Promise<void>;
  time: ManualTime;
  logs: string[];
  endInput(): Promise<EndReason>;
}

const sessions: Session[] = [];

/** The sandbox exactly as `npm start` runs it, with scripted input, an in-memory database and manual time. */
async function startSession(): Promise<Session> {
  const parsed = parseConfig({ LOG_LEVEL: 'info' });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const time = new ManualTime();
  const logs: string[] = [];
  const running = runSandbox(parsed.config, startPlotTrivia, {
    input,
    output,
    interactive: false,
    color: false,
    database: await freshDatabase('pglite'),
    clock: time,
    timers: time,
    logWrite: (line) => logs.push(line),
    playerName: 'tester',
    handleSignals: false,
  });
  const session: Session = {
    type: (...lines) => input.write(lines.map((line) => `${line}\n`).join('')),
    transcript: () => text,
    async until(pattern, times = 1) {
      const global = new RegExp(
        pattern.source,
        pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
      );
      await expect
        .poll(() => text.match(global)?.length ?? 0, { timeout: 15_000 })
        .toBeGreaterThanOrEqual(times);
    },
    time,
    logs,
    async endInput() {
      input.end();
      return running;
    },
  };
  sessions.push(session);
  await session.until(/LOCAL SANDBOX/);
  return session;
}

afterEach(async () => {
  // A failed test must not leave a bot running: end its input (the game wait is then cut short by time).
  for (const session of sessions.splice(0)) {
    session.time.advance(10 * 60_000);
    await session.endInput().catch(() => undefined);
  }
});

describe('the local sandbox played from a script', () => {
  it('when one player starts a 1-question game and answers A, then the transcript shows the whole game', async () => {
    const s = await startSession();
    expect(s.transcript()).toMatch(/No Discord connection/);
    expect(s.transcript()).toMatch(/put DISCORD_TOKEN=\.\.\. in \.env/);
    expect(s.transcript()).toMatch(/you are @tester \(the server owner\)/);

    s.type('/trivia start questions:1 seconds:10', 'A');
    await s.until(/Game started! Good luck\./);
    await s.until(/waiting for the next question to answer A/);
    s.time.advance(3000); // the default first-question delay
    await s.until(/Question 1 of 1/);
    await s.until(/Locked in: /);
    const choiceA = /\[A\. ([^\]]+)\]/.exec(s.transcript())![1]!;
    expect(s.transcript()).toContain(`Locked in: ${choiceA}. Good luck!`);
    expect(s.transcript()).toMatch(/Closes in 10 s/);
    expect(s.transcript()).toMatch(/\[A\. [^\]]+\] \[B\. [^\]]+\] \[C\. [^\]]+\] \[D\. [^\]]+\]/);
    expect(s.transcript()).toMatch(/@tester started Plot Trivia: 1 questions/);
    expect(s.transcript()).toMatch(/Plot Trivia \(only visible to you\)\n {2}Locked in/);

    s.time.advance(10_000); // the deadline
    // Input ends as the game ends: the sandbox must still show the final standings before it closes.
    const reason = await s.endInput();
    expect(reason).toBe('end-of-input');

    const transcript = s.transcript();
    expect(transcript).toMatch(/Plot Trivia \(edited\)\n.*Question 1 of 1[\s\S]*\(disabled\)/);
    expect(transcript).toMatch(/The answer was [A-D]\. .+\./);
    expect(transcript).toMatch(/A: 1 · B: 0 · C: 0 · D: 0/);
    expect(transcript).toMatch(/\[spoiler: From the synopsis: /);
    expect(transcript).toMatch(/That was the last question\. Thanks for playing!/);
    expect(transcript).toMatch(/1\. @tester: \d+ pts \([01]\/1 right\)/);
    expect(transcript).not.toMatch(/<@\d+>|<t:\d+/);
    expect(transcript).toMatch(/Sandbox closed \(end-of-input\)\. Bye!\n$/);
    expect(s.logs.join('')).toMatch(/"msg":"database ready"/);
  });

  it('when two simulated players join and both answer, then the round closes early and both are in the standings', async () => {
    const s = await startSession();
    s.type('/trivia start questions:1 seconds:30', 'join');
    await s.until(/You're in!/);
    s.type('/as bob', 'join', '/players');
    await s.until(/You're in!/, 2);
    await s.until(/\* @bob \(you\)/);
    expect(s.transcript()).toMatch(/ {3}@tester \(owner, can use \/trivia-admin\)/);

    s.time.advance(3000);
    await s.until(/Question 1 of 1/);
    s.type('B', '/as tester', 'C', '/trivia start');
    await s.until(/Everyone answered, so the round closed early\./);
    await s.until(/Final standings/);
    const transcript = s.transcript();
    const choice = (letter: string) => new RegExp(`\\[${letter}\\. ([^\\]]+)\\]`).exec(transcript)![1]!;
    expect(transcript).toMatch(/bob> B\n\nPlot Trivia \(only visible to you\)\n {2}Locked in: /);
    expect(transcript).toContain(`Locked in: ${choice('B')}.`);
    expect(transcript).toContain(`Locked in: ${choice('C')}.`);
    expect(transcript).toMatch(/A game is already running in this channel/);
    expect(transcript).toMatch(/A: 0 · B: 1 · C: 1 · D: 0/);
    expect(transcript).toMatch(/[12]\. @bob: \d+ pts/);
    expect(transcript).toMatch(/[12]\. @tester: \d+ pts/);

    s.type('/trivia start rounds:3', '/stats player:@bob');
    await s.until(/no option "rounds"/);
    await s.until(/bob/, 6);
    expect(await s.endInput()).toBe('end-of-input');
  });
});
