/**
 * One cold extraction in a fresh process, the way `pdftotext -layout FILE -` is run: start,
 * load pdfjs, read FILE, print its text, exit. Compares process models, not pool reuse.
 */
import { readFileSync } from 'node:fs';
import { extractPdfText } from '../../dist/src/adapters/pdf/pdf-text.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: extract-once.mjs FILE.pdf\n');
  process.exit(2);
}
const result = await extractPdfText(new Uint8Array(readFileSync(file)), { transferBytes: true });
if (!result.ok) {
  process.stderr.write(`extraction failed: ${result.failure}\n`);
  process.exit(1);
}
process.stdout.write(result.doc.text);
