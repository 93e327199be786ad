import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

describe('logger', () => {
  it('when a secret appears anywhere in a log line, then it is replaced before the line is written', () => {
    const token = 'MTAxNTk.secret-token.abcdefghijklmnop';
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', secrets: [token], write: (line) => lines.push(line) });
    logger.info({ url: `https://x/${token}`, nested: { detail: token } }, `login with ${token}`);
    logger.error(new Error(`failed for ${token}`));
    const output = lines.join('');
    expect(lines).toHaveLength(2);
    expect(output).not.toContain(token);
    expect(output).toContain('[redacted]');
  });
});
