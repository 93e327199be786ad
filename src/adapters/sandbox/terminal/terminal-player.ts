// The terminal player: reads lines, acts as simulated users on the fake Discord, and prints what the bot posts in
// the sandbox channel (and the players' ephemeral replies) as it happens.
import readline from 'node:readline';
import {
  MessageFlags,
  type APIMessage,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Clock } from '../../../core/ports.ts';
import { parseButtonId, type ButtonAction } from '../../discord/render/custom-ids.ts';
import type { FakeChannel, FakeDiscord, FakeGuild, FakeUser, MessageRecord } from '../fake-discord/index.ts';
import { completeInputLine, parseInputLine, type InputAction } from './command-line.ts';
import { keysLines } from './help-text.ts';
import { ansiStyle, plainStyle, renderMessage, type NameLookup, type Style } from './render.ts';

export interface TerminalIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal: prompt, redraw around output, Tab completion, Ctrl-D quits at once. */
  interactive: boolean;
  /** ANSI bold / dim. */
  color: boolean;
}

/** What the player needs to know about the bot's games. */
export interface GamesView {
  readonly runningGameCount: number;
  runningGameIn(channelId: string): unknown;
}

export interface TerminalPlayerDeps {
  fake: FakeDiscord;
  guild: FakeGuild;
  channel: FakeChannel;
  firstPlayer: FakeUser;
  games: GamesView;
  clock: Clock;
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
  io: TerminalIo;
  /** Piped input: how long A-D waits for a question to appear. */
  questionWaitMs?: number;
  /** Piped input: how long end of input waits for running games to finish. */
  endOfInputWaitMs?: number;
}

export type EndReason = 'quit' | 'end-of-input' | 'signal';

const POLL_MS = 100;

export class TerminalPlayer {
  readonly #deps: TerminalPlayerDeps;
  readonly #style: Style;
  readonly #names: NameLookup;
  readonly #shown = new Map<string, string>();
  /** Question messages each player already clicked (piped input answers the next one). */
  readonly #answered = new Map<string, Set<string>>();
  #player: FakeUser;
  #rl: readline.Interface | undefined;
  #ended: ((reason: EndReason) => void) | undefined;
  #stopping = false;
  #detach: () => void = () => undefined;

