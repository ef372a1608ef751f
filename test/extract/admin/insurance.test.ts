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
    // a policy number printed in groups
    [
      'Assurance décennale : MMA IARD, contrat n° 146 802 557 – activités couvertes : isolation',
      'MMA IARD, contrat n° 146 802 557',
    ],
    ['Assurance décennale : SMABTP, contrat n° 462819 Q 1207', 'SMABTP, contrat n° 462819 Q 1207'],
    // « Décennale » alone after a separator
    [
      'SAS EXEMPLE – SIRET 35314774700045 – Décennale MAAF Assurances, contrat n° 158734211 D',
      'MAAF Assurances, contrat n° 158734211 D',
    ],
    // a qualifier before the colon, after a full stop
    [
      'Pose par notre partenaire. Assurance décennale des prestations de pose : SMABTP (partenaire), police n° 318 552 D',
      'SMABTP, contrat n° 318 552 D',
    ],
    // where the insurer is, not part of its name
    ['Assurance décennale souscrite auprès de SMABTP situé CS 53647, Lyon', 'SMABTP'],
  ])('%s', (line, value) => {
    expect(findInsurance(documentFromText(line).lines)?.value).toBe(value);
  });

  test('a label ending its line continues on the next one', () => {
    const lines = [
      'SARL EXEMPLE au capital de 40 000 € – SIRET 77365026200027 – Assurance',
      'décennale Groupama Grand Est, contrat n° 11704588 K',
    ];
    expect(findInsurance(documentFromText(lines.join('\n')).lines)?.value).toBe(
      'Groupama Grand Est, contrat n° 11704588 K',
    );
  });
});
