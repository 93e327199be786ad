// Pure rendering of Discord messages as terminal text: what a player would see in the Discord client, readable in
// a plain terminal (or a log file when stdout is not a TTY).
import {
  ButtonStyle,
  ComponentType,
  type APIEmbed,
  type APIMessage,
  type APIMessageComponent,
} from 'discord-api-types/v10';

/** Text effects; `plainStyle` leaves text as it is (brackets for spoilers), `ansiStyle` uses SGR codes. */
export interface Style {
  bold(text: string): string;
  italic(text: string): string;
  underline(text: string): string;
  strike(text: string): string;
  dim(text: string): string;
  spoiler(text: string): string;
}

export const plainStyle: Style = {
  bold: (text) => text,
  italic: (text) => text,
  underline: (text) => text,
  strike: (text) => text,
  dim: (text) => text,
  spoiler: (text) => `[spoiler: ${text}]`,
};

const sgr = (on: number, off: number) => (text: string) => `\x1b[${on}m${text}\x1b[${off}m`;
export const ansiStyle: Style = {
  bold: sgr(1, 22),
  italic: sgr(3, 23),
  underline: sgr(4, 24),
  strike: sgr(9, 29),
  dim: sgr(2, 22),
  spoiler: sgr(2, 22),
};

/** Names for the ids that mentions carry; undefined when unknown. */
export interface NameLookup {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
  role?(id: string): string | undefined;
}

export interface RenderContext {
  names: NameLookup;
  /** Epoch ms that relative timestamps (`<t:…:R>`) are measured from. */
  now: number;
  style: Style;
  /** For absolute timestamps (`<t:…:f>`); the runtime's zone when unset. */
  timeZone?: string;
}

export interface MessageHeader {
  /** Set for an ephemeral message: whom it is shown to, as text ("you", "@ana"). */
  onlyVisibleTo?: string;
  edited?: boolean;
}

/** A message as lines: a header (author, who can see it), content, embeds behind a bar, then button rows. */
export function renderMessage(message: APIMessage, ctx: RenderContext, header: MessageHeader = {}): string[] {
  const { style } = ctx;
  const tags = [
    header.onlyVisibleTo === undefined ? '' : `only visible to ${header.onlyVisibleTo}`,
    header.edited ? 'edited' : '',
  ].filter((tag) => tag !== '');
  const author = message.author?.global_name ?? message.author?.username ?? 'unknown';
  const lines = [`${style.bold(author)}${tags.length > 0 ? style.dim(` (${tags.join(', ')})`) : ''}`];
  if (message.content) lines.push(...indent(renderMarkdown(message.content, ctx).split('\n'), '  '));
  for (const embed of message.embeds ?? [])
    lines.push(...renderEmbed(embed, ctx).map((line) => `  │ ${line}`.trimEnd()));
  for (const row of message.components ?? []) lines.push(...renderRow(row, ctx));
  return lines;
}

export function renderEmbed(embed: APIEmbed, ctx: RenderContext): string[] {
  const { style } = ctx;
  const md = (text: string) => renderMarkdown(text, ctx).split('\n');
  const lines: string[] = [];
  if (embed.author?.name) lines.push(style.dim(embed.author.name));
  if (embed.title) lines.push(...md(embed.title).map((line) => style.bold(line)));
  if (embed.description) lines.push(...md(embed.description));
  for (const field of embed.fields ?? []) {
    if (lines.length > 0) lines.push('');
    lines.push(...md(field.name).map((line) => style.bold(line)), ...md(field.value));
  }
  if (embed.footer?.text) lines.push(...md(embed.footer.text).map((line) => style.dim(line)));
  return lines;
}

const ROW_WIDTH = 100;

function renderRow(row: APIMessageComponent, ctx: RenderContext): string[] {
  if (row.type !== ComponentType.ActionRow) return [];
  // A closed question disables every button: say so once for the row rather than on each button.
  const allDisabled =
    row.components.length > 1 && row.components.every((c) => 'disabled' in c && c.disabled === true);
  const parts = row.components.map((component) => renderComponent(component, ctx, !allDisabled));
  const suffix = allDisabled ? ctx.style.dim('  (disabled)') : '';
  const oneLine = `  ${parts.join(' ')}`;
  if (visibleLength(oneLine) <= ROW_WIDTH) return [`${oneLine}${suffix}`];
  return parts.map((part, index) => `  ${part}${index === parts.length - 1 ? suffix : ''}`);
}

function renderComponent(component: APIMessageComponent, ctx: RenderContext, markDisabled: boolean): string {
  if (component.type === ComponentType.Button) {
    if (component.style === ButtonStyle.Premium) return '[Premium]';
    const label = component.label ?? component.emoji?.name ?? '?';
    if (component.style === ButtonStyle.Link) return `[${label} ↗ ${component.url}]`;
    const mark =
      component.style === ButtonStyle.Success ? '✔ ' : component.style === ButtonStyle.Danger ? '✖ ' : '';
    const text = `[${mark}${label}${component.disabled && markDisabled ? ' (disabled)' : ''}]`;
    return component.disabled ? ctx.style.dim(text) : text;
  }
  if ('placeholder' in component) return `[▾ ${component.placeholder ?? 'select'}]`;
  return '[▾ select]';
}

