import type { ButtonInteraction, ChatInputCommandInteraction, Interaction, User } from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import type { GameService } from '../../app/game-service.ts';
import type { AppLogger } from '../../app/logger-port.ts';
import { resolveLocale } from '../../core/i18n/locale.ts';
import type { Clock } from '../../core/ports.ts';
import type { Lang } from '../../core/questions/question.ts';
import type { QuestionBank, SettingsStore } from '../../core/storage.ts';

/** What the command and component handlers use; built once in main.ts. */
export interface BotContext {
  games: GameService;
  settings: SettingsStore;
  bank: QuestionBank;
  clock: Clock;
  logger: AppLogger;
}

/** The player's language: their Discord locale, unless the server forces one; English outside servers. */
export async function replyLang(context: BotContext, interaction: Interaction): Promise<Lang> {
  if (!interaction.guildId) return resolveLocale(interaction.locale, 'auto', null);
  const settings = await context.settings.get(interaction.guildId);
  return resolveLocale(interaction.locale, settings.language, interaction.guildLocale);
}

/**
 * Checked on our side for every admin action: servers can override default_member_permissions, so what Discord
 * lets a member invoke is not proof of permission.
 */
export function hasManageServer(interaction: ChatInputCommandInteraction | ButtonInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

/**
 * The name to show inside the server the interaction comes from (its nickname first). Never store it: a stored name
 * is shown on the global leaderboard, where a nickname would tell strangers which servers the player is in.
 */
export function displayName(interaction: Interaction): string {
  return nicknameOf(interaction.member) ?? interaction.user.globalName ?? interaction.user.username;
}

/** A member's server nickname: `nickname` on a cached GuildMember, `nick` on a raw API member. */
export function nicknameOf(member: unknown): string | undefined {
  if (!member || typeof member !== 'object') return undefined;
  if ('nickname' in member && typeof member.nickname === 'string') return member.nickname;
  if ('nick' in member && typeof member.nick === 'string') return member.nick;
  return undefined;
}

/**
 * The name stored with a player's answers (`playerName`): their Discord-wide display name or username, the same in
 * every server. The global leaderboard shows it; server boards show mentions, which Discord renders per server.
 */
export function storedPlayerName(user: User): string {
  return user.globalName ?? user.username;
}
