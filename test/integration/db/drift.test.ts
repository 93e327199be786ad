import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, SCHEMA_PATH } from '../../../src/adapters/db/paths.ts';
import { diffMigrationsAgainstSchema } from '../../../src/adapters/db/schema-engine.ts';

describe('schema drift', () => {
  it('when the committed migrations are replayed, then the database equals schema.prisma', async () => {
    const diff = await diffMigrationsAgainstSchema(MIGRATIONS_DIR, SCHEMA_PATH);
    // On failure the message shows the SQL `npm run db:diff -- <name>` would write.
    expect(diff.hasChanges, diff.sql).toBe(false);
  });
});
