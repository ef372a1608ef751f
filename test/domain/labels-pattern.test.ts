/**
 * The lexicon's label matching (domain/mention-signs.ts `labelsPattern`): words of a label match
 * across spaces, apostrophes, dots and the degree sign of « n° » (« N° TVA intracom. »), never
 * inside a longer word.
 */
import { describe, expect, it } from '@jest/globals';
import { labelsPattern } from '../../src/domain/mention-signs.js';

const found = (labels: string[], text: string): string[] =>
  [...text.matchAll(labelsPattern(labels))].map((m) => m[0]);

describe('labelsPattern', () => {
  it.each([
    [['n tva'], 'n° tva intracom. fr54', ['n° tva']],
    [['n tva'], 'nº tva : fr54', ['nº tva']],
    [['numero de tva'], 'numéro de tva'.normalize('NFD').replace(/\p{M}/gu, ''), ['numero de tva']],
    [['tva intra'], 'tva intra : fr', ['tva intra']],
    [['tva intra'], 'tva intracom. fr54', []],
    [['rcs'], 'rcs lyon', ['rcs']],
    [['rcs'], 'rcsd-000', []],
  ])('%j in %s', (labels, text, expected) => {
    expect(found(labels, text)).toEqual(expected);
  });
});
