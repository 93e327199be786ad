import { createWriteStream, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Client } from 'discord.js';
import type { Config } from '../../config.ts';
import type { Clock, Timers } from '../../core/ports.ts';
import { createLogger, type Logger } from '../../logger.ts';
import type { Database } from '../db/database.ts';
import { ALL_COMMANDS } from '../discord/commands/definitions.ts';
import { FakeDiscord } from './fake-discord/index.ts';
import { bannerLines } from './terminal/help-text.ts';
import { TerminalPlayer, type EndReason, type GamesView } from './terminal/terminal-player.ts';

/** The part of main.ts's RuntimeOptions the sandbox sets (declared here: adapters do not import main.ts). */
export interface SandboxStartOptions {
  config: Config;
  token: string;
  discordRestApi: string;
  database?: Database;
  logger?: Logger;
  clock?: Clock;
  timers?: Timers;
}

/** The part of main.ts's RunningBot the sandbox uses. */
export interface SandboxBot {
  client: Client<true>;
  games: GamesView;
  database: { description: string };
  stop(): Promise<void>;
}

export type StartBot = (options: SandboxStartOptions) => Promise<SandboxBot>;

/** Everything the real process supplies, injectable for tests. */
export interface SandboxOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Default: whether input and output are terminals. */
  interactive?: boolean;
  /** Default: output is a terminal with colours (honours NO_COLOR / FORCE_COLOR). */
  color?: boolean;
  /** An open database (tests); otherwise the bot opens the configured one. */
  database?: Database;
  clock?: Clock;
  timers?: Timers;
  /** Where the bot's JSON log lines go; default `<DATA_DIR>/sandbox.log`. */
  logWrite?: (line: string) => void;
  playerName?: string;
  questionWaitMs?: number;
  endOfInputWaitMs?: number;
  /** Install SIGINT / SIGTERM handlers on the process (default true). */
  handleSignals?: boolean;
}

const isTty = (stream: unknown): boolean => (stream as { isTTY?: boolean }).isTTY === true;

/** `npm start` without a token: the unmodified bot against an in-process fake Discord, played in the terminal. */
export async function runSandbox(
  config: Config,
  start: StartBot,
  options: SandboxOptions = {},
): Promise<EndReason> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? (isTty(input) && isTty(output));
  const color = options.color ?? (isTty(output) && (output as NodeJS.WriteStream).hasColors?.() === true);
  output.write('Starting the Plot Trivia local sandbox (no Discord connection)...\n');

  const fake = await FakeDiscord.start();
  // The bot starts (and may log) before the terminal player exists.
  const terminal: { player?: TerminalPlayer } = {};
  const logFile = options.logWrite ? undefined : path.resolve(config.dataDir, 'sandbox.log');
  const logStream = logFile ? openLog(logFile) : undefined;
  const logger = createLogger({
    level: config.logLevel,
    secrets: [fake.token],
    write: (line) => {
      if (options.logWrite) options.logWrite(line);
      else logStream?.write(line);
      const problem = botProblem(line);
      if (problem) terminal.player?.print([`(bot ${problem})`]);
    },
  });

  const name = options.playerName ?? defaultPlayerName();
  const owner = fake.createUser({ username: name });
  const guild = fake.createGuild({ name: 'Sandbox', ownerId: owner.id });
  const channel = fake.createTextChannel({ guildId: guild.id, name: 'trivia' });
  let bot: SandboxBot;
  try {
    bot = await start({
      config,
      token: fake.token,
      discordRestApi: fake.restUrl,
      logger,
      ...(options.database ? { database: options.database } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
    });
  } catch (error) {
    await fake.close();
    logStream?.end();
    throw error;
  }
  await bot.client.application.commands.set(ALL_COMMANDS);

  const player = new TerminalPlayer({
    fake,
    guild,
    channel,
    firstPlayer: owner,
    games: bot.games,
    clock: options.clock ?? { now: () => Date.now() },
    commands: ALL_COMMANDS,
    io: { input, output, interactive, color },
    ...(options.questionWaitMs === undefined ? {} : { questionWaitMs: options.questionWaitMs }),
    ...(options.endOfInputWaitMs === undefined ? {} : { endOfInputWaitMs: options.endOfInputWaitMs }),
  });
  terminal.player = player;
  output.write(
    `${bannerLines({
      guildName: guild.name,
      channelName: channel.name,
      playerName: owner.username,
      database: options.database
        ? `${bot.database.description} (supplied by the caller)`
        : describeData(config),
      logs: logFile ?? '(captured by the caller)',
      interactive,
    }).join('\n')}\n\n`,
  );

  const signals = options.handleSignals ?? true;
  const onSignal = () => player.stop('signal');
  if (signals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  let reason: EndReason;
  try {
    reason = await player.run();
  } finally {
    if (signals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    output.write('Stopping the bot and the fake Discord...\n');
    try {
      await bot.stop();
    } finally {
      player.detach();
      await fake.close();
      await new Promise<void>((resolve) => (logStream ? logStream.end(resolve) : resolve()));
    }
  }
  output.write(`Sandbox closed (${reason}). Bye!\n`);
  return reason;
}

function openLog(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  return createWriteStream(file, { flags: 'a' });
}

function describeData(config: Config): string {
  return config.databaseUrl
    ? 'PostgreSQL from DATABASE_URL'
    : `embedded database (PGlite) in ${path.resolve(config.dataDir)}`;
}

/** The OS login name (what $USER usually holds) as a Discord-like username, or "you". */
function defaultPlayerName(): string {
  try {
    const name = userInfo()
      .username.toLowerCase()
      .replace(/[^\w.-]/g, '');
    return name === '' ? 'you' : name.slice(0, 32);
  } catch {
    return 'you';
  }
}

/** Warnings and errors from the bot's JSON log, shown in the terminal too (one short line). */
function botProblem(line: string): string | undefined {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string };
    if ((entry.level ?? 0) < 40) return undefined;
    return `${entry.level! >= 50 ? 'error' : 'warning'}: ${entry.msg ?? line.trim()}`;
  } catch {
    return undefined;
  }
}
