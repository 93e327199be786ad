import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Every line passes through a scrubber that replaces each secret wherever it appears
 * (message, error stack, nested object), so a token can never reach a log line by accident.
 */
export function createLogger(options: {
  level: string;
  secrets: readonly (string | undefined)[];
  write?: (line: string) => void;
}): Logger {
  const secrets = options.secrets.filter((secret): secret is string => !!secret && secret.length >= 8);
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  return pino(
    { level: options.level, base: undefined, redact: ['token', '*.token', 'headers.authorization'] },
    {
      write(line: string) {
        let safe = line;
        for (const secret of secrets) safe = safe.split(secret).join('[redacted]');
        write(safe);
      },
    },
  );
}
