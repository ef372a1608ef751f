/**
 * The engine must generalise, not memorise: no company, person, brand, identifier or amount of a
 * corpus document may appear in src/ (issue 2, "Beyond the corpus").
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { containsToken, corpusNeedles, corpusTruthDir } from './support/corpus-needles.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

describe('src/ holds no data of the corpus', () => {
  it('has corpus truths to compare with', () => {
    expect(
      readdirSync(corpusTruthDir).filter((f) => f.endsWith('.truth.json')).length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('no company, person, address, brand, identifier or amount of a corpus truth appears in src/', () => {
    const needles = corpusNeedles();
    expect(needles.size).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8').toLowerCase();
      for (const needle of needles)
        if (containsToken(text, needle)) leaks.push(`${file}: ${needle}`);
    }
    expect(leaks).toEqual([]);
  });
});
