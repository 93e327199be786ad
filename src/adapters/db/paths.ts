import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '..', '..', '..');
export const SCHEMA_PATH = path.join(projectRoot, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(projectRoot, 'prisma', 'migrations');
