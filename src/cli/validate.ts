/** `mdso validate [--json] [--today D]`: judges an attributes JSON object read on stdin. */
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import type { QuoteAttributes } from '../domain/attributes.js';
import { idFromBytes, judgeAttributes } from '../pipeline/check-document.js';
import { EXTRACTOR_VERSION } from '../extract/index.js';
import { RULES_VERSION } from '../rules/validate-quote.js';
import type { CommandIo } from './check.js';
import { outcomeJson } from './check.js';
import { formatSummary } from './summary.js';
import { checkTodayOption, EXIT_OK, toJsonLine, UsageError } from './usage.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function parseAttributes(raw: string): QuoteAttributes {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new UsageError("L'entrée standard doit contenir un objet JSON d'attributs de devis.");
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(
      "L'entrée standard doit contenir un objet JSON (et non un tableau ou une valeur).",
    );
  }
  return value as QuoteAttributes;
}

export async function runValidate(args: string[], config: Config, io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, today: { type: 'string' } },
  });
  if (positionals.length > 0)
    throw new UsageError('validate lit les attributs sur l’entrée standard.');
  const today = checkTodayOption(values.today);
  const raw = await readAll(io.stdin);
  const attributes = parseAttributes(raw);
  const id = idFromBytes(Buffer.from(raw, 'utf8'));
  const outcome = {
    id,
    reading: 'plain_text' as const,
    attributes,
    provenance: {},
    versions: { extractor: EXTRACTOR_VERSION, rules: RULES_VERSION },
    ...judgeAttributes(id, attributes, {
      today,
      priceRanges: config.priceRanges,
      frontendHost: config.FRONTEND_APPLICATION_HOST,
    }),
  };
  io.stdout.write(
    values.json
      ? `${toJsonLine(outcomeJson('-', outcome))}\n`
      : `${formatSummary('(entrée standard)', outcome)}\n`,
  );
  return EXIT_OK;
}
