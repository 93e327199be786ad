// Slash command definitions, localized for en-US, es-ES and es-419. Names stay English so `/trivia start` in help
// texts and docs works for everyone; descriptions and choices follow the user's Discord language.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { SETTINGS_LIMITS } from '../../../core/game/settings.ts';

type Texts = { en: string; es: string };

const localized = (texts: Texts): { description: string; description_localizations: LocalizationMap } => ({
  description: texts.en,
  description_localizations: { 'en-US': texts.en, 'en-GB': texts.en, 'es-ES': texts.es, 'es-419': texts.es },
});
const choiceName = (texts: Texts) => ({
  name: texts.en,
  name_localizations: { 'en-US': texts.en, 'en-GB': texts.en, 'es-ES': texts.es, 'es-419': texts.es },
});

const periodOption: APIApplicationCommandOption = {
  type: ApplicationCommandOptionType.String,
  name: 'period',
  ...localized({ en: 'Which period (default: all time)', es: 'Qué periodo (por defecto: siempre)' }),
  choices: [
    { ...choiceName({ en: 'Today', es: 'Hoy' }), value: 'day' },
    { ...choiceName({ en: 'This week', es: 'Esta semana' }), value: 'week' },
    { ...choiceName({ en: 'This month', es: 'Este mes' }), value: 'month' },
    { ...choiceName({ en: 'All time', es: 'Siempre' }), value: 'all' },
  ],
};

const difficultyChoices = [
  { ...choiceName({ en: 'Easy', es: 'Fácil' }), value: '1' },
  { ...choiceName({ en: 'Medium', es: 'Media' }), value: '2' },
  { ...choiceName({ en: 'Hard', es: 'Difícil' }), value: '3' },
  { ...choiceName({ en: 'Any', es: 'Cualquiera' }), value: 'any' },
];

// Shared by /trivia start and /trivia-admin defaults: the same bounds as the settings validation.
const questionsOption: APIApplicationCommandOption = {
  type: ApplicationCommandOptionType.Integer,
  name: 'questions',
  ...localized({ en: 'Number of questions', es: 'Número de preguntas' }),
  min_value: SETTINGS_LIMITS.questionCount.min,
  max_value: SETTINGS_LIMITS.questionCount.max,
};

const secondsOption: APIApplicationCommandOption = {
  type: ApplicationCommandOptionType.Integer,
  name: 'seconds',
  ...localized({ en: 'Seconds per question', es: 'Segundos por pregunta' }),
  min_value: SETTINGS_LIMITS.secondsPerQuestion.min,
  max_value: SETTINGS_LIMITS.secondsPerQuestion.max,
};

const guildOnly = { contexts: [InteractionContextType.Guild] };
const manageServerOnly = String(PermissionFlagsBits.ManageGuild);

export const triviaCommand: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'trivia',
  ...localized({ en: 'Play film plot trivia', es: 'Juega a la trivia de argumentos de películas' }),
  ...guildOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'start',
      ...localized({ en: 'Start a game in this channel', es: 'Empieza una partida en este canal' }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'pack',
          ...localized({ en: 'Question pack (film)', es: 'Paquete de preguntas (película)' }),
          autocomplete: true,
          max_length: 100,
        },
        questionsOption,
        secondsOption,
        {
          type: ApplicationCommandOptionType.String,
          name: 'difficulty',
          ...localized({ en: 'Question difficulty', es: 'Dificultad de las preguntas' }),
          choices: difficultyChoices,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'stop',
      ...localized({ en: 'Stop the game in this channel', es: 'Detén la partida de este canal' }),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'packs',
      ...localized({ en: 'List the question packs', es: 'Lista los paquetes de preguntas' }),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'forget-me',
      ...localized({ en: 'Delete all your Plot Trivia data', es: 'Borra todos tus datos de Plot Trivia' }),
    },
  ],
};

export const helpCommand: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  ...localized({ en: 'How to play Plot Trivia', es: 'Cómo jugar a Plot Trivia' }),
};

