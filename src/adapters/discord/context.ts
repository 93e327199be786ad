import type { ButtonInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
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

export function displayName(interaction: Interaction): string {
  const member = interaction.member;
  const nick = member && 'nick' in member && typeof member.nick === 'string' ? member.nick : undefined;
  return nick ?? interaction.user.globalName ?? interaction.user.username;
}
