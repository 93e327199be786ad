import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  PermissionFlagsBits,
  PermissionsBitField,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { AdminError, AdminService } from '../../../app/admin-service.ts';
import type { DailyConfigError, DailyService } from '../../../app/daily-service.ts';
import { t } from '../../../core/i18n/translate.ts';
import type { Lang } from '../../../core/questions/question.ts';
import type { ServerSettings } from '../../../core/storage.ts';
import { hasManageServer, replyLang, type BotContext } from '../context.ts';
import { clip, LIMITS } from '../render/limits.ts';
import { replyEphemeral } from '../reply.ts';

export function adminErrorText(lang: Lang, error: AdminError): string {
  switch (error.field) {
    case 'questions':
      return t(lang, 'settings.questionsRange', { min: error.min, max: error.max });
    case 'seconds':
      return t(lang, 'settings.secondsRange', { min: error.min, max: error.max });
    case 'pack':
      return 'unknown' in error
        ? t(lang, 'settings.unknownPack', { pack: clip(error.unknown, 100) })
        : t(lang, 'admin.packLast');
    case 'timeZone':
      return t(lang, 'settings.unknownTimeZone', { timeZone: clip(error.unknown, 64) });
    case 'language':
      return t(lang, 'admin.unknownLanguage', { language: clip(error.unknown, 20) });
  }
}

/** What /trivia-admin uses of the daily challenge. */
export type DailyAdmin = Pick<DailyService, 'configureDaily' | 'takeDailyError'>;

export function dailyConfigErrorText(lang: Lang, error: DailyConfigError): string {
  switch (error.code) {
    case 'unknown-time-zone':
      return t(lang, 'settings.unknownTimeZone', { timeZone: clip(error.timeZone, 64) });
    case 'invalid-time':
      return t(lang, 'settings.invalidPostTime');
    case 'no-channel':
      return t(lang, 'daily.noChannel');
  }
}

/** The stored posting failure (`channel-missing`, `forbidden`, `gave-up`, …) as a sentence for the admin. */
export function dailyErrorText(lang: Lang, error: string): string {
  switch (error) {
    case 'channel-missing':
      return t(lang, 'daily.lastError.channelMissing');
    case 'forbidden':
      return t(lang, 'daily.lastError.forbidden');
    case 'gave-up':
      return t(lang, 'daily.lastError.gaveUp');
    default:
      return t(lang, 'daily.lastError.other', { error: clip(error, 100) });
  }
}

/** What the bot needs where the daily challenge is posted. */
const DAILY_CHANNEL_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
]);

/**
 * Whether the bot may post in `channelId`: Discord's own answer (app_permissions) when it is the channel the
 * command was used in, otherwise the bot's permissions computed from the gateway cache (roles and overwrites).
 * Undefined when neither is known; the first post then reports any problem.
 */
function botCanPost(interaction: ChatInputCommandInteraction, channelId: string): boolean | undefined {
  if (channelId === interaction.channelId) return interaction.appPermissions.has(DAILY_CHANNEL_PERMISSIONS);
  const guild = interaction.guild;
  const channel = guild?.channels.cache.get(channelId);
  const me = guild?.members.me;
  if (!channel || !me) return undefined;
  return channel.permissionsFor(me).has(DAILY_CHANNEL_PERMISSIONS);
}

export function renderSettings(lang: Lang, settings: ServerSettings, packTitle: (id: string) => string) {
  const language =
    settings.language === 'auto'
      ? t(lang, 'admin.languageAuto')
      : t(lang, settings.language === 'en' ? 'admin.languageEn' : 'admin.languageEs');
  const fields = [
    { name: t(lang, 'admin.language'), value: language },
    {
      name: t(lang, 'admin.defaults'),
      value: t(lang, 'admin.defaultsValue', {
        questions: settings.defaultQuestions,
        seconds: settings.defaultSeconds,
        pack: settings.defaultPackId ? packTitle(settings.defaultPackId) : t(lang, 'admin.packAny'),
      }),
    },
    { name: t(lang, 'admin.timeZone'), value: settings.timeZone },
    {
      name: t(lang, 'admin.packs'),
      value: clip(
        settings.enabledPackIds.length === 0
          ? t(lang, 'admin.packsAll')
          : settings.enabledPackIds.map(packTitle).join(', '),
        LIMITS.fieldValue,
      ),
    },
    {
      name: t(lang, 'admin.daily'),
      value:
        settings.dailyEnabled && settings.dailyChannelId
          ? t(lang, 'admin.dailyOn', {
              channel: `<#${settings.dailyChannelId}>`,
              time: settings.dailyTime,
              timeZone: settings.timeZone,
            })
          : t(lang, 'admin.dailyOff'),
    },
    { name: t(lang, 'admin.season'), value: String(settings.season) },
  ];
  return { embeds: [{ color: 0x5865f2, title: t(lang, 'admin.title'), fields }] };
}

const RESET_PREFIX = 'reset-lb';

/**
 * /trivia-admin. Discord hides it from members without Manage Server by default, but a server can change that,
 * so the permission is checked again here for every subcommand and every confirmation click.
 */
