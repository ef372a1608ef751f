#!/usr/bin/env node
// Entry point of the `mdso` command (package.json "bin"); the code is compiled to dist/ by `npm install`.
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
