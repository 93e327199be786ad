import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../../src/adapters/db/data-dir-lock.ts';

describe('embedded data directory lock', () => {
  let dir = '';
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when another live process holds the data directory, then opening it fails with a clear error', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pt-lock-'));
    const other = spawn('sleep', ['30']);
    try {
      await writeFile(path.join(dir, 'plot-trivia.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(/in use by another Plot Trivia process \(pid \d+\)/);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('when the holder died without releasing (SIGKILL), then the lock is taken over', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pt-lock-'));
    const dead = spawn('true');
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(path.join(dir, 'plot-trivia.lock'), String(dead.pid));
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(path.join(dir))).not.toThrow(); // same process re-entering is allowed
    lock.release();
  });
});
