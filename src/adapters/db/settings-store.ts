import type { ServerSettings, SettingsPatch, SettingsStore } from '../../core/storage.ts';
import type { PrismaClient, Server } from './generated/client.ts';

/** Servers appear on first use; creating the row is idempotent under concurrency. */
export async function ensureServer(prisma: PrismaClient, serverId: string): Promise<Server> {
  return prisma.server.upsert({ where: { id: serverId }, create: { id: serverId }, update: {} });
}

function toSettings(row: Server): ServerSettings {
  return {
    serverId: row.id,
    language: row.language,
    defaultQuestions: row.defaultQuestions,
    defaultSeconds: row.defaultSeconds,
    defaultPackId: row.defaultPackId ?? undefined,
    enabledPackIds: row.enabledPackIds,
    timeZone: row.timeZone,
    dailyChannelId: row.dailyChannelId ?? undefined,
    dailyTime: row.dailyTime,
    dailyEnabled: row.dailyEnabled,
    dailyLastError: row.dailyLastError ?? undefined,
    dailyErrorNotified: row.dailyErrorNotified,
    season: row.season,
  };
}

export class PrismaSettingsStore implements SettingsStore {
  constructor(private readonly prisma: PrismaClient) {}

  async get(serverId: string): Promise<ServerSettings> {
    const row = await this.prisma.server.findUnique({ where: { id: serverId } });
    return toSettings(row ?? (await ensureServer(this.prisma, serverId)));
  }

  async update(serverId: string, patch: SettingsPatch): Promise<ServerSettings> {
    const data = {
      ...patch,
      // Prisma distinguishes "leave as is" (undefined) from "clear" (null).
      ...('defaultPackId' in patch ? { defaultPackId: patch.defaultPackId ?? null } : {}),
      ...('dailyChannelId' in patch ? { dailyChannelId: patch.dailyChannelId ?? null } : {}),
      ...('dailyLastError' in patch ? { dailyLastError: patch.dailyLastError ?? null } : {}),
    };
    const row = await this.prisma.server.upsert({
      where: { id: serverId },
      create: { id: serverId, ...data },
      update: data,
    });
    return toSettings(row);
  }

  async resetLeaderboard(serverId: string, resetBy: string, at: number): Promise<number> {
    await ensureServer(this.prisma, serverId);
    return this.prisma.$transaction(async (tx) => {
      const server = await tx.server.update({
        where: { id: serverId },
        data: { season: { increment: 1 } },
        select: { season: true },
      });
      await tx.leaderboardReset.create({
        data: { serverId, resetBy, fromSeason: server.season - 1, at: new Date(at) },
      });
      return server.season;
    });
  }
}
