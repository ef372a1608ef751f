import { describe, expect, it } from '@jest/globals';
import { decodeTextFile, repairMisdecodedText } from '../../src/reading/repair-text.js';
import { windows1252 } from './make-files.js';

describe('repairMisdecodedText', () => {
  it.each([
    ['Ã©tÃ©', 'été'],
    ['piÃ¨ce', 'pièce'],
    ['fenÃªtre', 'fenêtre'],
    ['cÃ´tÃ©', 'côté'],
    ['Ã§a', 'ça'],
    // "à" is C3 A0 in UTF-8; read as Latin-1 the A0 (no-break space) shows as a space.
    ['Ã  la main', 'à la main'],
    ['l\u00e2\u0080\u0099entreprise', "l'entreprise"],
    ['2026 \u00e2\u0080\u0093 2027', '2026 - 2027'],
    ['100 \u00e2\u0082\u00ac', '100 €'],
    ['1\u00ff200', '1 200'],
  ])('repairs %s', (input, expected) => {
    expect(repairMisdecodedText(input)).toBe(expected);
  });

  it('leaves "oe" alone (upstream turned "coefficient" into "cœfficient")', () => {
    expect(repairMisdecodedText('coefficient du poele, Noël')).toBe('coefficient du poele, Noël');
  });

  it('keeps the ÿ of L’Haÿ-les-Roses', () => {
    expect(repairMisdecodedText("94240 L'Haÿ-les-Roses")).toBe("94240 L'Haÿ-les-Roses");
  });
});

describe('decodeTextFile', () => {
  it('decodes the Windows-1252 range 0x80–0x9F (€, œ, curly quotes, dashes)', () => {
    const text = 'Cœur – l’été : 1 200 €';
    expect(decodeTextFile(windows1252(text), 'windows-1252')).toBe(text);
  });

  it('falls back to Windows-1252 when a "UTF-8" file has invalid bytes further on', () => {
    expect(decodeTextFile(windows1252('façade'), 'utf-8')).toBe('façade');
  });

  it('drops the BOM and NUL bytes and normalises line ends, keeping form feeds', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0, 0x0d, 0x0a, 0x62, 0x0d, 0x0c, 0x63]);
    expect(decodeTextFile(bytes, 'utf-8')).toBe('a\nb\n\fc');
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x65, 0, 0xe9, 0]);
    expect(decodeTextFile(bytes, 'utf-16le')).toBe('eé');
  });
});
