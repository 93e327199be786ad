import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIMessage,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import {
  ansiStyle,
  plainStyle,
  renderMarkdown,
  renderMessage,
  type RenderContext,
} from '../../../src/adapters/sandbox/terminal/render.ts';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const names = {
  user: (id: string) => ({ '111': 'ana', '222': 'bob' })[id],
  channel: (id: string) => ({ '333': 'trivia' })[id],
};
const plain: RenderContext = { names, now: NOW, style: plainStyle, timeZone: 'UTC' };
const ansi: RenderContext = { ...plain, style: ansiStyle };

function message(overrides: Partial<APIMessage>): APIMessage {
  return {
    id: '1',
    channel_id: '333',
    author: { id: '9', username: 'Plot Trivia', discriminator: '0', global_name: null, avatar: null },
    content: '',
    timestamp: new Date(NOW).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    ...overrides,
  };
}

const answerRow = (
  disabled: boolean,
  correct?: number,
): APIActionRowComponent<APIButtonComponentWithCustomId> => ({
  type: ComponentType.ActionRow,
  components: ['Tom Cruise', 'Ving Rhames', 'Keri Russell', 'Laurence Fishburne'].map((label, index) => ({
    type: ComponentType.Button,
    custom_id: `a:x:0:${index}`,
    label: `${'ABCD'[index]}. ${label}`,
    style: correct === index ? ButtonStyle.Success : ButtonStyle.Primary,
    disabled,
  })),
});

describe('renderMarkdown', () => {
  it('when text has user and channel mentions, then they read as @name and #channel', () => {
    expect(renderMarkdown('<@111> and <@!222> in <#333>, not <@999>', plain)).toBe(
      '@ana and @bob in #trivia, not @unknown-user',
    );
  });

  it('when a relative timestamp is in the future or the past, then it reads "in N s" or "N min ago"', () => {
    const at = (ms: number) => `<t:${Math.ceil((NOW + ms) / 1000)}:R>`;
    expect(renderMarkdown(`Closes ${at(12_000)}`, plain)).toBe('Closes in 12 s');
    expect(renderMarkdown(`Started ${at(-180_000)}`, plain)).toBe('Started 3 min ago');
    expect(renderMarkdown(`Soon ${at(2 * 3600_000)}`, plain)).toBe('Soon in 2 h');
    expect(renderMarkdown(`<t:${NOW / 1000}:R>`, plain)).toBe('now');
  });

  it('when a timestamp has an absolute style, then it is a date in the given zone', () => {
    expect(renderMarkdown(`<t:${NOW / 1000}:t>`, plain)).toBe('12:00');
    expect(renderMarkdown(`<t:${NOW / 1000}:d>`, plain)).toBe('22/11/2026');
  });

  it('when the output is plain, then emphasis markers disappear and spoilers are bracketed', () => {
    expect(renderMarkdown('Locked in: **B. Julia**. *Good* __luck__ ~~x~~ ||secret||', plain)).toBe(
      'Locked in: B. Julia. Good luck x [spoiler: secret]',
    );
  });

  it('when the output is a terminal, then bold is ANSI bold and spoilers are dimmed', () => {
    expect(renderMarkdown('**B. Julia** ||secret||', ansi)).toBe(
      '\x1b[1mB. Julia\x1b[22m \x1b[2msecret\x1b[22m',
    );
  });

  it('when text has inline code, then its content is kept literally without backticks', () => {
    expect(renderMarkdown('Start one with `/trivia start` or `**not bold**`', plain)).toBe(
      'Start one with /trivia start or **not bold**',
    );
  });

  it('when text has snake_case words or a lone asterisk, then they are not taken for italics', () => {
    expect(renderMarkdown('pack mission_impossible_iii, 2 * 3 = 6', plain)).toBe(
      'pack mission_impossible_iii, 2 * 3 = 6',
    );
  });

  it('when text has links and escaped markers, then the link shows its address and escapes are removed', () => {
    expect(renderMarkdown('[docs](https://example.com/x) \\*not italic\\*', plain)).toBe(
      'docs (https://example.com/x) *not italic*',
    );
  });
});

