/** The `mdso` command line: one file per command, dispatched here (DESIGN.md §10). */
import { ConfigError, loadConfig } from '../config.js';
import { runBrevoSetupWebhook } from './brevo-setup-webhook.js';
import { runCheck, type CommandIo } from './check.js';
import { runIngest } from './ingest.js';
import { runMigrate } from './migrate.js';
import { runRecheck } from './recheck.js';
import { runServe } from './serve.js';
import { runShow } from './show.js';
import { runSubmit } from './submit.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, USAGE, UsageError } from './usage.js';
import { runValidate } from './validate.js';

type Command = (
  args: string[],
  config: ReturnType<typeof loadConfig>,
  io: CommandIo,
) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  'brevo:setup-webhook': runBrevoSetupWebhook,
  check: runCheck,
  ingest: runIngest,
  migrate: runMigrate,
  recheck: runRecheck,
  serve: runServe,
  show: runShow,
  submit: runSubmit,
  validate: runValidate,
};

export async function main(argv: string[], io: CommandIo = process): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`Commande inconnue : ${name}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await command(args, loadConfig(), io);
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.stderr.write(`${err.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (err instanceof ConfigError) {
      io.stderr.write(`${err.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(
      `Erreur interne : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return EXIT_INTERNAL;
  }
}
