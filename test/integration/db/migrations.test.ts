import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError, readMigrations } from '../../../src/adapters/db/migrator.ts';
import { MIGRATIONS_DIR } from '../../../src/adapters/db/paths.ts';
import { describeEachDatabase } from '../../support/databases.ts';

describeEachDatabase('migrations', (use) => {
  it('when the committed migrations were applied, then they are recorded as prisma migrate deploy records them', async () => {
    const migrations = await readMigrations(MIGRATIONS_DIR);
    const rows = await use().sql.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date | null;
      logs: string | null;
    }>(
      'SELECT migration_name, checksum, applied_steps_count, finished_at, logs FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const [index, row] of rows.entries()) {
      const file = migrations[index]!;
      expect(row.checksum).toBe(createHash('sha256').update(file.script).digest('hex'));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.logs).toBeNull();
    }
  });

  it('when the migrations are applied again, then nothing changes', async () => {
    const before = await use().sql.query('SELECT * FROM "_prisma_migrations" ORDER BY id');
    const report = await use().migrate();
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied.length).toBeGreaterThan(0);
    expect(await use().sql.query('SELECT * FROM "_prisma_migrations" ORDER BY id')).toEqual(before);
  });

  it('when the migrations table has the native column layout, then the native CLI can read it', async () => {
    const columns = await use().sql.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => [column.column_name, column.data_type, column.is_nullable])).toEqual([
      ['id', 'character varying', 'NO'],
      ['checksum', 'character varying', 'NO'],
      ['finished_at', 'timestamp with time zone', 'YES'],
      ['migration_name', 'character varying', 'NO'],
      ['logs', 'text', 'YES'],
      ['rolled_back_at', 'timestamp with time zone', 'YES'],
      ['started_at', 'timestamp with time zone', 'NO'],
      ['applied_steps_count', 'integer', 'NO'],
    ]);
  });

  it('when a migration fails, then it is recorded with its error, rolled back, and blocks the next run', async () => {
    const committed = await readMigrations(MIGRATIONS_DIR);
    const broken = {
      name: '99990101000000_broken',
      // The first statement succeeds; the whole migration must still roll back as one transaction.
      script: 'CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n',
      checksum: 'x'.repeat(64),
    };
    await expect(applyMigrations(use().sql, [...committed, broken])).rejects.toThrow(/no_such_table/);
    const [row] = await use().sql.query<{ finished_at: Date | null; logs: string }>(
      `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = $1`,
      [broken.name],
    );
    expect(row?.finished_at).toBeNull();
    expect(row?.logs).toMatch(/no_such_table/);
    const halfDone = await use().sql.query(`SELECT to_regclass('"half_done"') AS t`);
    expect(halfDone[0]?.t).toBeNull();

    const next = applyMigrations(use().sql, committed);
    await expect(next).rejects.toBeInstanceOf(MigrationError);
    await expect(applyMigrations(use().sql, committed)).rejects.toThrow(
      /failed earlier and blocks new migrations/,
    );

    await use().sql.query(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`,
      [broken.name],
    );
    await expect(applyMigrations(use().sql, committed)).resolves.toMatchObject({ applied: [] });
  });
});

describe('migration files', () => {
  it('when listed, then they are in Prisma format: <timestamp>_<name>/migration.sql plus migration_lock.toml', async () => {
    const migrations = await readMigrations(MIGRATIONS_DIR);
    expect(migrations.length).toBeGreaterThan(0);
    for (const migration of migrations) expect(migration.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });
});
