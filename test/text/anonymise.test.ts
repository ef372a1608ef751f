import { describe, expect, it } from '@jest/globals';
import { anonymiseText } from '../../src/text/anonymise.js';

describe('anonymiser', () => {
  it('replaces every listed value by its token, case-insensitively', () => {
    const text =
      'Madame Jeanne MARTIN, 3 rue des Lilas 75011 Paris, tél. 01 99 00 12 34, SIRET 12345678900011';
    const result = anonymiseText(text, {
      client: { nom: 'Martin', prenom: 'Jeanne' },
      client_adresses: ['3 rue des Lilas 75011 Paris'],
      telephones: ['01 99 00 12 34'],
      sirets: ['12345678900011'],
    });
    expect(result).toBe('Madame PRENOM NOM, CLIENT_ADRESS, tél. TELEPHONE, SIRET SIRET');
  });

  it('replaces whole tokens only (a capital of 1000 leaves 11000 alone, SAS leaves "sassy")', () => {
    const text = 'SAS au capital de 1000 € — prix 11000 € — enduit sassy';
    const result = anonymiseText(text, {
      capital_social: ['1000'],
      pro: { forme_juridique: 'SAS' },
    });
    expect(result).toBe(
      'FORME_JURIDIQUE au capital de CAPITAL_SOCIAL € — prix 11000 € — enduit sassy',
    );
  });

  it('matches values whose spacing differs from the text', () => {
    expect(anonymiseText('Tél : 01  99 00\n12 34', { telephones: ['01 99 00 12 34'] })).toBe(
      'Tél : TELEPHONE',
    );
  });

  it('escapes values that contain regular-expression characters', () => {
    expect(anonymiseText('n° QB/74612 (x)', { numero_rge: ['QB/74612 (x)'] })).toBe(
      'n° NUMERO_RGE',
    );
  });

  it('leaves a null text or missing attributes as they are', () => {
    expect(anonymiseText(null, {})).toBeNull();
    expect(anonymiseText('texte', null)).toBe('texte');
  });
});
