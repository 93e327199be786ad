// `npm run db:migrate`: applies pending migrations to the configured database, offline.
import 'dotenv/config';
import { parseConfig } from '../../../config.ts';
import { openDatabase } from '../database.ts';
import { databaseOptions } from '../options.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  for (const error of parsed.errors) console.error(`config: ${error}`);
  process.exit(1);
}
const database = await openDatabase(databaseOptions(parsed.config));
try {
  const report = await database.migrate();
  console.log(
    `${database.description}: ${report.applied.length} applied (${report.applied.join(', ') || 'none'}), ` +
      `${report.alreadyApplied.length} already applied.`,
  );
  for (const name of report.modified)
    console.warn(`warning: migration ${name} was modified after it was applied`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