/** Boards and stats: this server's (its season, its time zone) or everyone's. */
const scopeOption: APIApplicationCommandOption = {
  type: ApplicationCommandOptionType.String,
  name: 'scope',
  ...localized({ en: 'This server or everyone', es: 'Este servidor o todos' }),
  choices: [
    { ...choiceName({ en: 'This server', es: 'Este servidor' }), value: 'server' },
    { ...choiceName({ en: 'Global', es: 'Global' }), value: 'global' },
  ],
};

export const leaderboardCommand: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'leaderboard',
  ...localized({ en: 'Top players', es: 'Mejores jugadores' }),
  ...guildOnly,
  options: [periodOption, scopeOption],
};

export const statsCommand: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'stats',
  ...localized({ en: 'Player statistics', es: 'Estadísticas de un jugador' }),
  ...guildOnly,
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: 'player',
      ...localized({ en: 'Whose stats (default: yours)', es: 'De quién (por defecto: tú)' }),
    },
    scopeOption,
  ],
};

export const dailyCommand: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'daily',
  ...localized({ en: "Today's daily challenge", es: 'El reto diario de hoy' }),
  ...guildOnly,
};

export const adminCommand: RESTPostAPIChatInputApplicationCommandsJSONBody = {
  type: ApplicationCommandType.ChatInput,
  name: 'trivia-admin',
  ...localized({ en: 'Plot Trivia server settings', es: 'Ajustes de Plot Trivia del servidor' }),
  ...guildOnly,
  default_member_permissions: manageServerOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'show',
      ...localized({ en: 'Show the current settings', es: 'Muestra los ajustes actuales' }),
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'language',
      ...localized({ en: 'Language of the bot on this server', es: 'Idioma del bot en este servidor' }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'language',
          ...localized({ en: 'Language', es: 'Idioma' }),
          required: true,
          choices: [
            { ...choiceName({ en: 'English', es: 'Inglés' }), value: 'en' },
            { ...choiceName({ en: 'Spanish', es: 'Español' }), value: 'es' },
            {
              ...choiceName({ en: "Follow each player's language", es: 'El idioma de cada jugador' }),
              value: 'auto',
            },
          ],
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'defaults',
      ...localized({ en: 'Default game settings', es: 'Ajustes por defecto de las partidas' }),
      options: [
        questionsOption,
        secondsOption,
        {
          type: ApplicationCommandOptionType.String,
          name: 'pack',
          ...localized({ en: 'Default pack', es: 'Paquete por defecto' }),
          autocomplete: true,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'timezone',
          ...localized({
            en: 'Server time zone (IANA, e.g. Europe/Madrid)',
            es: 'Zona horaria (IANA, p. ej. Europe/Madrid)',
          }),
          autocomplete: true,
          max_length: 64,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'packs',
      ...localized({ en: 'Turn a pack on or off', es: 'Activa o desactiva un paquete' }),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'pack',
          ...localized({ en: 'Pack', es: 'Paquete' }),
          required: true,
          autocomplete: true,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'enabled',
          ...localized({ en: 'On or off', es: 'Activado o no' }),
          required: true,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'daily',
      ...localized({ en: 'Set up the daily challenge', es: 'Configura el reto diario' }),
      options: [
        {
          type: ApplicationCommandOptionType.Channel,
          name: 'channel',
          ...localized({ en: 'Where to post it', es: 'Dónde publicarlo' }),
          channel_types: [0, 5],
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'time',
          ...localized({
            en: 'Local time, HH:MM (default 09:00)',
            es: 'Hora local, HH:MM (por defecto 09:00)',
          }),
          max_length: 5,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'timezone',
          ...localized({
            en: 'IANA time zone, e.g. Europe/Madrid',
            es: 'Zona horaria IANA, p. ej. Europe/Madrid',
          }),
          autocomplete: true,
          max_length: 64,
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: 'enabled',
          ...localized({ en: 'Turn it on or off', es: 'Actívalo o desactívalo' }),
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'reset-leaderboard',
      ...localized({
        en: "Start a new season of this server's leaderboard",
        es: 'Empieza una nueva temporada de la clasificación',
      }),
    },
  ],
};

export const ALL_COMMANDS = [
  triviaCommand,
  helpCommand,
  leaderboardCommand,
  statsCommand,
  dailyCommand,
  adminCommand,
];
