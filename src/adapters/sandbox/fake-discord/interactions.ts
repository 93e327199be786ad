import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIMessageComponent,
} from 'discord-api-types/v10';
import type { FakeChannel, FakeGuild, FakeUser, InteractionRecord, MessageRecord, World } from './world.ts';

export type OptionValue = string | number | boolean;

export interface SlashCommandInput {
  guildId: string;
  channelId: string;
  userId: string;
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Option values by name; types come from the registered command (user/channel/role options take ids). */
  options?: Record<string, OptionValue>;
  /** Overrides the user's client locale. */
  locale?: string;
}

export interface AutocompleteInput extends SlashCommandInput {
  /** The option the user is typing in; its value is sent as the partial string. */
  focused: string;
}

export interface ButtonClickInput {
  messageId: string;
  customId: string;
  userId: string;
  locale?: string;
  /**
   * Sends the click even if the message has no such enabled button: what a modified or stale client could send,
   * for tests of forged custom ids and out-of-range values.
   */
  forged?: boolean;
}

export interface SelectInput extends ButtonClickInput {
  values: string[];
}

export interface ModalSubmitInput {
  /** The interaction the bot answered with the modal; the same user submits it. */
  interactionId: string;
  /** Text input values by custom_id. */
  values: Record<string, string>;
  locale?: string;
}

/** Something a real user could not do in the Discord client (a test or bot bug), thrown by the driver. */
export class ImpossibleUserAction extends Error {
  override name = 'ImpossibleUserAction';
}

interface Context {
  guild: FakeGuild;
  channel: FakeChannel;
  user: FakeUser;
  locale: string;
}

/** Builds interactions exactly as Discord delivers them (guild context only). */
export class InteractionFactory {
  constructor(
    private readonly world: World,
    private readonly requireRegisteredCommands: boolean,
  ) {}

  private context(guildId: string, channelId: string, userId: string, locale?: string): Context {
    const guild = this.world.guild(guildId);
    const channel = this.world.channel(channelId);
    if (channel.deleted) throw new ImpossibleUserAction(`Channel ${channelId} was deleted`);
    if (channel.guildId !== guildId)
      throw new ImpossibleUserAction(`Channel ${channelId} is not in guild ${guildId}`);
    const user = this.world.user(userId);
    if (!guild.members.has(userId))
      throw new ImpossibleUserAction(`User ${userId} is not a member of guild ${guildId}`);
    return { guild, channel, user, locale: locale ?? user.locale };
  }

  private base(
    type: InteractionType,
    ctx: Context,
  ): { record: InteractionRecord; payload: Record<string, unknown> } {
    const w = this.world;
    const id = w.ids.next();
    const token = Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString(
      'base64url',
    );
    const member = w.member(ctx.guild.id, ctx.user.id);
    const payload: Record<string, unknown> = {
      id,
      application_id: w.applicationId,
      type,
      token,
      version: 1,
      guild_id: ctx.guild.id,
      guild: { id: ctx.guild.id, locale: ctx.guild.preferredLocale, features: [] },
      channel_id: ctx.channel.id,
      channel: { ...w.apiChannel(ctx.channel) },
      member: {
        ...w.apiMember(ctx.guild, member),
        permissions: String(w.permissionsIn(ctx.channel, ctx.user.id)),
      },
      app_permissions: String(w.permissionsIn(ctx.channel, w.bot.id)),
      locale: ctx.locale,
      guild_locale: ctx.guild.preferredLocale,
      entitlements: [],
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: ctx.guild.id },
      context: InteractionContextType.Guild,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    const record: InteractionRecord = {
      id,
      token,
      type,
      guildId: ctx.guild.id,
      channelId: ctx.channel.id,
      userId: ctx.user.id,
      createdAt: w.options.now(),
      payload: payload as unknown as APIInteraction,
      sourceMessageId: null,
      sourceAtAck: null,
      callback: null,
      originalMessageId: null,
      followUpIds: [],
    };
    return { record, payload };
  }

  slashCommand(input: SlashCommandInput): InteractionRecord {
    return this.command(InteractionType.ApplicationCommand, input, null);
  }

  autocomplete(input: AutocompleteInput): InteractionRecord {
    return this.command(InteractionType.ApplicationCommandAutocomplete, input, input.focused);
  }

