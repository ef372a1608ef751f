/**
 * The generator invents everything: no company, person, brand, identifier or amount of a corpus
 * truth may appear in what it writes (truth files and document text).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateQuotes, type GeneratedQuote } from './generate.js';
import { pdfText } from './pdf-text.js';
import { containsToken, corpusNeedles } from '../support/corpus-needles.js';
import { rulesValidator } from './rules-validator.js';

describe('generated quotes hold no data of the corpus', () => {
  let dir = '';
  let quotes: GeneratedQuote[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mdso-gen-leak-'));
    quotes = await generateQuotes({
      outDir: dir,
      count: 60,
      seed: 'leak-check',
      validate: rulesValidator,
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the corpus truths, and matches whole tokens only', () => {
    expect(containsToken('madame héloïse dupré, 12 rue x', 'héloïse')).toBe(true);
    expect(containsToken('total ttc 4 245,32 €', '4 245,32')).toBe(true);
    expect(containsToken('silo : trémie intégrée', 'rémi')).toBe(false);
  });

  it('no company, person, address, brand, identifier or amount of a corpus truth is generated', async () => {
    const needles = corpusNeedles();
    expect(needles.size).toBeGreaterThan(80);
    const leaks: string[] = [];
    for (const q of quotes) {
      const bytes = new Uint8Array(await readFile(join(dir, q.document)));
      const text = q.document.endsWith('.pdf')
        ? await pdfText(bytes)
        : new TextDecoder().decode(bytes);
      const haystack = `${await readFile(join(dir, q.truthFile), 'utf8')}\n${text}`.toLowerCase();
      for (const needle of needles)
        if (containsToken(haystack, needle)) leaks.push(`${q.document}: ${needle}`);
    }
    expect(leaks).toEqual([]);
  });
});
