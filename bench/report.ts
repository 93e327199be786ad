// Markdown table of a bench run: printed by `npm run bench`, written to docs/bench.md, and runnable on its own
// (`npx tsx bench/report.ts [results.json]`) to print the table of the last run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Machine } from './lib/machine.ts';
import type { Figure, ScenarioResult } from './lib/result.ts';

export interface BenchRun {
  startedAt: string;
  durationMs: number;
  machine: Machine;
  /** The scenario filter of the run, if any (a partial run). */
  filter: string[];
  scenarios: ScenarioResult[];
}

const VERDICT: Record<Figure['verdict'], string> = {
  pass: '✅ pass',
  miss: '❌ miss',
  report: 'report',
  'n/a': 'n/a',
};

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function formatValue(figure: Figure): string {
  const value = typeof figure.value === 'number' ? figure.value.toLocaleString('en-US') : figure.value;
  return figure.unit ? `${value} ${figure.unit}` : value;
}

export function machineLine(machine: Machine): string {
  return (
    `${machine.nproc} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}` +
    (machine.postgres ? `, PostgreSQL ${machine.postgres}` : '')
  );
}

export function renderTable(run: BenchRun): string {
  const lines = [
    '| scenario | figure | value | reference (same run) | ratio | target | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const scenario of run.scenarios) {
    if (scenario.figures.length === 0) {
      lines.push(`| ${cell(scenario.title)} | ${scenario.status} | | | | | n/a |`);
      continue;
    }
    scenario.figures.forEach((figure, index) => {
      lines.push(
        `| ${index === 0 ? cell(scenario.title) : ''} | ${cell(figure.metric)} | ${cell(formatValue(figure))} | ` +
          `${cell(figure.reference ?? '')} | ${figure.ratio === undefined || !Number.isFinite(figure.ratio) ? '' : `${figure.ratio}x`} | ` +
          `${cell(figure.target ?? '')} | ${VERDICT[figure.verdict]} |`,
      );
    });
  }
  return lines.join('\n');
}

export function renderNotes(run: BenchRun): string {
  const lines: string[] = [];
  for (const scenario of run.scenarios) {
    if (scenario.notes.length === 0) continue;
    lines.push(`**${scenario.title}** (${(scenario.durationMs / 1000).toFixed(1)} s)`, '');
    for (const note of scenario.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function renderAppendix(run: BenchRun): string {
  return run.scenarios
    .filter((scenario) => scenario.appendix)
    .map((scenario) => `### ${scenario.title}\n\n${scenario.appendix ?? ''}\n`)
    .join('\n');
}

export function renderReport(run: BenchRun): string {
  return [
    `Run ${run.startedAt}, ${(run.durationMs / 1000).toFixed(0)} s in all${run.filter.length ? ` (only: ${run.filter.join(', ')})` : ''}.`,
    `Machine: ${machineLine(run.machine)}.`,
    '',
    renderTable(run),
    '',
    renderNotes(run),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = resolve(process.argv[2] ?? resolve(import.meta.dirname, 'results', 'latest.json'));
  console.log(renderReport(JSON.parse(readFileSync(file, 'utf8')) as BenchRun));
}
