/** `npm run generate-quotes -- OUT_DIR [--count N] [--seed S]`: writes generated quotes and their truths. */
import { parseArgs } from 'node:util';
import { generateQuotes } from './generate.js';
import { rulesValidator } from './rules-validator.js';

const USAGE = 'Usage: npm run generate-quotes -- OUT_DIR [--count N] [--seed S]\n';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { count: { type: 'string', default: '24' }, seed: { type: 'string', default: '1' } },
  });
  const [outDir] = positionals;
  const count = Number(values.count);
  if (!outDir || positionals.length > 1 || !Number.isInteger(count) || count < 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const quotes = await generateQuotes({
    outDir,
    count,
    seed: values.seed,
    validate: rulesValidator,
  });
  const layouts = new Set(quotes.map((q) => q.layout));
  const types = new Set(quotes.flatMap((q) => q.types));
  process.stdout.write(
    `${quotes.length} quote(s) written to ${outDir} (seed ${values.seed}): ${layouts.size} layouts, ${types.size} geste types.\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(
    `Internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return 1;
});
