import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../../src/adapters/discord/commands/definitions.ts';
import {
  completeInputLine,
  parseInputLine,
  tokenize,
} from '../../../src/adapters/sandbox/terminal/command-line.ts';

const resolver = {
  userId: (name: string) => ({ ana: '111', bob: '222' })[name.toLowerCase()],
  channelId: (name: string) => ({ trivia: '333' })[name],
};
const parse = (line: string) => parseInputLine(line, ALL_COMMANDS, resolver);

describe('parseInputLine', () => {
  it('when a subcommand has typed options, then integers are numbers and strings stay strings', () => {
    expect(parse('/trivia start questions:5 seconds:15 pack:mission-impossible-iii')).toEqual({
      kind: 'slash',
      name: 'trivia',
      subcommand: 'start',
      options: { questions: 5, seconds: 15, pack: 'mission-impossible-iii' },
    });
  });

  it('when a command has no subcommands, then options follow its name', () => {
    expect(parse('/help')).toEqual({ kind: 'slash', name: 'help', options: {} });
    expect(parse('/leaderboard period:week scope:Global')).toEqual({
      kind: 'slash',
      name: 'leaderboard',
      options: { period: 'week', scope: 'global' },
    });
  });

  it('when a value is quoted, then it may contain spaces, whichever side of the colon the quote opens', () => {
    expect(parse('/trivia-admin defaults timezone:"America/New York"')).toMatchObject({
      options: { timezone: 'America/New York' },
    });
    expect(parse(`/trivia-admin defaults 'timezone:Europe/Madrid'`)).toMatchObject({
      options: { timezone: 'Europe/Madrid' },
    });
  });

  it('when options are booleans, users or channels, then they become true/false and ids', () => {
    expect(parse('/trivia-admin daily channel:#trivia enabled:yes time:09:30')).toEqual({
      kind: 'slash',
      name: 'trivia-admin',
      subcommand: 'daily',
      options: { channel: '333', enabled: true, time: '09:30' },
    });
    expect(parse('/stats player:@Ana')).toMatchObject({ options: { player: '111' } });
  });

  it('when a choice is given by its display name, then the choice value is sent', () => {
    expect(parse('/trivia start difficulty:hard')).toMatchObject({ options: { difficulty: '3' } });
  });

  it('when input is wrong, then the error says what is allowed', () => {
    expect(parse('/trivia')).toEqual({
      kind: 'error',
      message: expect.stringContaining('/trivia start') as string,
    });
    expect(parse('/trivia begin')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/Unknown subcommand "begin"/) as string,
    });
    expect(parse('/trivia start rounds:3')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/no option "rounds".*questions:/) as string,
    });
    expect(parse('/trivia start questions:five')).toMatchObject({
      kind: 'error',
      message: 'questions: "five" is not a whole number',
    });
    expect(parse('/trivia start difficulty:insane')).toMatchObject({
      message: 'difficulty: choose one of 1, 2, 3, any',
    });
    expect(parse('/stats player:@nobody')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/nobody called @nobody/) as string,
    });
    expect(parse('/trivia-admin packs pack:x')).toMatchObject({
      message: '/trivia-admin packs needs enabled:',
    });
    expect(parse('/dance')).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^Unknown command \/dance/) as string,
    });
    expect(parse('/trivia start pack:"unclosed')).toMatchObject({ message: 'Unclosed " quote' });
    expect(parse('hello')).toMatchObject({ kind: 'error' });
  });

  it('when the player types a letter, join or a sandbox command, then it is a local action', () => {
    expect(parse('b')).toEqual({ kind: 'answer', letter: 'B', choiceIndex: 1 });
    expect(parse(' D ')).toEqual({ kind: 'answer', letter: 'D', choiceIndex: 3 });
    expect(parse('join')).toEqual({ kind: 'join' });
    expect(parse('/as @bob')).toEqual({ kind: 'as', name: 'bob' });
    expect(parse('/as')).toMatchObject({ kind: 'error' });
    expect(parse('/players')).toEqual({ kind: 'players' });
    expect(parse('/quit')).toEqual({ kind: 'quit' });
    expect(parse('?')).toEqual({ kind: 'keys' });
    expect(parse('   ')).toEqual({ kind: 'empty' });
  });
});

describe('tokenize', () => {
  it('when an apostrophe is inside a word, then it is a letter, not a quote', () => {
    expect(tokenize(`pack:o'brien x`)).toEqual({ ok: true, tokens: [`pack:o'brien`, 'x'] });
    expect(tokenize('a\\ b "c d"')).toEqual({ ok: true, tokens: ['a b', 'c d'] });
  });
});

describe('completeInputLine', () => {
  it('when completing, then commands, subcommands and option names are offered', () => {
    expect(completeInputLine('/tri', ALL_COMMANDS)[0]).toEqual(['/trivia ', '/trivia-admin ']);
    expect(completeInputLine('/trivia s', ALL_COMMANDS)[0]).toEqual(['start ', 'stop ']);
    expect(completeInputLine('/trivia start q', ALL_COMMANDS)[0]).toEqual(['questions:']);
    expect(completeInputLine('/leaderboard ', ALL_COMMANDS)[0]).toEqual(['period:', 'scope:']);
    expect(completeInputLine('/stats player:@a', ALL_COMMANDS, ['ana', 'bob'])).toEqual([['@ana '], '@a']);
    expect(completeInputLine('/as b', ALL_COMMANDS, ['ana', 'bob'])).toEqual([['bob'], 'b']);
  });
});