  constructor(deps: TerminalPlayerDeps) {
    this.#deps = deps;
    this.#player = deps.firstPlayer;
    this.#style = deps.io.color ? ansiStyle : plainStyle;
    this.#names = {
      user: (id) => deps.fake.world.users.get(id)?.username,
      channel: (id) => deps.fake.world.channels.get(id)?.name,
      role: (id) => deps.fake.world.guilds.get(deps.guild.id)?.roles.get(id)?.name,
    };
  }

  get player(): FakeUser {
    return this.#player;
  }

  /** Prints lines without breaking the prompt: the line being typed is redrawn below them. */
  print(lines: readonly string[]): void {
    const { output, interactive } = this.#deps.io;
    if (interactive && this.#rl) {
      readline.clearLine(output, 0);
      readline.cursorTo(output, 0);
    }
    output.write(`${lines.join('\n')}\n`);
    if (interactive && this.#rl && !this.#stopping) this.#rl.prompt(true);
  }

  /** Plays until /quit, Ctrl-C, `stop()` or the end of input; resolves with why. */
  async run(): Promise<EndReason> {
    const { fake, io } = this.#deps;
    const offCreate = fake.on('messageCreate', (record) => this.#show(record));
    const offUpdate = fake.on('messageUpdate', (record, before) => this.#show(record, before));
    this.#detach = () => {
      offCreate();
      offUpdate();
    };
    const rl = readline.createInterface({
      input: io.input,
      output: io.output,
      terminal: io.interactive,
      ...(io.interactive
        ? {
            completer: (line: string) => completeInputLine(line, this.#deps.commands, this.#memberNames()),
          }
        : {}),
    });
    this.#rl = rl;
    this.#setPrompt();
    const ended = new Promise<EndReason>((resolve) => {
      this.#ended = resolve;
    });
    const lines: string[] = [];
    let wake: (() => void) | undefined;
    let inputClosed = false;
    rl.on('line', (line) => {
      lines.push(line);
      wake?.();
    });
    rl.on('close', () => {
      inputClosed = true;
      wake?.();
    });
    rl.on('SIGINT', () => this.stop('signal'));
    if (io.interactive) rl.prompt();

    const loop = async (): Promise<void> => {
      for (;;) {
        if (this.#stopping) return;
        const line = lines.shift();
        if (line !== undefined) {
          await this.#handle(line);
          if (io.interactive && !this.#stopping) rl.prompt();
          continue;
        }
        if (inputClosed) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
      if (io.interactive) return this.stop('quit');
      await this.#waitForGamesToEnd();
      this.stop('end-of-input');
    };
    loop().catch((error: unknown) => {
      this.print([`sandbox error: ${error instanceof Error ? error.message : String(error)}`]);
      this.stop('quit');
    });
    return ended;
  }

  /** Stops showing messages; call after the bot stopped, so its last posts are still printed. */
  detach(): void {
    this.#detach();
  }

  /** Ends `run()` (idempotent). */
  stop(reason: EndReason): void {
    if (this.#stopping) return;
    this.#stopping = true;
    this.#rl?.close();
    if (this.#deps.io.interactive) this.#deps.io.output.write('\n');
    this.#ended?.(reason);
  }

  async #handle(line: string): Promise<void> {
    if (!this.#deps.io.interactive && line.trim() !== '')
      this.print([this.#style.dim(`${this.#player.username}> ${line}`)]);
    const action = parseInputLine(line, this.#deps.commands, {
      userId: (name) => this.#findMember(name)?.id,
      channelId: (name) =>
        this.#deps.guild.channelIds
          .map((id) => this.#deps.fake.world.channels.get(id))
          .find((channel) => channel && !channel.deleted && channel.name === name.toLowerCase())?.id,
    });
    try {
      await this.#act(action);
    } catch (error) {
      this.#note(error instanceof Error ? error.message : String(error));
    }
  }

  async #act(action: InputAction): Promise<void> {
    const { fake, guild, channel } = this.#deps;
    switch (action.kind) {
      case 'empty':
        return;
      case 'error':
        return this.#note(action.message);
      case 'keys':
        return this.print(keysLines(this.#deps.io.interactive));
      case 'quit':
        return this.stop('quit');
      case 'players':
        return this.print(this.#playerLines());
      case 'as':
        return this.#switchTo(action.name);
      case 'slash': {
        const handle = fake.sendSlashCommand({
          guildId: guild.id,
          channelId: channel.id,
          userId: this.#player.id,
          name: action.name,
          ...(action.subcommandGroup ? { subcommandGroup: action.subcommandGroup } : {}),
          ...(action.subcommand ? { subcommand: action.subcommand } : {}),
          options: action.options,
        });
        await handle.response(10_000);
        return;
      }
      case 'join': {
        const target = this.#latest((button) => button.kind === 'join');
        if (!target) return this.#note('There is no Join button in #' + channel.name + ' right now.');
        await this.#click(target.message, target.customId);
        return;
      }
      case 'answer':
        return this.#answer(action.choiceIndex, action.letter);
    }
  }

  async #answer(choiceIndex: number, letter: string): Promise<void> {
    const answered = this.#answeredBy(this.#player.id);
    const find = () =>
      this.#latest(
        (button) => button.kind === 'answer' && button.choiceIndex === choiceIndex,
        // Piped input plays question after question: each A-D goes to one the player has not answered yet.
        this.#deps.io.interactive ? undefined : (message) => !answered.has(message.id),
      );
    let target = find();
    if (!target && !this.#deps.io.interactive && this.#deps.games.runningGameIn(this.#deps.channel.id)) {
      this.#note(`(waiting for the next question to answer ${letter})`);
      target = await this.#waitFor(find, this.#deps.questionWaitMs ?? 60_000);
    }
    if (!target) return this.#note(`There is no open question to answer with ${letter} right now.`);
    answered.add(target.message.id);
    await this.#click(target.message, target.customId);
  }

  async #click(message: APIMessage, customId: string): Promise<void> {
    await this.#deps.fake
      .clickButton({ messageId: message.id, customId, userId: this.#player.id })
      .response(10_000);
  }

  /** The newest public message in the channel with an enabled button matching `wanted`. */
  #latest(
    wanted: (button: ButtonAction) => boolean,
    messageFilter?: (message: APIMessage) => boolean,
  ): { message: APIMessage; customId: string } | undefined {
    const messages = this.#deps.fake.channelMessages(this.#deps.channel.id);
    for (let index = messages.length - 1; index >= 0; index--) {
      const message = messages[index]!;
      if (messageFilter && !messageFilter(message)) continue;
      for (const row of message.components ?? []) {
        if (!('components' in row)) continue;
        for (const component of row.components) {
          if (!('custom_id' in component) || ('disabled' in component && component.disabled)) continue;
          const action = parseButtonId(component.custom_id);
          if (action && wanted(action)) return { message, customId: component.custom_id };
        }
      }
    }
    return undefined;
  }

  #switchTo(name: string): void {
    const existing = this.#findMember(name);
    if (existing?.bot) return this.#note(`@${existing.username} is the bot; pick another name.`);
    this.#player = existing ?? this.#deps.fake.createMember({ guildId: this.#deps.guild.id, username: name });
    this.#setPrompt();
    this.#note(
      existing
        ? `You are now @${this.#player.username}.`
        : `You are now @${this.#player.username}, a new player in ${this.#deps.guild.name}.`,
    );
  }

  #memberNames(): string[] {
    return [...this.#deps.guild.members.keys()].flatMap((userId) => {
      const user = this.#deps.fake.world.users.get(userId);
      return user && !user.bot ? [user.username] : [];
    });
  }

  #findMember(name: string): FakeUser | undefined {
    const lower = name.toLowerCase();
    for (const userId of this.#deps.guild.members.keys()) {
      const user = this.#deps.fake.world.users.get(userId);
      if (user?.username.toLowerCase() === lower) return user;
    }
    return undefined;
  }

  #playerLines(): string[] {
    const lines = [...this.#deps.guild.members.keys()].flatMap((userId) => {
      const user = this.#deps.fake.world.users.get(userId);
      if (!user || user.bot) return [];
      const notes = [
        user.id === this.#player.id ? 'you' : '',
        user.id === this.#deps.guild.ownerId ? 'owner, can use /trivia-admin' : '',
      ].filter((note) => note !== '');
      return [
        `  ${user.id === this.#player.id ? '*' : ' '} @${user.username}${notes.length ? ` (${notes.join(', ')})` : ''}`,
      ];
    });
    return ['Players in the sandbox (switch with /as <name>):', ...lines];
  }

  #answeredBy(userId: string): Set<string> {
    let set = this.#answered.get(userId);
    if (!set) this.#answered.set(userId, (set = new Set()));
    return set;
  }

  #setPrompt(): void {
    this.#rl?.setPrompt(`${this.#player.username}> `);
  }

  #note(text: string): void {
    this.print([this.#style.dim(`» ${text}`)]);
  }

  /** Re-checks on every message change and every POLL_MS; undefined after `timeoutMs` or once no game runs. */
  #waitFor<T>(check: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    return new Promise((resolve) => {
      const started = Date.now();
      const finish = (value: T | undefined) => {
        clearInterval(interval);
        offCreate();
        offUpdate();
        resolve(value);
      };
      const poll = () => {
        const value = check();
        if (value !== undefined) return finish(value);
        const gameOver = !this.#deps.games.runningGameIn(this.#deps.channel.id);
        if (this.#stopping || gameOver || Date.now() - started > timeoutMs) finish(undefined);
      };
      const interval = setInterval(poll, POLL_MS);
      const offCreate = this.#deps.fake.on('messageCreate', poll);
      const offUpdate = this.#deps.fake.on('messageUpdate', poll);
    });
  }

  async #waitForGamesToEnd(): Promise<void> {
    if (this.#deps.games.runningGameCount === 0) return;
    const limitMs = this.#deps.endOfInputWaitMs ?? 120_000;
    this.#note(`(end of input: waiting up to ${Math.round(limitMs / 1000)} s for the game to finish)`);
    const started = Date.now();
    while (!this.#stopping && this.#deps.games.runningGameCount > 0 && Date.now() - started < limitMs)
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (this.#deps.games.runningGameCount > 0) this.#note('(a game is still running; leaving anyway)');
    // A game counts as over before its final standings are posted: let the channel go quiet first.
    await this.#waitForQuiet(500, 5_000);
  }

  #waitForQuiet(quietMs: number, maxMs: number): Promise<void> {
    return new Promise((resolve) => {
      let lastChange = Date.now();
      const started = lastChange;
      const touch = () => {
        lastChange = Date.now();
      };
      const offCreate = this.#deps.fake.on('messageCreate', touch);
      const offUpdate = this.#deps.fake.on('messageUpdate', touch);
      const interval = setInterval(() => {
        const now = Date.now();
        if (now - lastChange < quietMs && now - started < maxMs) return;
        clearInterval(interval);
        offCreate();
        offUpdate();
        resolve();
      }, POLL_MS);
    });
  }

  #show(record: MessageRecord, before?: APIMessage): void {
    const { message, visibleTo } = record;
    if (message.channel_id !== this.#deps.channel.id || record.deleted) return;
    if (((message.flags ?? 0) & MessageFlags.Loading) !== 0) return;
    const viewer = visibleTo === null ? undefined : this.#deps.fake.world.users.get(visibleTo);
    if (visibleTo !== null && !viewer) return;
    // A deferred reply being filled in is, to the player, the reply appearing.
    const wasLoading = before !== undefined && ((before.flags ?? 0) & MessageFlags.Loading) !== 0;
    const lines = renderMessage(
      message,
      { names: this.#names, now: this.#deps.clock.now(), style: this.#style },
      {
        ...(viewer ? { onlyVisibleTo: viewer.id === this.#player.id ? 'you' : `@${viewer.username}` } : {}),
        edited: before !== undefined && !wasLoading && this.#shown.has(message.id),
      },
    );
    const key = lines.slice(1).join('\n');
    if (this.#shown.get(message.id) === key) return;
    this.#shown.set(message.id, key);
    this.print(['', ...lines]);
  }
}
