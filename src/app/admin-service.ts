// Server settings use cases. Every change is validated here (not only by Discord's option bounds, which a
// server admin's client or a forged request can get around) and reported field by field.
import { SETTINGS_LIMITS } from '../core/game/settings.ts';
import { canonicalTimeZone } from '../core/time/zoned.ts';
import type { Clock } from '../core/ports.ts';
import type { QuestionBank, ServerSettings, SettingsPatch, SettingsStore } from '../core/storage.ts';

export type AdminError =
  | { field: 'questions'; min: number; max: number }
  | { field: 'seconds'; min: number; max: number }
  | { field: 'pack'; unknown: string }
  | { field: 'pack'; lastEnabled: string }
  | { field: 'timeZone'; unknown: string }
  | { field: 'language'; unknown: string };

export type AdminResult = { ok: true; settings: ServerSettings } | { ok: false; errors: AdminError[] };

export interface DefaultsChange {
  questions?: number | undefined;
  seconds?: number | undefined;
  packId?: string | undefined;
  timeZone?: string | undefined;
}

const inRange = (value: number, limits: { min: number; max: number }) =>
  Number.isInteger(value) && value >= limits.min && value <= limits.max;

export class AdminService {
  constructor(
    private readonly settings: SettingsStore,
    private readonly bank: QuestionBank,
    private readonly clock: Clock,
  ) {}

  show(serverId: string): Promise<ServerSettings> {
    return this.settings.get(serverId);
  }

  async setLanguage(serverId: string, language: string): Promise<AdminResult> {
    if (language !== 'en' && language !== 'es' && language !== 'auto') {
      return { ok: false, errors: [{ field: 'language', unknown: language }] };
    }
    return {
      ok: true,
      settings: await this.settings.update(serverId, { language }),
    };
  }

  async setDefaults(serverId: string, change: DefaultsChange): Promise<AdminResult> {
    const errors: AdminError[] = [];
    const patch: SettingsPatch = {};
    if (change.questions !== undefined) {
      if (inRange(change.questions, SETTINGS_LIMITS.questionCount)) patch.defaultQuestions = change.questions;
      else errors.push({ field: 'questions', ...SETTINGS_LIMITS.questionCount });
    }
    if (change.seconds !== undefined) {
      if (inRange(change.seconds, SETTINGS_LIMITS.secondsPerQuestion)) patch.defaultSeconds = change.seconds;
      else errors.push({ field: 'seconds', ...SETTINGS_LIMITS.secondsPerQuestion });
    }
    if (change.packId !== undefined) {
      if (this.bank.pack(change.packId)) patch.defaultPackId = change.packId;
      else errors.push({ field: 'pack', unknown: change.packId });
    }
    if (change.timeZone !== undefined) {
      const zone = canonicalTimeZone(change.timeZone);
      if (zone) patch.timeZone = zone;
      else errors.push({ field: 'timeZone', unknown: change.timeZone });
    }
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, settings: await this.settings.update(serverId, patch) };
  }

  async setPackEnabled(serverId: string, packId: string, enabled: boolean): Promise<AdminResult> {
    if (!this.bank.pack(packId)) return { ok: false, errors: [{ field: 'pack', unknown: packId }] };
    const current = await this.settings.get(serverId);
    // An empty list means "all packs": turning one off lists all the others explicitly.
    const all = this.bank.packs().map((pack) => pack.id);
    const enabledNow = new Set(current.enabledPackIds.length === 0 ? all : current.enabledPackIds);
    if (enabled) enabledNow.add(packId);
    else enabledNow.delete(packId);
    const list = all.filter((id) => enabledNow.has(id));
    if (list.length === 0) return { ok: false, errors: [{ field: 'pack', lastEnabled: packId }] };
    return {
      ok: true,
      settings: await this.settings.update(serverId, {
        enabledPackIds: list.length === all.length ? [] : list,
      }),
    };
  }

  /** A new season: old totals stay in the database (the reset is recorded), leaderboards start from zero. */
  resetLeaderboard(serverId: string, resetBy: string): Promise<number> {
    return this.settings.resetLeaderboard(serverId, resetBy, this.clock.now());
  }
}
