/** The `mdso` command line: one file per command, dispatched here (DESIGN.md §10). */
import { ConfigError, loadConfig } from '../config.js';
import type { CommandIo } from './check.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, NotFoundError, USAGE, UsageError } from './usage.js';

type Command = (
  args: string[],
  config: ReturnType<typeof loadConfig>,
  io: CommandIo,
) => Promise<number>;

/**
 * Each command is loaded when it runs: a command pays only for its own modules (the service
 * starts its job threads sooner, `mdso show` does not load the OCR or the mail stack).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  'brevo:setup-webhook': async () =>
    (await import('./brevo-setup-webhook.js')).runBrevoSetupWebhook,
  check: async () => (await import('./check.js')).runCheck,
  'export-metabase': async () => (await import('./export-metabase.js')).runExportMetabase,
  ingest: async () => (await import('./ingest.js')).runIngest,
  migrate: async () => (await import('./migrate.js')).runMigrate,
  recheck: async () => (await import('./recheck.js')).runRecheck,
  serve: async () => (await import('./serve.js')).runServe,
  show: async () => (await import('./show.js')).runShow,
  submit: async () => (await import('./submit.js')).runSubmit,
  validate: async () => (await import('./validate.js')).runValidate,
};

export async function main(argv: string[], io: CommandIo = process): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`Commande inconnue : ${name}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    const config = loadConfig();
    const command = await load();
    return await command(args, config, io);
  } catch (err) {
    if (err instanceof NotFoundError) {
      io.stderr.write(`${err.message}\n`);
      return EXIT_USAGE;
    }
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
