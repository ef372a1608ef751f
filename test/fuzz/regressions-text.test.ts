/**
 * Named regression tests for the quadratic regular expressions the fuzz suite found (issue 9,
 * item 5): a line of 300 000 spaces, tabs or dots kept the reader busy for minutes, and the
 * claim loop with it. Each call below took over a minute before the fix; the jest time limit is
 * the bound. Also the size-only stream decoders of the bomb guard, against their generator.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildLines } from '../../src/adapters/pdf/layout.js';
import { inspectPdfStreams } from '../../src/adapters/pdf/pdf-streams.js';
import { createLzwCounter } from '../../src/adapters/pdf/stream-counters.js';
import { findEmails } from '../../src/extract/admin/contacts.js';
import { documentFromText } from '../../src/extract/document.js';
import { lzwZeros } from './hostile-pdfs.js';

const RUN = 300_000;

describe('long runs in a line are read in linear time', () => {
  it.each([
    ['spaces inside a line (/\\s+$/ and ` {2,}`)', `Devis${' '.repeat(RUN)}x`],
    ['tabs inside a line', `Devis${'\t'.repeat(RUN)}x`],
    ['trailing spaces', `Devis${' '.repeat(RUN)}`],
  ])('%s', (_name, line) => {
    const doc = documentFromText(line);
    expect(doc.lines[0]?.cells.map((c) => c.text)).toEqual(
      line.trimEnd().endsWith('x') ? ['Devis', 'x'] : ['Devis'],
    );
  });

  it('a run of dots is no e-mail address (EMAIL_FIND_RE rescanned it from every dot)', () => {
    expect(findEmails(`contact${'.'.repeat(RUN)}`)).toEqual([]);
    expect(findEmails(`${'.'.repeat(RUN)}devis@exemple.fr`).map((e) => e.value)).toEqual([
      'devis@exemple.fr',
    ]);
    expect(findEmails('écrire à devis@exemple.fr.').map((e) => e.value)).toEqual([
      'devis@exemple.fr',
    ]);
  });

  it('a text far right on a huge page keeps a bounded indent (/UserUnit 75000)', () => {
    const lines = buildLines([
      { text: 'DEVIS N 2026-042', x: 3_750_000, y: 100, width: 90, height: 11 },
    ]);
    expect(lines[0]?.text.trim()).toBe('DEVIS N 2026-042');
    expect(lines[0]?.text.length).toBeLessThan(300);
  });
});

describe('the size-only decoders of the bomb guard', () => {
  it('count what the LZW generator encodes: runs 1, 2…3 838, then 3 838 per repeat', () => {
    const runs = 1 + (3838 * 3839) / 2 - 1;
    expect(createLzwCounter().push(lzwZeros(100))).toBe(runs + 100 * 3838);
  });

  it('let the quotes of the fixtures through', async () => {
    for (const name of ['dev-02.pdf', 'dev-13-29-pages.pdf', 'dev-08-scan.pdf']) {
      const bytes = readFileSync(
        fileURLToPath(new URL(`../fixtures/files/${name}`, import.meta.url)),
      );
      expect(await inspectPdfStreams(bytes)).toMatchObject({ ok: true });
    }
  });
});
