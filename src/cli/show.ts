/** `mdso show ID [--json]`: a stored check or case, as the API gives it (spec/api.md §6.1/§6.2). */
import { parseArgs } from 'node:util';
import { linkSettings, type Config } from '../config.js';
import { serializeQuoteCheck } from '../api/serializers/quote-check.js';
import { serializeQuotesCase } from '../api/serializers/quotes-case.js';
import { findRecord } from '../db/records-repo.js';
import type { CommandIo } from './check.js';
import { formatRecord } from './record-summary.js';
import { EXIT_OK, NotFoundError, toJsonLine, UsageError } from './usage.js';
import { withDeps } from './with-deps.js';

export async function runShow(args: string[], config: Config, io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [id, extra] = positionals;
  if (!id || extra) throw new UsageError('show attend un identifiant de devis ou de dossier.');
  return withDeps(config, {}, async (deps) => {
    const record = await findRecord(deps.db, id);
    if (!record) throw new NotFoundError(`Aucun devis ni dossier avec l’identifiant ${id}.`);
    const links = linkSettings(config);
    if (values.json) {
      const json =
        record.kind === 'check'
          ? serializeQuoteCheck(record.check, { filename: record.filename }, links)
          : serializeQuotesCase(record.quotesCase, record.checks, links);
      io.stdout.write(`${toJsonLine(json)}\n`);
    } else {
      io.stdout.write(`${formatRecord(record)}\n`);
    }
    return EXIT_OK;
  });
}
