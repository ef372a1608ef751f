/**
 * `npm run bench`: builds dist/ once, then runs every `bench/*.bench.mjs` (or `.bench.js`) in
 * its own node process, in name order. Benchmarks print figures; they never fail on timing,
 * so the exit code is non-zero only when a benchmark crashes.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.warn('bench: the build reported errors; benchmarks run on what it emitted.');
}

const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => /\.bench\.m?js$/u.test(name))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let failed = 0;
for (const name of files) {
  console.log(`\n== ${name}`);
  const run = spawnSync(process.execPath, [join(benchDir, name)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.error(`bench: ${name} exited with ${run.status ?? run.signal}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