export function adminHandlers(context: BotContext, admin: AdminService, daily?: DailyAdmin) {
  const packTitle = (id: string) => context.bank.pack(id)?.title ?? id;

  async function command(interaction: ChatInputCommandInteraction): Promise<void> {
    const lang = await replyLang(context, interaction);
    if (!interaction.inGuild()) return;
    if (!hasManageServer(interaction)) {
      await interaction.reply({ content: t(lang, 'error.needsManageServer'), flags: MessageFlags.Ephemeral });
      return;
    }
    await subcommand(interaction, lang);
    await tellDailyError(interaction, lang);
  }

  /** Every /trivia-admin use reports a daily post that failed since the last one (once). */
  async function tellDailyError(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, lang: Lang) {
    if (!daily) return;
    const failure = await daily.takeDailyError(interaction.guildId);
    if (!failure) return;
    await interaction.followUp({
      content: `⚠️ ${dailyErrorText(lang, failure.error)}`,
      flags: MessageFlags.Ephemeral,
    });
  }

  async function configureDaily(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, lang: Lang) {
    if (!daily) {
      await replyEphemeral(interaction, t(lang, 'error.unknownInteraction'));
      return;
    }
    const channel = interaction.options.getChannel('channel');
    if (channel && botCanPost(interaction, channel.id) === false) {
      await replyEphemeral(
        interaction,
        t(lang, 'settings.channelNotPostable', { channel: `<#${channel.id}>` }),
      );
      return;
    }
    const time = interaction.options.getString('time');
    const timeZone = interaction.options.getString('timezone');
    const enabled = interaction.options.getBoolean('enabled');
    const outcome = await daily.configureDaily({
      serverId: interaction.guildId,
      ...(channel ? { channelId: channel.id } : {}),
      ...(time !== null ? { time } : {}),
      ...(timeZone !== null ? { timeZone } : {}),
      ...(enabled !== null ? { enabled } : {}),
    });
    if (outcome.kind === 'invalid') {
      await replyEphemeral(
        interaction,
        outcome.errors.map((error) => dailyConfigErrorText(lang, error)).join('\n'),
      );
      return;
    }
    const { settings } = outcome;
    const content =
      settings.dailyEnabled && settings.dailyChannelId
        ? t(lang, 'daily.configSaved', {
            channel: `<#${settings.dailyChannelId}>`,
            time: settings.dailyTime,
            timeZone: settings.timeZone,
            next: outcome.nextPostAt === undefined ? '-' : `<t:${Math.floor(outcome.nextPostAt / 1000)}:R>`,
          })
        : t(lang, 'daily.configOff');
    await replyEphemeral(interaction, content);
  }

  async function subcommand(
    interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
    lang: Lang,
  ): Promise<void> {
    const serverId = interaction.guildId;
    const sub = interaction.options.getSubcommand(true);
    const saved = async (
      result: Awaited<ReturnType<AdminService['setDefaults']>>,
      done = t(lang, 'settings.saved'),
    ) => {
      const content = result.ok ? done : result.errors.map((error) => adminErrorText(lang, error)).join('\n');
      await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    };
    switch (sub) {
      case 'show': {
        const settings = await admin.show(serverId);
        await interaction.reply({
          ...renderSettings(lang, settings, packTitle),
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      case 'language':
        await saved(await admin.setLanguage(serverId, interaction.options.getString('language', true)));
        return;
      case 'defaults':
        await saved(
          await admin.setDefaults(serverId, {
            questions: interaction.options.getInteger('questions') ?? undefined,
            seconds: interaction.options.getInteger('seconds') ?? undefined,
            packId: interaction.options.getString('pack') ?? undefined,
            timeZone: interaction.options.getString('timezone') ?? undefined,
          }),
        );
        return;
      case 'packs': {
        const packId = interaction.options.getString('pack', true);
        const enabled = interaction.options.getBoolean('enabled', true);
        await saved(
          await admin.setPackEnabled(serverId, packId, enabled),
          t(lang, enabled ? 'admin.packOn' : 'admin.packOff', { pack: clip(packId, 100) }),
        );
        return;
      }
      case 'daily':
        await configureDaily(interaction, lang);
        return;
      case 'reset-leaderboard':
        await interaction.reply({
          content: t(lang, 'admin.resetConfirm'),
          flags: MessageFlags.Ephemeral,
          components: [
            {
              type: ComponentType.ActionRow,
              components: [
                {
                  type: ComponentType.Button,
                  style: ButtonStyle.Danger,
                  customId: `${RESET_PREFIX}:yes:${interaction.user.id}`,
                  label: t(lang, 'admin.resetButton'),
                },
                {
                  type: ComponentType.Button,
                  style: ButtonStyle.Secondary,
                  customId: `${RESET_PREFIX}:no:${interaction.user.id}`,
                  label: t(lang, 'admin.cancelButton'),
                },
              ],
            },
          ],
        });
        return;
      default:
        await replyEphemeral(interaction, t(lang, 'error.unknownInteraction'));
    }
  }

  async function button(interaction: ButtonInteraction): Promise<boolean> {
    const match = /^reset-lb:(yes|no):(\d{1,20})$/.exec(interaction.customId);
    if (!match) return false;
    const lang = await replyLang(context, interaction);
    if (!interaction.inGuild() || interaction.user.id !== match[2]) {
      await interaction.reply({ content: t(lang, 'admin.notYourButton'), flags: MessageFlags.Ephemeral });
      return true;
    }
    if (!hasManageServer(interaction)) {
      await interaction.reply({ content: t(lang, 'error.needsManageServer'), flags: MessageFlags.Ephemeral });
      return true;
    }
    if (match[1] === 'no') {
      await interaction.update({ content: t(lang, 'admin.cancelled'), components: [] });
      return true;
    }
    const season = await admin.resetLeaderboard(interaction.guildId, interaction.user.id);
    await interaction.update({ content: t(lang, 'admin.resetDone', { season }), components: [] });
    return true;
  }

  return { command, button };
}
