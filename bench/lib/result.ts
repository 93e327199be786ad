// What every scenario returns: figures with their target and the same-run reference they are compared with.

export type Verdict = 'pass' | 'miss' | 'report' | 'n/a';

export interface Figure {
  /** What was measured, e.g. "click -> locked in p99". */
  metric: string;
  value: number | string;
  unit?: string;
  /** The same-run reference, formatted ("bare bot p99 12.3 ms"). */
  reference?: string;
  /** value / reference (or as the target defines it), when there is a reference. */
  ratio?: number;
  /** Human-readable target ("<= 2x bare"), absent for report-only figures. */
  target?: string;
  verdict: Verdict;
}

export interface ScenarioResult {
  name: string;
  title: string;
  status: 'ok' | 'failed' | 'not-available';
  durationMs: number;
  figures: Figure[];
  /** Why a target is missed, what was scaled down, anything a reader must know to trust the numbers. */
  notes: string[];
  /** Raw measurements and query plans. */
  details?: Record<string, unknown>;
  /** Markdown printed after the table in docs/bench.md (e.g. query plans). */
  appendix?: string;
}

export interface Scenario {
  name: string;
  title: string;
  run(): Promise<Omit<ScenarioResult, 'name' | 'title' | 'durationMs'>>;
}

export function check(pass: boolean): Verdict {
  return pass ? 'pass' : 'miss';
}
