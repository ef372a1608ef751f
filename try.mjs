import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
const req = createRequire(import.meta.url);
const root = dirname(req.resolve('pdfjs-dist/package.json'));
const { buildLines } = await import(process.cwd() + '/dist/src/adapters/pdf/layout.js');
const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, cMapUrl: join(root, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(root,'standard_fonts')+'/', isEvalSupported: false, disableFontFace: true, verbosity: VerbosityLevel.ERRORS, password: process.argv[3] }).promise;
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const tc = await page.getTextContent();
  const frags = tc.items.filter(i => 'str' in i).map(i => ({ text: i.str, x: i.transform[4], y: i.transform[5], width: i.width, height: Math.hypot(i.transform[2], i.transform[3]) }));
  console.log(`=== page ${p}`);
  for (const l of buildLines(frags)) console.log(l.text);
}
