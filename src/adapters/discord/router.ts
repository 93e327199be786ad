import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { t } from '../../core/i18n/translate.ts';
import { autocompletePack, handleTrivia } from './commands/trivia.ts';
import { handleGameButton } from './components/game-buttons.ts';
import { replyLang, type BotContext } from './context.ts';
import { parseButtonId } from './render/custom-ids.ts';
import { renderHelp } from './render/info.ts';
import { replyEphemeral } from './reply.ts';

/** Interactions expire after 15 minutes; this many ids comfortably covers a busy bot's replay window. */
const RECENT_INTERACTIONS = 50_000;

/** A bounded set of recently seen ids (oldest forgotten first). */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity: number) {}

  /** False when the id was already seen. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}

/** Extra handlers registered by feature modules (leaderboard, stats, admin, daily). */
export interface FeatureHandlers {
  commands: Record<string, (interaction: ChatInputCommandInteraction) => Promise<void>>;
  /** Tried in order; the first that recognises the custom id handles the click. */
  buttons: ((interaction: ButtonInteraction) => Promise<boolean>)[];
  autocomplete: Record<string, (interaction: AutocompleteInteraction) => Promise<void>>;
}

/**
 * The one interactionCreate handler. Every failure is logged with the interaction and guild ids and answered with
 * a localized ephemeral message (a follow-up when the interaction was already acknowledged).
 */
export function createRouter(
  context: BotContext,
  features: FeatureHandlers = { commands: {}, buttons: [], autocomplete: {} },
) {
  async function route(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true).name;
      const handler = features.autocomplete[`${interaction.commandName}:${focused}`];
      if (handler) await handler(interaction);
      else if (focused === 'pack') await autocompletePack(context, interaction);
      else await interaction.respond([]);
      return;
    }
    if (interaction.isChatInputCommand()) {
      if (!interaction.inGuild() && interaction.commandName !== 'help') {
        const lang = await replyLang(context, interaction);
        await interaction.reply({ content: t(lang, 'error.guildOnly'), flags: MessageFlags.Ephemeral });
        return;
      }
      if (interaction.commandName === 'help') {
        await interaction.reply({
          ...renderHelp(await replyLang(context, interaction)),
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      if (interaction.commandName === 'trivia' && interaction.inGuild()) {
        const sub = interaction.options.getSubcommand(false);
        if (sub !== 'forget-me') {
          await handleTrivia(context, interaction);
          return;
        }
      }
      const feature = features.commands[interaction.commandName];
      if (feature) {
        await feature(interaction);
        return;
      }
      await replyEphemeral(interaction, t(await replyLang(context, interaction), 'error.unknownInteraction'));
      return;
    }
    if (interaction.isButton()) {
      const action = parseButtonId(interaction.customId);
      if (action && interaction.inGuild()) {
        await handleGameButton(context, interaction, action);
        return;
      }
      for (const handler of features.buttons) if (await handler(interaction)) return;
      // Unknown or forged custom ids change nothing.
      await replyEphemeral(interaction, t(await replyLang(context, interaction), 'error.unknownInteraction'));
    }
  }

  const seen = new RecentIds(RECENT_INTERACTIONS);
  return async function onInteraction(interaction: Interaction): Promise<void> {
    // The gateway may deliver an interaction twice (a replay after a resume); acting twice would try a second
    // acknowledgement, which Discord refuses (40060), and could repeat side effects.
    if (!seen.add(interaction.id)) {
      context.logger.warn(
        { interactionId: interaction.id, guildId: interaction.guildId },
        'interaction delivered twice',
      );
      return;
    }
    try {
      await route(interaction);
    } catch (error) {
      context.logger.error(
        {
          err: error,
          interactionId: interaction.id,
          guildId: interaction.guildId,
          userId: interaction.user.id,
        },
        'interaction failed',
      );
      if (!interaction.isRepliable() || interaction.isAutocomplete()) return;
      try {
        const lang = await replyLang(context, interaction).catch(() => 'en' as const);
        if (interaction.isChatInputCommand() || interaction.isButton()) {
          await replyEphemeral(interaction, t(lang, 'error.tryAgainLater'));
        }
      } catch (replyError) {
        context.logger.warn(
          { err: replyError, interactionId: interaction.id },
          'could not report the failure',
        );
      }
    }
  };
}
