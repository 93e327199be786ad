import type { ServerSettings, SettingsPatch, SettingsStore } from '../core/storage.ts';

/**
 * Settings are read on every interaction (reply language) and change rarely. Each server's interactions reach
 * the one process (shard) that owns it, which also makes every change, so a per-process cache stays correct.
 */
export class CachedSettingsStore implements SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();

  constructor(private readonly store: SettingsStore) {}

  get(serverId: string): Promise<ServerSettings> {
    let cached = this.cache.get(serverId);
    if (!cached) {
      cached = this.store.get(serverId);
      this.cache.set(serverId, cached);
      // A failed read must not be cached: the next interaction tries the database again.
      cached.catch(() => this.cache.delete(serverId));
    }
    return cached;
  }

  async update(serverId: string, patch: SettingsPatch): Promise<ServerSettings> {
    this.cache.delete(serverId);
    const updated = await this.store.update(serverId, patch);
    this.cache.set(serverId, Promise.resolve(updated));
    return updated;
  }

  async resetLeaderboard(serverId: string, resetBy: string, at: number): Promise<number> {
    this.cache.delete(serverId);
    const season = await this.store.resetLeaderboard(serverId, resetBy, at);
    this.cache.delete(serverId);
    return season;
  }
}