  private command(
    type: InteractionType,
    input: SlashCommandInput,
    focused: string | null,
  ): InteractionRecord {
    const ctx = this.context(input.guildId, input.channelId, input.userId, input.locale);
    const command = this.world.findCommand(ctx.guild.id, input.name);
    if (!command && this.requireRegisteredCommands) {
      throw new ImpossibleUserAction(
        `/${input.name} is not registered (globally or in guild ${ctx.guild.id})`,
      );
    }
    const openedToEveryone = this.world.commandsOpenedToEveryone.has(`${ctx.guild.id}:${input.name}`);
    if (command?.default_member_permissions && !openedToEveryone) {
      const needed = BigInt(command.default_member_permissions);
      if ((this.world.guildPermissions(ctx.guild.id, ctx.user.id) & needed) !== needed) {
        throw new ImpossibleUserAction(`/${input.name} is hidden from users without permissions ${needed}`);
      }
    }
    const resolved: APIInteractionDataResolved = {};
    const options = this.buildOptions(command, input, focused, ctx, resolved);
    const { record, payload } = this.base(type, ctx);
    payload.data = {
      id: command?.id ?? this.world.ids.next(),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
      ...(options.length > 0 ? { options } : {}),
      ...(Object.keys(resolved).length > 0 && type === InteractionType.ApplicationCommand
        ? { resolved }
        : {}),
    };
    return record;
  }

  private buildOptions(
    command: APIApplicationCommand | undefined,
    input: SlashCommandInput,
    focused: string | null,
    ctx: Context,
    resolved: APIInteractionDataResolved,
  ): Record<string, unknown>[] {
    let defs: readonly APIApplicationCommandOption[] | undefined = command?.options;
    const find = (
      name: string,
      kind: ApplicationCommandOptionType,
    ): APIApplicationCommandOption | undefined => {
      if (!defs) return undefined;
      const def = defs.find((o) => o.name === name && o.type === kind);
      if (!def)
        throw new ImpossibleUserAction(
          `/${input.name} has no ${ApplicationCommandOptionType[kind]} "${name}"`,
        );
      return def;
    };
    const groupDef = input.subcommandGroup
      ? find(input.subcommandGroup, ApplicationCommandOptionType.SubcommandGroup)
      : undefined;
    if (groupDef && 'options' in groupDef) defs = groupDef.options;
    const subDef = input.subcommand
      ? find(input.subcommand, ApplicationCommandOptionType.Subcommand)
      : undefined;
    if (subDef && 'options' in subDef) defs = subDef.options;
    if (
      command &&
      !input.subcommand &&
      defs?.some((o) => o.type === ApplicationCommandOptionType.Subcommand)
    ) {
      throw new ImpossibleUserAction(`/${input.name} needs a subcommand`);
    }

    const leaves: Record<string, unknown>[] = [];
    for (const [name, value] of Object.entries(input.options ?? {})) {
      const def = command ? defs?.find((o) => o.name === name) : undefined;
      if (command && !def) throw new ImpossibleUserAction(`/${input.name} has no option "${name}"`);
      const type = def?.type ?? inferType(value);
      const isFocused = name === focused;
      if (!isFocused && def) checkOptionValue(input.name, def, value);
      if (!isFocused && def && 'choices' in def && Array.isArray(def.choices) && def.choices.length > 0) {
        if (!def.choices.some((c) => c.value === value)) {
          throw new ImpossibleUserAction(`"${String(value)}" is not a choice of option "${name}"`);
        }
      }
      leaves.push({
        name,
        type,
        value: isFocused ? String(value) : value,
        ...(isFocused ? { focused: true } : {}),
      });
      if (!isFocused) this.resolve(type, String(value), ctx, resolved);
    }
    if (focused !== null && !leaves.some((o) => o.name === focused)) {
      const def = defs?.find((o) => o.name === focused);
      leaves.push({
        name: focused,
        type: def?.type ?? ApplicationCommandOptionType.String,
        value: '',
        focused: true,
      });
    }
    if (focused === null && defs) {
      for (const def of defs) {
        if ('required' in def && def.required === true && !leaves.some((o) => o.name === def.name)) {
          throw new ImpossibleUserAction(`/${input.name} requires option "${def.name}"`);
        }
      }
    }
    let options: Record<string, unknown>[] = leaves;
    if (input.subcommand)
      options = [{ name: input.subcommand, type: ApplicationCommandOptionType.Subcommand, options }];
    if (input.subcommandGroup) {
      options = [
        { name: input.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options },
      ];
    }
    return options;
  }