describe('renderMessage', () => {
  it('when a question is open, then the embed is behind a bar and the buttons read [A. Tom Cruise]', () => {
    const lines = renderMessage(
      message({
        embeds: [
          {
            title: 'Question 1 of 3',
            description: `Who plays Ethan Hunt?\n\nCloses <t:${NOW / 1000 + 30}:R>`,
          },
        ],
        components: [answerRow(false)],
      }),
      plain,
    );
    expect(lines).toEqual([
      'Plot Trivia',
      '  │ Question 1 of 3',
      '  │ Who plays Ethan Hunt?',
      '  │',
      '  │ Closes in 30 s',
      '  [A. Tom Cruise] [B. Ving Rhames] [C. Keri Russell] [D. Laurence Fishburne]',
    ]);
  });

  it('when the round closed, then the row is marked disabled and the right answer ticked', () => {
    const lines = renderMessage(message({ components: [answerRow(true, 0)] }), plain, { edited: true });
    expect(lines[0]).toBe('Plot Trivia (edited)');
    expect(lines[1]).toBe(
      '  [✔ A. Tom Cruise] [B. Ving Rhames] [C. Keri Russell] [D. Laurence Fishburne]  (disabled)',
    );
  });

  it('when a closed row is styled for a terminal, then it still fits one line and says disabled once', () => {
    const lines = renderMessage(message({ components: [answerRow(true, 2)] }), ansi);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.match(/disabled/g)).toHaveLength(1);
  });

  it('when only one button is disabled, then just that one is marked', () => {
    const row = answerRow(false);
    row.components[1]!.disabled = true;
    expect(renderMessage(message({ components: [row] }), plain)[1]).toBe(
      '  [A. Tom Cruise] [B. Ving Rhames (disabled)] [C. Keri Russell] [D. Laurence Fishburne]',
    );
  });

  it('when a row is too wide for one line, then each button gets its own line', () => {
    const row = answerRow(false);
    for (const button of row.components) button.label = `${button.label} ${'x'.repeat(30)}`;
    expect(renderMessage(message({ components: [row] }), plain)).toHaveLength(5);
  });

  it('when a reply is ephemeral, then the header says who can see it and content is indented', () => {
    const lines = renderMessage(
      message({ content: 'Locked in: **A. Tom Cruise**. Good luck!', flags: MessageFlags.Ephemeral }),
      plain,
      { onlyVisibleTo: 'you' },
    );
    expect(lines).toEqual(['Plot Trivia (only visible to you)', '  Locked in: A. Tom Cruise. Good luck!']);
  });

  it('when an embed has fields, an author and a footer, then each is shown with mentions resolved', () => {
    const lines = renderMessage(
      message({
        embeds: [
          {
            author: { name: 'Cinema Club' },
            title: 'Question 1 of 3',
            description: 'The answer was **A. Tom Cruise**.',
            fields: [{ name: 'Standings', value: '1. <@111>: 120 pts\n2. <@222>: 0 pts' }],
            footer: { text: 'Next question <t:' + (NOW / 1000 + 5) + ':R>' },
          },
        ],
      }),
      plain,
    );
    expect(lines.slice(1)).toEqual([
      '  │ Cinema Club',
      '  │ Question 1 of 3',
      '  │ The answer was A. Tom Cruise.',
      '  │',
      '  │ Standings',
      '  │ 1. @ana: 120 pts',
      '  │ 2. @bob: 0 pts',
      '  │ Next question in 5 s',
    ]);
  });

  it('when a button is a link, then its address is shown', () => {
    const lines = renderMessage(
      message({
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Link,
                label: 'Invite',
                url: 'https://x.test/i',
              },
            ],
          },
        ],
      }),
      plain,
    );
    expect(lines[1]).toBe('  [Invite ↗ https://x.test/i]');
  });
});
