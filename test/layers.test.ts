import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

describe('layer rules', () => {
  it('when core imports an adapter, discord.js or a node built-in, then the dependency check fails', async () => {
    const fixture = path.join(root, 'test/fixtures/layers');
    const result = await run(
      path.join(root, 'node_modules/.bin/depcruise'),
      ['src', '--config', path.join(root, '.dependency-cruiser.cjs')],
      { cwd: fixture },
    ).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/core-is-pure: src\/core\/bad\.ts → src\/adapters\/helper\.ts/);
    expect(result.stdout).toMatch(/core-is-pure: src\/core\/bad\.ts → .*discord\.js/);
    expect(result.stdout).toMatch(/core-is-pure: src\/core\/bad\.ts → fs/);
  });

  it('when core reads process, the clock or Math.random, then eslint fails', async () => {
    const eslint = new ESLint({ cwd: root });
    const [report] = await eslint.lintText(
      'export const leak = [process.env.X, Date.now(), Math.random()];\n',
      { filePath: path.join(root, 'src/core/layer-probe.ts') },
    );
    const rules = report?.messages.map((message) => message.ruleId) ?? [];
    expect(rules).toContain('no-restricted-globals');
    expect(rules.filter((rule) => rule === 'no-restricted-properties')).toHaveLength(2);
  });
});