  private resolve(
    type: ApplicationCommandOptionType,
    id: string,
    ctx: Context,
    resolved: APIInteractionDataResolved,
  ): void {
    const w = this.world;
    if (type === ApplicationCommandOptionType.User || type === ApplicationCommandOptionType.Mentionable) {
      const user = w.users.get(id);
      if (user) {
        resolved.users = { ...resolved.users, [id]: w.apiUser(user) };
        const member = ctx.guild.members.get(id);
        if (member) {
          const { user: _user, deaf: _deaf, mute: _mute, ...rest } = w.apiMember(ctx.guild, member);
          resolved.members = {
            ...resolved.members,
            [id]: { ...rest, permissions: String(w.permissionsIn(ctx.channel, id)) },
          };
        }
      }
    }
    if (type === ApplicationCommandOptionType.Role || type === ApplicationCommandOptionType.Mentionable) {
      const role = ctx.guild.roles.get(id);
      if (role) resolved.roles = { ...resolved.roles, [id]: w.apiRole(role) };
    }
    if (type === ApplicationCommandOptionType.Channel) {
      const channel = w.channels.get(id);
      if (channel) {
        resolved.channels = {
          ...resolved.channels,
          [id]: {
            id,
            name: channel.name,
            type: 0,
            permissions: String(w.permissionsIn(channel, ctx.user.id)),
          },
        };
      }
    }
  }

  buttonClick(input: ButtonClickInput): InteractionRecord {
    const { record: source, component, ctx } = this.clickable(input, ComponentType.Button);
    const { record, payload } = this.base(InteractionType.MessageComponent, ctx);
    payload.data = { custom_id: input.customId, component_type: component.type };
    payload.message = source.message;
    record.sourceMessageId = source.message.id;
    return record;
  }

  select(input: SelectInput): InteractionRecord {
    const { record: source, component, ctx } = this.clickable(input, null);
    if (component.type === ComponentType.StringSelect) {
      const allowed = new Set(component.options.map((o) => o.value));
      const bad = input.values.find((v) => !allowed.has(v));
      if (bad !== undefined)
        throw new ImpossibleUserAction(`"${bad}" is not an option of select ${input.customId}`);
    }
    if ('min_values' in component || 'max_values' in component) {
      const min = ('min_values' in component ? component.min_values : undefined) ?? 1;
      const max = ('max_values' in component ? component.max_values : undefined) ?? 1;
      if (input.values.length < min || input.values.length > max) {
        throw new ImpossibleUserAction(`Select ${input.customId} takes ${min} to ${max} values`);
      }
    }
    const { record, payload } = this.base(InteractionType.MessageComponent, ctx);
    payload.data = { custom_id: input.customId, component_type: component.type, values: input.values };
    payload.message = source.message;
    record.sourceMessageId = source.message.id;
    return record;
  }

  /** Submits the modal the bot opened (callback type 9) in answer to `interactionId`. */
  modalSubmit(input: ModalSubmitInput): InteractionRecord {
    const opener = this.world.interactions.get(input.interactionId);
    const modal = opener?.callback?.type === InteractionResponseType.Modal ? opener.callback.data : null;
    if (!opener || !modal)
      throw new ImpossibleUserAction(`Interaction ${input.interactionId} did not open a modal`);
    const ctx = this.context(opener.guildId, opener.channelId, opener.userId, input.locale);
    const remaining = new Map(Object.entries(input.values));
    const submitted = (component: Record<string, unknown>): Record<string, unknown> => {
      const customId = String(component.custom_id);
      const value = remaining.get(customId) ?? '';
      remaining.delete(customId);
      if (component.required !== false && value === '')
        throw new ImpossibleUserAction(`Text input "${customId}" is required`);
      return { type: ComponentType.TextInput, custom_id: customId, value };
    };
    const rows = (Array.isArray(modal.components) ? modal.components : []) as Record<string, unknown>[];
    const components = rows.map((row) => {
      if (row.type === ComponentType.Label && typeof row.component === 'object' && row.component !== null) {
        return { type: ComponentType.Label, component: submitted(row.component as Record<string, unknown>) };
      }
      const children = (Array.isArray(row.components) ? row.components : []) as Record<string, unknown>[];
      return { type: ComponentType.ActionRow, components: children.map(submitted) };
    });
    const unknown = [...remaining.keys()][0];
    if (unknown !== undefined) throw new ImpossibleUserAction(`The modal has no text input "${unknown}"`);
    const { record, payload } = this.base(InteractionType.ModalSubmit, ctx);
    payload.data = { custom_id: modal.custom_id, components };
    if (opener.sourceMessageId) {
      const source = this.world.messages.get(opener.sourceMessageId);
      if (source) payload.message = source.message;
      record.sourceMessageId = opener.sourceMessageId;
    }
    return record;
  }

