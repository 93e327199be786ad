import { OverwriteType, PermissionFlagsBits, type APIOverwrite } from 'discord-api-types/v10';

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What @everyone can do in a fresh community server. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.CreateInstantInvite |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.Connect |
  PermissionFlagsBits.Speak;

/** What the bot's managed role grants (what an invite link with these scopes would ask for). */
export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.AddReactions;

export interface PermissionSubject {
  guildId: string;
  ownerId: string;
  userId: string;
  /** Permissions of @everyone and of each of the member's roles. */
  everyone: bigint;
  roles: readonly { id: string; permissions: bigint }[];
}

/** Discord's documented algorithm: base permissions, then channel overwrites (everyone, roles, member). */
export function computePermissions(
  subject: PermissionSubject,
  overwrites: readonly APIOverwrite[] = [],
): bigint {
  if (subject.ownerId === subject.userId) return ALL_PERMISSIONS;
  let base = subject.everyone;
  for (const role of subject.roles) base |= role.permissions;
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;

  let perms = base;
  const everyone = overwrites.find((o) => o.id === subject.guildId);
  if (everyone) perms = (perms & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  const roleIds = new Set(subject.roles.map((r) => r.id));
  for (const o of overwrites) {
    if (o.type === OverwriteType.Role && roleIds.has(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  const member = overwrites.find((o) => o.type === OverwriteType.Member && o.id === subject.userId);
  if (member) perms = (perms & ~BigInt(member.deny)) | BigInt(member.allow);
  // Without View Channel nothing else in the channel applies.
  if ((perms & PermissionFlagsBits.ViewChannel) === 0n) return 0n;
  return perms;
}
