import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { StartOutcome } from '../../../app/game-service.ts';
import { settingsErrorMessage, t } from '../../../core/i18n/translate.ts';
import type { Difficulty, Lang } from '../../../core/questions/question.ts';
import type { PackSummary } from '../../../core/storage.ts';
import { hasManageServer, replyLang, type BotContext } from '../context.ts';
import { clip } from '../render/limits.ts';
import { renderPacks } from '../render/info.ts';

function parseDifficulty(value: string | null): Difficulty | 'any' | undefined {
  if (value === '1' || value === '2' || value === '3') return Number(value) as Difficulty;
  return value === 'any' ? 'any' : undefined;
}

function messageLink(guildId: string, channelId: string, messageId: string | undefined): string {
  return messageId ? `https://discord.com/channels/${guildId}/${channelId}/${messageId}` : `<#${channelId}>`;
}

function startText(lang: Lang, guildId: string, outcome: StartOutcome): string {
  switch (outcome.kind) {
    case 'started':
      return t(lang, 'game.startedReply');
    case 'already-running':
      return t(lang, 'game.alreadyRunning', {
        link: messageLink(guildId, outcome.channelId, outcome.messageId),
      });
    case 'invalid-settings':
      return outcome.errors.map((error) => settingsErrorMessage(lang, error)).join('\n');
    case 'unknown-pack':
      return t(lang, 'settings.unknownPack', { pack: clip(outcome.packId, 100) });
    case 'pack-disabled':
      return t(lang, 'game.packDisabled', { pack: outcome.packId });
    case 'no-questions':
      return t(lang, 'game.noQuestions');
    case 'shutting-down':
      return t(lang, 'game.shuttingDown');
  }
}

export async function handleTrivia(
  context: BotContext,
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
) {
  const sub = interaction.options.getSubcommand(true);
  const lang = await replyLang(context, interaction);
  switch (sub) {
    case 'start': {
      // Starting reads settings, picks questions and posts the first message: more than Discord's 3 s may pass.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const outcome = await context.games.start({
        serverId: interaction.guildId,
        channelId: interaction.channelId,
        userId: interaction.user.id,
        guildLocale: interaction.guildLocale ?? undefined,
        packId: interaction.options.getString('pack') ?? undefined,
        questionCount: interaction.options.getInteger('questions') ?? undefined,
        seconds: interaction.options.getInteger('seconds') ?? undefined,
        difficulty: parseDifficulty(interaction.options.getString('difficulty')),
      });
      await interaction.editReply({ content: startText(lang, interaction.guildId, outcome) });
      return;
    }
    case 'stop': {
      const outcome = await context.games.stop(
        interaction.channelId,
        interaction.user.id,
        hasManageServer(interaction),
      );
      const content =
        outcome.kind === 'stopped'
          ? t(lang, 'game.stopped')
          : outcome.kind === 'not-allowed'
            ? t(lang, 'end.stopNotAllowed', { starter: `<@${outcome.starterId}>` })
            : t(lang, 'game.noGameRunning');
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    case 'packs': {
      const settings = await context.settings.get(interaction.guildId);
      const packs = context.bank
        .packs()
        .filter((pack) => settings.enabledPackIds.length === 0 || settings.enabledPackIds.includes(pack.id));
      await interaction.reply({ ...renderPacks(lang, packs), flags: MessageFlags.Ephemeral });
      return;
    }
    default:
      await interaction.reply({
        content: t(lang, 'error.unknownInteraction'),
        flags: MessageFlags.Ephemeral,
      });
  }
}

export function packChoices(packs: readonly PackSummary[], query: string): { name: string; value: string }[] {
  const needle = query.trim().toLowerCase();
  return packs
    .filter((pack) => needle === '' || pack.title.toLowerCase().includes(needle) || pack.id.includes(needle))
    .slice(0, 25)
    .map((pack) => ({
      name: clip(`${pack.title} (${pack.lang}, ${pack.questionCount})`, 100),
      value: pack.id,
    }));
}

export async function autocompletePack(
  context: BotContext,
  interaction: AutocompleteInteraction,
): Promise<void> {
  const settings = interaction.guildId ? await context.settings.get(interaction.guildId) : undefined;
  const enabled = context.bank
    .packs()
    .filter(
      (pack) =>
        !settings || settings.enabledPackIds.length === 0 || settings.enabledPackIds.includes(pack.id),
    );
  await interaction.respond(packChoices(enabled, String(interaction.options.getFocused())));
}
