import { describe, expect, test } from '@jest/globals';
import { findInsurance } from '../../../src/extract/admin/insurance.js';
import { documentFromText } from '../../../src/extract/document.js';

describe('findInsurance', () => {
  test.each([
    [
      'Siège : 3 rue des Artisans – Assurance responsabilité civile et décennale : Mutuelle Exemple, contrat n° AMA-DEC-558214',
      'Mutuelle Exemple, contrat n° AMA-DEC-558214',
    ],
    [
      'Assurance décennale : Assureur Test, police n° 55.318.207',
      'Assureur Test, contrat n° 55.318.207',
    ],
  ])('%s', (line, value) => {
    expect(findInsurance(documentFromText(line).lines)?.value).toBe(value);
  });
});
