import { describe, expect, test } from '@jest/globals';
import {
  findLegalForms,
  nameFromLegalLine,
  stripLegalForm,
} from '../../../src/extract/admin/legal-form.js';

describe('findLegalForms', () => {
  test.each([
    ['SARL au capital', 'SARL'],
    ['S.A.R.L. au capital', 'SARL'],
    ['SAS au capital', 'SAS'],
    ['S.A.S.U.', 'SASU'],
    ['EURL', 'EURL'],
    ['EIRL Dupont', 'EIRL'],
    ['Dupont – EI – SIRET', 'EI'],
    ['entrepreneur individuel', 'EI'],
    ['Micro-entreprise', 'EI'],
    ['Société par actions simplifiée', 'SAS'],
    ['société à responsabilité limitée', 'SARL'],
    ['SCOP ARL', 'SCOP'],
    ['SNC Dupont', 'SNC'],
  ])('%s → %s', (text, form) => {
    expect(findLegalForms(text)[0]?.form).toBe(form);
  });

  test('letters inside words are not legal forms', () => {
    expect(findLegalForms('SASSENAGE, Seine, EIFFEL, Sas de sécurité')).toEqual([]);
  });
});

describe('nameFromLegalLine', () => {
  test.each([
    [
      'ATELIER EXEMPLE – SARL au capital de 15 000 € – SIRET 732 829 320 00074',
      'ATELIER EXEMPLE',
      'SARL',
    ],
    ['Atelier Exemple – EI – SIRET 732 829 320 00074', 'Atelier Exemple', 'EI'],
    ['SAS ATELIER EXEMPLE au capital de 10 000 €', 'ATELIER EXEMPLE', 'SAS'],
    ['ATELIER EXEMPLE SASU au capital de 1 000 € – 12 rue X', 'ATELIER EXEMPLE', 'SASU'],
    ["L'ATELIER (SAS)", "L'ATELIER", 'SAS'],
    ['ATELIER EXEMPLE, SARL au capital de 5000€ - SIRET', 'ATELIER EXEMPLE', 'SARL'],
    ['Siège : 12 rue X 75000 Paris | SARL au capital de 5 000 €', undefined, 'SARL'],
  ])('%s', (line, name, form) => {
    expect(nameFromLegalLine(line)).toEqual({ name, form });
  });
});

test('stripLegalForm', () => {
  expect(stripLegalForm('SARL ATELIER EXEMPLE')).toEqual({ name: 'ATELIER EXEMPLE', form: 'SARL' });
  expect(stripLegalForm("RENOV'EXEMPLE SAS")).toEqual({ name: "RENOV'EXEMPLE", form: 'SAS' });
  expect(stripLegalForm('ATELIER EXEMPLE')).toEqual({ name: 'ATELIER EXEMPLE' });
});
