/** `mdso migrate`: applies the pending database migrations and says which ran. */
import type { Config } from '../config.js';
import { openDatabase, redactUrl } from '../db/database.js';
import { migrateLatest } from '../db/migrations.js';
import { createLogger } from '../logger.js';
import type { CommandIo } from './check.js';
import { EXIT_OK, UsageError } from './usage.js';

export async function runMigrate(args: string[], config: Config, io: CommandIo): Promise<number> {
  if (args.length > 0) throw new UsageError(`migrate ne prend pas d'argument (reçu : ${args[0]}).`);
  const logger = createLogger({ level: config.LOG_LEVEL, destination: 'stderr' });
  const db = await openDatabase(config, logger, { migrate: false });
  try {
    const ran = await migrateLatest(db.knex);
    io.stdout.write(`Base de données : ${redactUrl(db.url)}\n`);
    if (ran.length === 0) {
      io.stdout.write('Schéma à jour : aucune migration à appliquer.\n');
    } else {
      io.stdout.write(
        `${ran.length} migration${ran.length > 1 ? 's' : ''} appliquée${ran.length > 1 ? 's' : ''} :\n`,
      );
      for (const name of ran) io.stdout.write(`  ${name}\n`);
    }
    return EXIT_OK;
  } finally {
    await db.close();
  }
}
