import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../../src/adapters/discord/commands/definitions.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

describe('deploy:commands', () => {
  it('when run with --print, then it prints exactly the command definitions and touches nothing', async () => {
    const { stdout } = await run(
      path.join(root, 'node_modules/.bin/tsx'),
      ['src/adapters/discord/deploy-commands.ts', '--print'],
      { cwd: root, env: { ...process.env, DISCORD_TOKEN: '' } },
    );
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(ALL_COMMANDS)));
  });

  it('when the definitions are listed, then every description is localized for en-US, es-ES and es-419', () => {
    const descriptions: { description_localizations?: Record<string, string> | null }[] = [];
    const walk = (node: {
      description_localizations?: Record<string, string> | null;
      options?: unknown[];
    }) => {
      descriptions.push(node);
      for (const option of (node.options ?? []) as (typeof node)[]) walk(option);
    };
    for (const command of ALL_COMMANDS) walk(command as Parameters<typeof walk>[0]);
    expect(descriptions.length).toBeGreaterThan(30);
    for (const node of descriptions) {
      expect(Object.keys(node.description_localizations ?? {})).toEqual(
        expect.arrayContaining(['en-US', 'es-ES', 'es-419']),
      );
    }
  });
});
