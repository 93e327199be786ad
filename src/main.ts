// The composition root: the only file that builds concrete objects and reads process.env.
import 'dotenv/config';
import { openDatabase } from './adapters/db/database.ts';
import { databaseOptions } from './adapters/db/options.ts';
import { parseConfig } from './config.ts';
import { createLogger } from './logger.ts';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  for (const error of parsed.errors) console.error(`config: ${error}`);
  process.exit(1);
}
const config = parsed.config;
const logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });

const database = await openDatabase(databaseOptions(config));
const report = await database.migrate();
logger.info({ database: database.description, applied: report.applied }, 'database ready');
console.log('Set DISCORD_TOKEN in .env to connect to Discord (the local sandbox is not built yet).');
await database.close();
