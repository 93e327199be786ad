import type { Difficulty } from '../questions/question.ts';

export type DifficultySetting = Difficulty | 'any';

export interface GameSettings {
  /** 1–50. */
  questionCount: number;
  /** 10–120. */
  secondsPerQuestion: number;
  /** Absent means 'any'. */
  difficulty?: DifficultySetting;
  packId: string;
}

export const SETTINGS_LIMITS = {
  questionCount: { min: 1, max: 50 },
  secondsPerQuestion: { min: 10, max: 120 },
} as const;

export const DEFAULT_GAME_SETTINGS = {
  questionCount: 10,
  secondsPerQuestion: 20,
  difficulty: 'any',
} as const satisfies Omit<GameSettings, 'packId'>;

export type SettingsError =
  | { field: 'questionCount' | 'secondsPerQuestion'; code: 'not-an-integer' }
  | { field: 'questionCount' | 'secondsPerQuestion'; code: 'out-of-range'; min: number; max: number }
  | { field: 'difficulty'; code: 'invalid-difficulty' }
  | { field: 'packId'; code: 'missing-pack' };

export type SettingsValidation =
  { ok: true; settings: GameSettings } | { ok: false; errors: SettingsError[] };

/** Raw input as parsed from a command: any field may be missing or of the wrong type. */
export type RawGameSettings = { [K in keyof GameSettings]?: unknown };

/**
 * Validates every field and reports all problems at once. Missing counts fall back to the defaults;
 * the pack is required.
 */
export function validateGameSettings(input: RawGameSettings): SettingsValidation {
  const errors: SettingsError[] = [];

  const intField = (field: 'questionCount' | 'secondsPerQuestion'): number => {
    const value = input[field] ?? DEFAULT_GAME_SETTINGS[field];
    const { min, max } = SETTINGS_LIMITS[field];
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      errors.push({ field, code: 'not-an-integer' });
      return NaN;
    }
    if (value < min || value > max) errors.push({ field, code: 'out-of-range', min, max });
    return value;
  };

  const questionCount = intField('questionCount');
  const secondsPerQuestion = intField('secondsPerQuestion');

  const rawDifficulty = input.difficulty ?? DEFAULT_GAME_SETTINGS.difficulty;
  const difficulty = isDifficultySetting(rawDifficulty) ? rawDifficulty : undefined;
  if (difficulty === undefined) errors.push({ field: 'difficulty', code: 'invalid-difficulty' });

  const packId = typeof input.packId === 'string' ? input.packId.trim() : '';
  if (packId === '') errors.push({ field: 'packId', code: 'missing-pack' });

  if (errors.length > 0 || difficulty === undefined) return { ok: false, errors };
  return { ok: true, settings: { questionCount, secondsPerQuestion, difficulty, packId } };
}

function isDifficultySetting(value: unknown): value is DifficultySetting {
  return value === 1 || value === 2 || value === 3 || value === 'any';
}
