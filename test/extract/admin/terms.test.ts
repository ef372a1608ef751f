import { describe, expect, test } from '@jest/globals';
import {
  findStartDate,
  findStartDelay,
  findVisitDate,
  hasValidity,
} from '../../../src/extract/admin/terms.js';
import { documentFromText } from '../../../src/extract/document.js';

const linesOf = (...lines: string[]) => documentFromText(lines.join('\n')).lines;

describe('hasValidity', () => {
  test.each([
    "Validité : Devis valable 3 mois à compter de sa date d'émission.",
    'Offre valable 60 jours.',
    "Valable jusqu'au : 13/12/2026",
    "Devis valable jusqu'au 27 janvier 2027.",
    'Le présent devis est valable trois mois.',
    'Validité : 90 jours',
    'Validité 30 jours',
    "Durée de validité de l'offre : 2 mois",
    'Ce devis est valide 1 mois',
    'Date limite de validité : 31/12/2026',
    "Devis établi pour une durée d'un mois. Règlement : 40 % à la commande.",
  ])('%s', (line) => {
    expect(hasValidity(linesOf(line))).toBe(true);
  });

  test.each([
    "Qualification RGE n° E-E123456 – Qualibat 7131 – valable jusqu'au 31/05/2028",
    'Attestation valable sous réserve du paiement des cotisations.',
    "à défaut d'indication, sa durée de validité est de trois mois",
    'Devis gratuit',
  ])('not a validity of the quote: %s', (line) => {
    expect(hasValidity(linesOf(line))).toBe(false);
  });
});

describe('findVisitDate', () => {
  test.each([
    ['Visite technique préalable : réalisée le 29/09/2026', '2026-09-29'],
    ['Visite préalable : 09/10/2026', '2026-10-09'],
    ['Devis n° X Émis le 27 octobre 2026 Visite technique du 13 octobre 2026', '2026-10-13'],
    ['Devis établi suite à la visite technique effectuée le 12 octobre 2026.', '2026-10-12'],
    ['Date de la visite technique : 25/09/2026', '2026-09-25'],
    ['Métré réalisé le 01.10.2026', '2026-10-01'],
  ])('%s → %s', (line, iso) => {
    expect(findVisitDate(linesOf(line))).toBe(iso);
  });

  test('no date after the keyword', () => {
    expect(
      findVisitDate(linesOf('Visite technique : à planifier. Date : 06/10/2026')),
    ).toBeUndefined();
  });
});

describe('findStartDate', () => {
  test.each([
    ['Début des travaux : 14/12/2026', '2026-12-14'],
    ['Début des travaux prévu le 1er mars 2027', '2027-03-01'],
    ['Date de début des travaux : 12/01/2027', '2027-01-12'],
    ["Date prévisionnelle d'intervention : 7 décembre 2026", '2026-12-07'],
    ['Intervention prévue le 04/01/2027', '2027-01-04'],
    ['Démarrage des travaux : 05/01/2027', '2027-01-05'],
  ])('%s → %s', (line, iso) => {
    expect(findStartDate(linesOf(line))).toBe(iso);
  });
});

describe('findStartDelay', () => {
  test.each([
    ['Ausführung / Exécution : avril 2027', 'avril 2027'],
    [
      "Délai d'exécution : intervention sous 4 à 6 semaines après acceptation du devis",
      'intervention sous 4 à 6 semaines après acceptation du devis',
    ],
    [
      "Délai d'intervention : installation 3 à 5 semaines après réception de l'acompte",
      "installation 3 à 5 semaines après réception de l'acompte",
    ],
    [
      'Délai de réalisation : installation courant décembre 2026.',
      'installation courant décembre 2026',
    ],
    [
      'Délai : travaux réalisables sous 3 semaines après accord',
      'travaux réalisables sous 3 semaines après accord',
    ],
    [
      "Début des travaux : semaine 48 (sous réserve d'acceptation)",
      "semaine 48 (sous réserve d'acceptation)",
    ],
    [
      'Devis valable 2 mois. Travaux sous 3 semaines après acceptation.',
      'Travaux sous 3 semaines après acceptation',
    ],
  ])('%s', (line, delay) => {
    expect(findStartDelay(linesOf(line))).toBe(delay);
  });

  test.each([
    "Délai de fabrication susceptible d'évoluer selon les approvisionnements.",
    'Délai de paiement : 30 jours',
    'Délai de rétractation : 14 jours',
    'Début des travaux : 14/12/2026',
  ])('not a start delay: %s', (line) => {
    expect(findStartDelay(linesOf(line))).toBeUndefined();
  });
});
