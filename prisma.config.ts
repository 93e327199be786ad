import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The CLI downloads a native schema engine before every command unless this names an existing file. Our own
// offline migrator replaces what the engine did for us; an operator who has the native engine can point the
// variable at it (or set PRISMA_USE_NATIVE_ENGINE=1 to let the CLI fetch it) and use `prisma migrate deploy`.
if (!process.env.PRISMA_USE_NATIVE_ENGINE && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(import.meta.dirname, 'prisma', 'no-schema-engine.sh');
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
});
