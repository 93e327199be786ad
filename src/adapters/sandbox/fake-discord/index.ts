export {
  FakeDiscord,
  type FakeDiscordOptions,
  type MessageMeta,
  type MessagePredicate,
} from './fake-discord.ts';
export { InteractionHandle } from './handle.ts';
export {
  ImpossibleUserAction,
  type AutocompleteInput,
  type ButtonClickInput,
  type ModalSubmitInput,
  type OptionValue,
  type SelectInput,
  type SlashCommandInput,
} from './interactions.ts';
export { ErrorCode } from './errors.ts';
export { Limits } from './validate.ts';
export { shardForGuild } from './snowflake.ts';
export type { RateLimitOptions, RouteLimit } from './rate-limits.ts';
export type {
  FakeChannel,
  FakeGuild,
  FakeMember,
  FakeUser,
  InteractionCallbackRecord,
  InteractionStatus,
  MessageRecord,
  RecordedError,
  WorldEvents,
} from './world.ts';
