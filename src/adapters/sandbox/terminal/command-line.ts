// What the terminal player types, parsed into actions. Slash commands are typed against the registered command
// definitions, so `/trivia start questions:5` reaches the bot as the integer option Discord would send.
import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

export type OptionValue = string | number | boolean;

export type InputAction =
  | { kind: 'empty' }
  | {
      kind: 'slash';
      name: string;
      subcommandGroup?: string;
      subcommand?: string;
      options: Record<string, OptionValue>;
    }
  | { kind: 'answer'; letter: 'A' | 'B' | 'C' | 'D'; choiceIndex: number }
  | { kind: 'join' }
  | { kind: 'as'; name: string }
  | { kind: 'players' }
  | { kind: 'keys' }
  | { kind: 'quit' }
  | { kind: 'error'; message: string };

/** Turns `@name` and `#name` into ids; undefined when nobody / no channel has that name. */
export interface Resolver {
  userId(name: string): string | undefined;
  channelId(name: string): string | undefined;
}

type Command = RESTPostAPIChatInputApplicationCommandsJSONBody;

const LETTERS = ['A', 'B', 'C', 'D'] as const;

export function parseInputLine(line: string, commands: readonly Command[], resolver: Resolver): InputAction {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  const letter = LETTERS.indexOf(trimmed.toUpperCase() as (typeof LETTERS)[number]);
  if (letter >= 0) return { kind: 'answer', letter: LETTERS[letter]!, choiceIndex: letter };
  const lower = trimmed.toLowerCase();
  if (lower === 'join') return { kind: 'join' };
  if (lower === '?' || lower === 'keys') return { kind: 'keys' };
  if (lower === '/quit' || lower === '/exit' || lower === 'quit' || lower === 'exit') return { kind: 'quit' };
  if (lower === '/players') return { kind: 'players' };
  if (lower === '/as' || lower.startsWith('/as ')) {
    const words = tokenize(trimmed.slice(3));
    if (!words.ok) return { kind: 'error', message: words.message };
    const name = words.tokens.join(' ').replace(/^@/, '');
    if (!/^[\w.-]{1,32}$/.test(name))
      return { kind: 'error', message: 'Usage: /as <name>  (letters, digits, . _ -; up to 32)' };
    return { kind: 'as', name };
  }
  if (!trimmed.startsWith('/'))
    return {
      kind: 'error',
      message: `Not understood: "${trimmed}". Type a slash command, A-D to answer, join, or ? for the keys.`,
    };
  return parseSlashCommand(trimmed.slice(1), commands, resolver);
}

function parseSlashCommand(text: string, commands: readonly Command[], resolver: Resolver): InputAction {
  const tokenized = tokenize(text);
  if (!tokenized.ok) return { kind: 'error', message: tokenized.message };
  const [name = '', ...rest] = tokenized.tokens;
  const command = commands.find((candidate) => candidate.name === name.toLowerCase());
  if (!command) {
    const names = commands.map((candidate) => `/${candidate.name}`).join(', ');
    return { kind: 'error', message: `Unknown command /${name}. Commands: ${names}, /as, /players, /quit.` };
  }
  const path: { subcommandGroup?: string; subcommand?: string } = {};
  let options: readonly APIApplicationCommandOption[] = command.options ?? [];
  let usage = `/${command.name}`;
  for (const level of ['subcommandGroup', 'subcommand'] as const) {
    const type =
      level === 'subcommandGroup'
        ? ApplicationCommandOptionType.SubcommandGroup
        : ApplicationCommandOptionType.Subcommand;
    const choices = options.filter((option) => option.type === type);
    if (choices.length === 0) continue;
    const word = rest.shift();
    const chosen = choices.find((option) => option.name === word?.toLowerCase());
    if (!chosen) {
      const list = choices.map((option) => `${usage} ${option.name}`).join(', ');
      return {
        kind: 'error',
        message: word === undefined ? `Which one? ${list}` : `Unknown subcommand "${word}". Try: ${list}`,
      };
    }
    path[level] = chosen.name;
    usage = `${usage} ${chosen.name}`;
    options = 'options' in chosen ? (chosen.options ?? []) : [];
  }
  const basic = options as readonly APIApplicationCommandBasicOption[];
  const values: Record<string, OptionValue> = {};
  for (const token of rest) {
    const colon = token.indexOf(':');
    const optionName = colon > 0 ? token.slice(0, colon).toLowerCase() : '';
    const option = basic.find((candidate) => candidate.name === optionName);
    if (!option) {
      const known = basic.map((candidate) => `${candidate.name}:`).join(' ');
      return {
        kind: 'error',
        message:
          colon > 0
            ? `${usage} has no option "${optionName}". Options: ${known || '(none)'}`
            : `Options are written name:value ("${token}"). ${usage} options: ${known || '(none)'}`,
      };
    }
    const parsed = parseOptionValue(option, token.slice(colon + 1), resolver);
    if (!parsed.ok) return { kind: 'error', message: `${option.name}: ${parsed.message}` };
    values[option.name] = parsed.value;
  }
  const missing = basic.filter((option) => option.required && !(option.name in values));
  if (missing.length > 0)
    return {
      kind: 'error',
      message: `${usage} needs ${missing.map((option) => `${option.name}:`).join(' ')}`,
    };
  return { kind: 'slash', name: command.name, ...path, options: values };
}

