/**
 * Mechanisms added after blind batch 13 (cold-scored first): more phrasings of the planned start
 * and the pre-visit in the shared lexicon, a delay cut before its condition, the « 1er » OCR
 * reads as « 1% », a brand and model split over two lines of a geste, a unit price split into
 * supply and labour columns, and a component line's values for the one geste of its family.
 */
import { describe, expect, it } from '@jest/globals';
import { documentFromText } from '../../src/extract/document.js';
import { extractQuote } from '../../src/extract/index.js';
import { validateQuote } from '../../src/rules/validate-quote.js';
import { CHECK_ID, completeGeste, completeQuote, TODAY } from '../rules/fixtures.js';

function read(lines: string[]) {
  return extractQuote(documentFromText(lines.join('\n'))).attributes;
}

const HEAD = [
  'CHAUFFAGE EXEMPLE SARL                           DEVIS N° DV-2026-12',
  '12 rue des Artisans, 35000 Rennes                Date : 24/11/2026',
  '                                                 Mme Nathalie EXEMPLE',
  '                                                 4 allée des Charmes, 18570 Bourges',
];

describe('after blind batch 13: the price table', () => {
  it('adds the supply and labour unit prices of « PU Fourn. HT | PU M.O. HT »', () => {
    const attributes = read([
      ...HEAD,
      'N°   Désignation                                   Qté   U    PU Fourn. HT   PU M.O. HT   Total HT   TVA %',
      '1.2  Isolation des combles perdus par soufflage      86    m²           9,80         8,40   1 565,20     5,5',
      '     KNAUF INSULATION Supafil Loft 045 – R = 7,50 m².K/W',
      'Total HT 1 565,20 €',
    ]);
    expect(attributes.gestes?.[0]).toMatchObject({
      quantite: 86,
      unite: 'm²',
      prix_unitaire_ht: 18.2,
      prix_ht: 1565.2,
    });
  });

  it('keeps one unit price when the header has only one', () => {
    const attributes = read([
      ...HEAD,
      'N°   Désignation                                   Qté   U    PU HT      Total HT   TVA %',
      '1.2  Isolation des combles perdus par soufflage      86    m²   18,20    1 565,20     5,5',
      'Total HT 1 565,20 €',
    ]);
    expect(attributes.gestes?.[0]).toMatchObject({ quantite: 86, prix_unitaire_ht: 18.2 });
  });
});

describe('after blind batch 13: component lines', () => {
  it('gives the values of a component priced on its own line to the one geste of its family', () => {
    const attributes = read([
      ...HEAD,
      'Désignation                                          Qté   PU HT      Total HT',
      'Chaudière à granulés FRÖLING PE1 Pellet 15 kW         1    9 850,00   9 850,00',
      'Silo textile 4 tonnes avec vis d’alimentation          1    1 200,00   1 200,00',
      'Total HT 11 050,00 €',
    ]);
    expect(attributes.gestes).toHaveLength(1);
    expect(attributes.gestes?.[0]?.type_silo).toMatch(/^Silo textile/u);
  });
});

describe('after blind batch 13: the lexicon', () => {
  it('reads « Installation envisagée semaine 3 (…), sous réserve … » as a delay, without its condition', () => {
    const attributes = read([
      ...HEAD,
      "Installation envisagée semaine 3 (janvier 2027), sous réserve de l'accord avant le 15 décembre.",
    ]);
    expect(attributes.delai_debut_chantier).toBe('semaine 3 (janvier 2027)');
  });

  it('reads « Pour : Madame … » as the client', () => {
    const attributes = read([
      'ÉNERGIES EXEMPLE – SAS au capital de 25 000 € – 2 route de Thiers, 63600 Ambert',
      'DEVIS – chaudière à granulés',
      'Pour : Madame Véronique ROUX, Lieu-dit Les Combes, 63220 Arlanc – tél. 06 39 98 11 79',
    ]);
    expect(attributes.client).toMatchObject({
      civilite: 'Madame',
      nom: 'Roux',
      prenom: 'Véronique',
    });
  });

  it('reads « Étude thermique réalisée sur site le … » as the pre-visit', () => {
    const attributes = read([...HEAD, 'Étude thermique réalisée sur site', 'le 19.11.2026']);
    expect(attributes.date_pre_visite).toBe('2026-11-19');
  });
});

function judge(edit: (q: Record<string, unknown>) => void, text: string, ocr: boolean) {
  const quote = completeQuote() as unknown as Record<string, unknown>;
  quote.gestes = [completeGeste('isolation_plancher_bas')];
  edit(quote);
  const lines = text.split('\n').map((l) => ({ text: l, page: 1 }));
  return validateQuote({
    checkId: CHECK_ID,
    attributes: quote,
    today: TODAY,
    evidence: { lines, termsStart: -1, ocr },
  });
}

describe('after blind batch 13: evidence', () => {
  it('sees a pre-visit dated « 1% décembre » by OCR', () => {
    const text = 'Suite à notre passage à votre domicile du 1%" décembre 2026, voici notre offre';
    const result = judge((q) => delete q.date_pre_visite, text, true);
    expect(result.errors).not.toContain('date_pre_visite_manquant');
    expect(result.toVerify?.map((t) => t.code)).toContain('date_pre_visite_manquant');
  });

  it('sees a brand and its model split over two lines of the geste', () => {
    const text = [
      '2.1 Isolation en sous-face du plancher bas par panneaux de laine de roche revêtus KNAUF',
      'INSULATION Fibraroc 35 ép. 150 mm, R = 4,25 m².K/W',
    ].join('\n');
    const noReference = (q: Record<string, unknown>) => {
      const geste = (q.gestes as Record<string, unknown>[])[0]!;
      delete geste.reference_isolant;
      delete geste.marque_isolant;
    };
    expect(judge(noReference, text, false).errors).not.toContain('isolation_reference_manquant');
    // in a header, a name ending its line is not joined to the next one
    const header = judge(
      (q) => {
        const client = { ...(q.client as Record<string, unknown>) };
        delete client.prenom;
        q.client = client;
      },
      'FAÇADES EXEMPLE                    M. BARTHE\nRavalement – Isolation thermique par l’extérieur',
      false,
    );
    expect(header.errors).toContain('client_prenom_manquant');
  });
});

describe('after blind batch 13: a first name is looked for within the client cells', () => {
  function prenomJudged(cells: string[]) {
    const quote = completeQuote() as unknown as Record<string, unknown>;
    const client = { ...(quote.client as Record<string, unknown>) };
    delete client.prenom;
    quote.client = client;
    const line = { text: cells.join('   '), page: 1, cells: cells.map((text) => ({ text })) };
    const result = validateQuote({
      checkId: CHECK_ID,
      attributes: quote,
      today: TODAY,
      evidence: { lines: [line], termsStart: -1, ocr: false },
    });
    return result.errors.includes('client_prenom_manquant');
  }

  it('« M. et Mme BOURGEOIS » beside the next column’s sentence holds no first name', () => {
    expect(
      prenomJudged(['M. et Mme BOURGEOIS', "Fourniture et installation d'un poêle à granulés"]),
    ).toBe(true);
  });

  it('a name spread over short cells does (« Mme | MOREAU | Emma »)', () => {
    expect(prenomJudged(['Mme', 'MOREAU', 'Emma'])).toBe(false);
    expect(prenomJudged(['M. Luc', 'DURAND'])).toBe(false);
  });
});