  private clickable(
    input: ButtonClickInput,
    kind: ComponentType.Button | null,
  ): { record: MessageRecord; component: APIMessageComponent & { type: ComponentType }; ctx: Context } {
    const record = this.world.messages.get(input.messageId);
    if (!record || record.deleted)
      throw new ImpossibleUserAction(`Message ${input.messageId} does not exist`);
    if (record.visibleTo !== null && record.visibleTo !== input.userId) {
      throw new ImpossibleUserAction(`Message ${input.messageId} is ephemeral for another user`);
    }
    const channel = this.world.channel(record.message.channel_id);
    const ctx = this.context(channel.guildId, channel.id, input.userId, input.locale);
    if (input.forged === true) {
      const forged = { type: ComponentType.Button, custom_id: input.customId, style: 1, label: 'forged' };
      return { record, component: forged as APIMessageComponent & { type: ComponentType }, ctx };
    }
    const component = findComponent(record.message, input.customId);
    if (!component)
      throw new ImpossibleUserAction(`Message ${input.messageId} has no component "${input.customId}"`);
    if (kind !== null && component.type !== kind)
      throw new ImpossibleUserAction(`"${input.customId}" is not a button`);
    if (kind === null && component.type === ComponentType.Button)
      throw new ImpossibleUserAction(`"${input.customId}" is not a select menu`);
    if ('disabled' in component && component.disabled === true) {
      throw new ImpossibleUserAction(`Component "${input.customId}" is disabled`);
    }
    return { record, component, ctx };
  }
}

/** The Discord client only lets a user submit values of the option's type, within its bounds. */
function checkOptionValue(command: string, def: APIApplicationCommandOption, value: OptionValue): void {
  const fail = (why: string): never => {
    throw new ImpossibleUserAction(`/${command} option "${def.name}": ${why}`);
  };
  switch (def.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      if (
        typeof value !== 'number' ||
        (def.type === ApplicationCommandOptionType.Integer && !Number.isInteger(value))
      ) {
        fail(
          `${String(value)} is not ${def.type === ApplicationCommandOptionType.Integer ? 'an integer' : 'a number'}`,
        );
      }
      if (def.min_value !== undefined && (value as number) < def.min_value)
        fail(`${String(value)} < ${def.min_value}`);
      if (def.max_value !== undefined && (value as number) > def.max_value)
        fail(`${String(value)} > ${def.max_value}`);
      return;
    }
    case ApplicationCommandOptionType.String: {
      if (typeof value !== 'string') fail(`${String(value)} is not a string`);
      const text = value as string;
      if (def.min_length !== undefined && text.length < def.min_length)
        fail(`shorter than ${def.min_length}`);
      if (def.max_length !== undefined && text.length > def.max_length) fail(`longer than ${def.max_length}`);
      return;
    }
    case ApplicationCommandOptionType.Boolean:
      if (typeof value !== 'boolean') fail(`${String(value)} is not a boolean`);
      return;
    default:
      if (typeof value !== 'string') fail(`expects an id`);
  }
}

function inferType(value: OptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number')
    return Number.isInteger(value)
      ? ApplicationCommandOptionType.Integer
      : ApplicationCommandOptionType.Number;
  return ApplicationCommandOptionType.String;
}

/** Depth-first search through rows, sections and containers. */
export function findComponent(
  message: APIMessage,
  customId: string,
): (APIMessageComponent & { type: ComponentType }) | undefined {
  const stack: unknown[] = [...(message.components ?? [])];
  while (stack.length > 0) {
    const node = stack.shift();
    if (typeof node !== 'object' || node === null) continue;
    const c = node as { custom_id?: unknown; components?: unknown; accessory?: unknown };
    if (c.custom_id === customId) return node as APIMessageComponent & { type: ComponentType };
    if (Array.isArray(c.components)) stack.push(...(c.components as unknown[]));
    if (c.accessory) stack.push(c.accessory);
  }
  return undefined;
}