// eslint-disable-next-line no-control-regex
const visibleLength = (text: string) => text.replace(/\x1b\[\d+m/g, '').length;

function indent(lines: string[], prefix: string): string[] {
  return lines.map((line) => `${prefix}${line}`);
}

/**
 * Discord markdown as terminal text: mentions and timestamps become names and times, emphasis becomes the style's
 * effects, spoilers are dimmed (or bracketed), inline code loses its backticks, links show their address.
 */
export function renderMarkdown(text: string, ctx: RenderContext): string {
  // Code spans and escaped characters are literal: cut them out first so nothing in them is interpreted.
  const literals: string[] = [];
  const keep = (literal: string) => `\u0000${literals.push(literal) - 1}\u0000`;
  const withoutCode = text
    .replace(/```(?:[a-z]+\n)?([\s\S]*?)```|`([^`\n]+)`/g, (_, block?: string, inline?: string) =>
      keep(block ?? inline ?? ''),
    )
    .replace(/\\([*_~|`\\<>#-])/g, (_, char: string) => keep(char));
  const { style } = ctx;
  const rendered = withoutCode
    .split('\n')
    .map((line) => {
      const heading = /^#{1,3} (.*)$/.exec(line);
      return heading
        ? style.bold(heading[1]!)
        : line.replace(/^-# (.*)$/, (_, small: string) => style.dim(small));
    })
    .join('\n')
    .replace(/<@!?(\d+)>/g, (_, id: string) => `@${ctx.names.user(id) ?? 'unknown-user'}`)
    .replace(/<#(\d+)>/g, (_, id: string) => `#${ctx.names.channel(id) ?? 'unknown-channel'}`)
    .replace(/<@&(\d+)>/g, (_, id: string) => `@${ctx.names.role?.(id) ?? 'unknown-role'}`)
    .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_, seconds: string, format?: string) =>
      formatTimestamp(Number(seconds) * 1000, format ?? 'f', ctx),
    )
    .replace(/<a?:(\w+):\d+>/g, ':$1:')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 ($2)')
    .replace(/\|\|([\s\S]+?)\|\|/g, (_, inner: string) => style.spoiler(inner))
    .replace(/\*\*\*([\s\S]+?)\*\*\*/g, (_, inner: string) => style.bold(style.italic(inner)))
    .replace(/\*\*([\s\S]+?)\*\*/g, (_, inner: string) => style.bold(inner))
    .replace(/__([\s\S]+?)__/g, (_, inner: string) => style.underline(inner))
    .replace(/~~([\s\S]+?)~~/g, (_, inner: string) => style.strike(inner))
    .replace(
      /(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g,
      (_, before: string, inner: string) => `${before}${style.italic(inner)}`,
    )
    .replace(
      /(^|[^\w_])_(?!\s)([^_\n]+?)_(?!\w)/g,
      (_, before: string, inner: string) => `${before}${style.italic(inner)}`,
    );
  // eslint-disable-next-line no-control-regex
  return rendered.replace(/\u0000(\d+)\u0000/g, (_, index: string) => literals[Number(index)] ?? '');
}

/** Discord's timestamp styles; `R` is relative to `ctx.now`, as the client shows it (and keeps updating). */
export function formatTimestamp(epochMs: number, format: string, ctx: RenderContext): string {
  if (format === 'R') return relative(epochMs - ctx.now);
  const zone = ctx.timeZone === undefined ? {} : { timeZone: ctx.timeZone };
  const date = new Date(epochMs);
  const options: Record<string, Intl.DateTimeFormatOptions> = {
    t: { hour: '2-digit', minute: '2-digit' },
    T: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
    d: { year: 'numeric', month: '2-digit', day: '2-digit' },
    D: { year: 'numeric', month: 'long', day: 'numeric' },
    f: { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' },
    F: {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    },
  };
  return date.toLocaleString('en-GB', { ...(options[format] ?? options.f), ...zone });
}

function relative(deltaMs: number): string {
  const seconds = Math.round(deltaMs / 1000);
  if (seconds === 0) return 'now';
  const magnitude = Math.abs(seconds);
  const amount =
    magnitude < 60
      ? `${magnitude} s`
      : magnitude < 3600
        ? `${Math.round(magnitude / 60)} min`
        : magnitude < 86_400
          ? `${Math.round(magnitude / 3600)} h`
          : `${Math.round(magnitude / 86_400)} d`;
  return seconds > 0 ? `in ${amount}` : `${amount} ago`;
}
