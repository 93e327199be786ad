import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { applyMigrations, readMigrations } from './migrator.ts';
import { pgliteRunner } from './sql-runner.ts';

// Prisma's schema engine compiled to WASM: what `prisma migrate diff` runs, without the native binary the CLI
// would download. Its package expects a bundler to import the .wasm file, so we instantiate it ourselves.
interface WasmSchemaEngine {
  diff(params: {
    from: { tag: 'schemaDatasource'; files: SchemaFile[]; configDir: string };
    to: { tag: 'schemaDatamodel'; files: SchemaFile[] };
    script: boolean;
    exitCode: boolean;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}
interface SchemaFile {
  path: string;
  content: string;
}
interface SchemaEngineModule {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
  SchemaEngine: {
    new: (
      options: { datamodels: [string, string][] },
      log: (line: string) => void,
      adapter: object,
    ) => Promise<WasmSchemaEngine>;
  };
}

// Node has WebAssembly; our ES lib settings do not declare it, so describe the one call we make.
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(
        bytes: Uint8Array,
        imports: object,
      ): Promise<{ instance: { exports: Record<string, unknown> } }>;
    };
  }
).WebAssembly;

let enginePromise: Promise<SchemaEngineModule> | undefined;

async function loadEngineModule(): Promise<SchemaEngineModule> {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as SchemaEngineModule;
  const bytes = await readFile(path.join(packageDir, 'schema_engine_bg.wasm'));
  const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

export interface SchemaDiff {
  /** SQL that takes the database the migrations build to the one schema.prisma describes; empty when equal. */
  sql: string;
  hasChanges: boolean;
}

/** Replays the committed migrations into a throwaway in-memory PGlite and diffs it against schema.prisma. */
export async function diffMigrationsAgainstSchema(
  migrationsDir: string,
  schemaPath: string,
): Promise<SchemaDiff> {
  enginePromise ??= loadEngineModule();
  const engineModule = await enginePromise;
  const shadow = new PGlite();
  try {
    await applyMigrations(pgliteRunner(shadow), await readMigrations(migrationsDir));
    const schema: SchemaFile = { path: schemaPath, content: await readFile(schemaPath, 'utf8') };
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(shadow));
    const engine = await engineModule.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      () => {},
      adapter,
    );
    try {
      const result = await engine.diff({
        from: { tag: 'schemaDatasource', files: [schema], configDir: path.dirname(schemaPath) },
        to: { tag: 'schemaDatamodel', files: [schema] },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      const sql = result.stdout ?? '';
      return { sql, hasChanges: result.exitCode === 2 };
    } finally {
      engine.free();
    }
  } finally {
    await shadow.close();
  }
}
