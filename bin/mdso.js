#!/usr/bin/env node
// Entry point of the `mdso` command (package.json "bin"); the code is compiled to dist/ by `npm install`.
import { main } from '../dist/src/cli/main.js';

// A reader that stops early (`mdso check … | head`) closes the pipe: stop quietly, as Unix
// tools do, instead of crashing on EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

process.exitCode = await main(process.argv.slice(2));
