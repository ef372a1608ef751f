/**
 * Fuzz suite, files (issue 9, item 5): seeded mutated PDFs, images and text quotes, and every
 * hostile file (decompression bombs, deep nesting, absurd page sizes, broken images), submitted
 * to the real service process and checked by its pipeline (PDF workers, OCR, rules). Every file
 * must end final with a French finding within the per-file limit, the service must log no error
 * and stay under 400 MB (its children too). `MDSO_FUZZ_SEED=<seed>` replays another run;
 * failures name the seed and the file (`<seed file>+<mutations>#<index>` or `hostile:<name>`).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import { describeFailures, inspectCheck, type CheckSummary } from './fuzz-expectations.js';
import { buildFuzzFiles, type FuzzFile } from './fuzz-files.js';
import { fuzzSeed } from './fuzz-seed.js';
import { startFuzzService, type FuzzService } from './fuzz-service.js';

const MAX_RSS_KB = 400 * 1024;

let service: FuzzService;
let files: FuzzFile[];
const checkOf = new Map<string, FuzzFile>();
const failures = new Map<string, string[]>();
const fail = (input: string, problem: string): void => {
  failures.set(input, [...(failures.get(input) ?? []), problem]);
};

beforeAll(async () => {
  [service, files] = await Promise.all([startFuzzService(), buildFuzzFiles()]);
}, 90_000);

afterAll(async () => {
  await service?.stop();
});

describe(`fuzz: files (seed ${fuzzSeed()})`, () => {
  it('submits every file as a quote check', async () => {
    for (const file of files) {
      const { checks } = await submitFiles(
        service.database.knex,
        [{ filename: file.filename, bytes: file.bytes }],
        { profile: 'artisan' },
      );
      const id = checks[0]?.id;
      if (id) checkOf.set(id, file);
      else fail(file.name, 'no check created');
    }
    expect(checkOf.size).toBe(files.length);
  }, 60_000);

  it('ends every file with a French finding, within the per-file limit', async () => {
    await service.waitIdle(240_000);
    const summaries: CheckSummary[] = [];
    for (const [id, file] of checkOf) {
      const { problems, summary } = await inspectCheck(service.database.knex, id);
      summaries.push(summary);
      for (const problem of problems)
        fail(`${file.name} (${JSON.stringify(file.filename)})`, problem);
    }
    for (const line of service.errorLogs) fail('service log', line);
    const slowest = summaries.reduce((a, b) => (b.processingMs > a.processingMs ? b : a));
    console.log(
      `fuzz files (seed ${fuzzSeed()}): ${summaries.length} files, slowest ` +
        `${checkOf.get(slowest.id)?.name} ${slowest.processingMs} ms, ` +
        `peak RSS ${JSON.stringify(service.peak())}`,
    );
    expect(describeFailures(fuzzSeed(), failures)).toBe(describeFailures(fuzzSeed(), new Map()));
  }, 300_000);

  it('refuses every decompression bomb with its own French finding', async () => {
    for (const [id, file] of checkOf) {
      if (!file.name.startsWith('hostile:flate-bomb') && file.name !== 'hostile:lzw-bomb') continue;
      const { summary } = await inspectCheck(service.database.knex, id);
      const check = await service.database.knex('quote_checks').where({ id }).first('reading');
      expect({ file: file.name, codes: summary.codes }).toEqual({
        file: file.name,
        codes: ['file_reading_error'],
      });
      expect((check as { reading: { problem: string } }).reading.problem).toMatch(/décompressé/u);
    }
  });

  it('keeps the service and its children under 400 MB, and stops cleanly', async () => {
    const { peak, exitCode } = await service.stop();
    expect(peak.processKb).toBeLessThanOrEqual(MAX_RSS_KB);
    expect(peak.childKb).toBeLessThanOrEqual(MAX_RSS_KB);
    expect(exitCode).toBe(0);
  }, 60_000);
});
