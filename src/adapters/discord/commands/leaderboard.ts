// /leaderboard, /stats and /trivia forget-me: parse, call LeaderboardService, render.
import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import type { BoardScope, LeaderboardService } from '../../../app/leaderboard-service.ts';
import { t } from '../../../core/i18n/translate.ts';
import { PERIOD_KINDS, type PeriodKind } from '../../../core/leaderboard/periods.ts';
import { displayName, nicknameOf, replyLang, storedPlayerName, type BotContext } from '../context.ts';
import {
  parseBoardButtonId,
  parseForgetButtonId,
  renderForgetConfirm,
  renderForgotten,
  renderLeaderboard,
  renderStats,
  type BoardRequest,
} from '../render/leaderboard.ts';
import { replyEphemeral, replyWithin, updateWithin } from '../reply.ts';

function parsePeriod(value: string | null): PeriodKind {
  return PERIOD_KINDS.find((kind) => kind === value) ?? 'all';
}

export function leaderboardHandlers(context: BotContext, service: LeaderboardService) {
  const packTitle = (packId: string) => context.bank.pack(packId)?.title ?? packId;

  function boardScope(interaction: Interaction, request: BoardRequest): BoardScope | undefined {
    if (request.board === 'global') return 'global';
    return interaction.guildId ? { serverId: interaction.guildId } : undefined;
  }

  async function renderPage(interaction: Interaction, request: BoardRequest, scope: BoardScope) {
    const [lang, page] = await Promise.all([
      replyLang(context, interaction),
      service.leaderboardPage({
        scope,
        period: request.period,
        page: request.page,
        callerId: request.askerId,
        now: context.clock.now(),
      }),
    ]);
    return renderLeaderboard(lang, request, page);
  }

  async function leaderboard(interaction: ChatInputCommandInteraction): Promise<void> {
    const request: BoardRequest = {
      board: interaction.options.getString('scope') === 'global' ? 'global' : 'server',
      period: parsePeriod(interaction.options.getString('period')),
      page: 1,
      askerId: interaction.user.id,
    };
    const scope = boardScope(interaction, request);
    if (!scope) return;
    await replyWithin(interaction, renderPage(interaction, request, scope), { ephemeral: false });
  }

  async function stats(interaction: ChatInputCommandInteraction): Promise<void> {
    if (!interaction.guildId) return;
    const target = interaction.options.getUser('player') ?? interaction.user;
    const name =
      target.id === interaction.user.id
        ? displayName(interaction)
        : (nicknameOf(interaction.options.getMember('player')) ?? storedPlayerName(target));
    const global = interaction.options.getString('scope') === 'global';
    const work = Promise.all([
      replyLang(context, interaction),
      service.playerStats({
        scope: global ? 'global' : { serverId: interaction.guildId },
        playerId: target.id,
        viewerId: interaction.user.id,
      }),
    ]).then(([lang, view]) => renderStats(lang, { playerId: target.id, name, global }, view, packTitle));
    await replyWithin(interaction, work, { ephemeral: false });
  }

  /** `/trivia forget-me`: the router sends here the one trivia subcommand it does not handle itself. */
  async function trivia(interaction: ChatInputCommandInteraction): Promise<void> {
    const lang = await replyLang(context, interaction);
    if (interaction.options.getSubcommand(false) !== 'forget-me') {
      await replyEphemeral(interaction, t(lang, 'error.unknownInteraction'));
      return;
    }
    await interaction.reply({
      ...renderForgetConfirm(lang, interaction.user.id),
      flags: MessageFlags.Ephemeral,
    });
  }

  async function boardButton(interaction: ButtonInteraction, request: BoardRequest): Promise<void> {
    const scope = boardScope(interaction, request);
    if (interaction.user.id !== request.askerId || !scope) {
      const lang = await replyLang(context, interaction);
      await interaction.reply({
        content: t(lang, 'leaderboard.notYourButtons', { player: `<@${request.askerId}>` }),
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
      return;
    }
    await updateWithin(interaction, renderPage(interaction, request, scope));
  }

  async function forgetButton(
    interaction: ButtonInteraction,
    choice: { confirmed: boolean; askerId: string },
  ): Promise<void> {
    const lang = await replyLang(context, interaction);
    if (interaction.user.id !== choice.askerId) {
      await interaction.reply({ content: t(lang, 'forget.notYourButton'), flags: MessageFlags.Ephemeral });
      return;
    }
    if (!choice.confirmed) {
      await interaction.update({ content: t(lang, 'forget.cancelled'), components: [] });
      return;
    }
    const work = service.forgetMe(interaction.user.id).then((counts) => {
      context.logger.info(
        { interactionId: interaction.id, guildId: interaction.guildId, userId: interaction.user.id, counts },
        'player data deleted on request',
      );
      return renderForgotten(lang, counts);
    });
    await updateWithin(interaction, work);
  }

  async function button(interaction: ButtonInteraction): Promise<boolean> {
    const board = parseBoardButtonId(interaction.customId);
    if (board) {
      await boardButton(interaction, board);
      return true;
    }
    const forget = parseForgetButtonId(interaction.customId);
    if (forget) {
      await forgetButton(interaction, forget);
      return true;
    }
    return false;
  }

  return { leaderboard, stats, trivia, button };
}
