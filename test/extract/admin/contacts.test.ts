import { describe, expect, test } from '@jest/globals';
import {
  findEmails,
  findIbans,
  findPhones,
  findUrls,
} from '../../../src/extract/admin/contacts.js';

describe('findPhones', () => {
  test('every French format, printed form kept', () => {
    const text =
      'Tél. : 01 99 00 12 34 – Port. 06.39.98.71.52 – +33 (0)4 65 71 35 80 – fax 0261912347';
    expect(findPhones(text).map((p) => [p.value, p.raw])).toEqual([
      ['0199001234', '01 99 00 12 34'],
      ['0639987152', '06.39.98.71.52'],
      ['0465713580', '+33 (0)4 65 71 35 80'],
      ['0261912347', '0261912347'],
    ]);
  });

  test('identifiers and amounts are not phone numbers', () => {
    expect(findPhones('SIRET 812 754 034 00021 – 2 066,60 € – 81275403400021')).toEqual([]);
  });
});

test('findEmails', () => {
  expect(
    findEmails('contact@isol-exemple.fr, Jean.Dupont@mail.exemple.com.').map((e) => e.raw),
  ).toEqual(['contact@isol-exemple.fr', 'Jean.Dupont@mail.exemple.com']);
});

test('findUrls: www, scheme and labelled sites, not e-mail domains', () => {
  const text =
    'www.isol-exemple.fr – https://exemple.com/devis – Site web : renov-exemple.fr – a@b-exemple.fr';
  expect(findUrls(text).map((u) => u.raw)).toEqual([
    'www.isol-exemple.fr',
    'https://exemple.com/devis',
    'renov-exemple.fr',
  ]);
});

test('findIbans keeps valid IBANs only', () => {
  const text = 'IBAN : FR76 3000 6000 0112 3456 7890 189 – faux FR76 3000 6000 0112 3456 7890 188';
  expect(findIbans(text).map((i) => i.value)).toEqual(['FR7630006000011234567890189']);
});