type Parsed = { ok: true; value: OptionValue } | { ok: false; message: string };

function parseOptionValue(option: APIApplicationCommandBasicOption, raw: string, resolver: Resolver): Parsed {
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const integer = option.type === ApplicationCommandOptionType.Integer;
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)))
        return { ok: false, message: `"${raw}" is not ${integer ? 'a whole number' : 'a number'}` };
      return withChoices(option, value);
    }
    case ApplicationCommandOptionType.Boolean: {
      const lower = raw.toLowerCase();
      if (['true', 'yes', 'on', '1'].includes(lower)) return { ok: true, value: true };
      if (['false', 'no', 'off', '0'].includes(lower)) return { ok: true, value: false };
      return { ok: false, message: `"${raw}" is not true or false` };
    }
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Mentionable: {
      const name = raw.replace(/^@/, '');
      const id = resolver.userId(name);
      return id === undefined
        ? { ok: false, message: `nobody called @${name} here (see /players)` }
        : { ok: true, value: id };
    }
    case ApplicationCommandOptionType.Channel: {
      const name = raw.replace(/^#/, '');
      const id = resolver.channelId(name);
      return id === undefined ? { ok: false, message: `no channel #${name}` } : { ok: true, value: id };
    }
    case ApplicationCommandOptionType.String:
      return withChoices(option, raw);
    default:
      return { ok: false, message: 'this kind of option cannot be typed in the sandbox' };
  }
}

/** Accepts a choice by value or by its (English) name, as the Discord client's picker would. */
function withChoices(option: APIApplicationCommandBasicOption, value: string | number): Parsed {
  const choices = 'choices' in option ? (option.choices ?? []) : [];
  if (choices.length === 0) return { ok: true, value };
  const lower = String(value).toLowerCase();
  const found = choices.find(
    (choice) => String(choice.value).toLowerCase() === lower || choice.name.toLowerCase() === lower,
  );
  if (found) return { ok: true, value: found.value };
  return { ok: false, message: `choose one of ${choices.map((choice) => String(choice.value)).join(', ')}` };
}

type Tokens = { ok: true; tokens: string[] } | { ok: false; message: string };

/**
 * Splits on spaces. A quote opening a word or a value groups (`pack:"a b"`, `"pack:a b"`); elsewhere it is a
 * letter (`o'clock`). `\` escapes.
 */
export function tokenize(text: string): Tokens {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\' && index + 1 < text.length) {
      current += text[++index];
      inToken = true;
    } else if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if ((char === '"' || char === "'") && (!inToken || text[index - 1] === ':')) {
      quote = char;
      inToken = true;
    } else if (/\s/.test(char)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += char;
      inToken = true;
    }
  }
  if (quote) return { ok: false, message: `Unclosed ${quote} quote` };
  if (inToken) tokens.push(current);
  return { ok: true, tokens };
}

const LOCAL_COMMANDS = ['/as', '/players', '/quit'];

/** Tab completion for a terminal: command names, then subcommands, then `option:` names, and `@player` names. */
export function completeInputLine(
  line: string,
  commands: readonly Command[],
  playerNames: readonly string[] = [],
): [string[], string] {
  const words = line.split(' ');
  const last = words.at(-1) ?? '';
  if (line.startsWith('/as ')) {
    const partial = line.slice(4);
    return [playerNames.filter((name) => name.startsWith(partial)), partial];
  }
  const mention = /^[\w-]+:@([\w.-]*)$/.exec(last);
  if (mention) {
    const partial = `@${mention[1]}`;
    return [playerNames.map((name) => `@${name} `).filter((name) => name.startsWith(partial)), partial];
  }
  if (!line.startsWith('/')) return [[], line];
  if (words.length === 1) {
    const names = [...commands.map((command) => `/${command.name}`), ...LOCAL_COMMANDS];
    return [names.filter((name) => name.startsWith(last)).map((name) => `${name} `), last];
  }
  const command = commands.find((candidate) => `/${candidate.name}` === words[0]);
  if (!command) return [[], last];
  let options: readonly APIApplicationCommandOption[] = command.options ?? [];
  for (const word of words.slice(1, -1)) {
    const sub = options.find(
      (option) =>
        option.name === word &&
        (option.type === ApplicationCommandOptionType.Subcommand ||
          option.type === ApplicationCommandOptionType.SubcommandGroup),
    );
    if (sub && 'options' in sub) options = sub.options ?? [];
  }
  const subcommands = options.filter(
    (option) =>
      option.type === ApplicationCommandOptionType.Subcommand ||
      option.type === ApplicationCommandOptionType.SubcommandGroup,
  );
  const candidates =
    subcommands.length > 0
      ? subcommands.map((option) => `${option.name} `)
      : options.map((option) => `${option.name}:`);
  return [candidates.filter((candidate) => candidate.startsWith(last)), last];
}
