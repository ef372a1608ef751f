import { describe, expect, it } from '@jest/globals';
import type { PrivateData } from '../../src/adapters/llm/private-data.js';
import type { WorksData } from '../../src/adapters/llm/works-data.js';
import type { Geste, QuoteAttributes } from '../../src/domain/attributes.js';
import { documentFromText } from '../../src/extract/document.js';
import { attributePaths, extractQuote } from '../../src/extract/index.js';
import {
  buildAnonymisationInput,
  mergeReadAttributes,
  type MergeInput,
} from '../../src/pipeline/merge-attributes.js';
import { preferredSource } from '../../src/pipeline/merge/field-values.js';
import { validateQuote } from '../../src/rules/validate-quote.js';
import { anonymiseText } from '../../src/text/anonymise.js';

const SIRET = '73282932000074';
const OTHER_SIRET = '44306184100013';

function naive(attributes: QuoteAttributes): MergeInput['naive'] {
  const provenance = Object.fromEntries(attributePaths(attributes).map((p) => [p, 'naive']));
  return { attributes, provenance } as MergeInput['naive'];
}

function pro(fields: Partial<NonNullable<PrivateData['pro']>>): PrivateData {
  return { pro: { rge_labels: [], ...fields } };
}

function merge(attributes: QuoteAttributes, rest: Omit<MergeInput, 'naive'> = {}) {
  return mergeReadAttributes({ naive: naive(attributes), ...rest });
}

const pac: Geste = {
  type: 'pac_air_eau',
  intitule: 'Pompe à chaleur air/eau Atlantic Alfea Extensa',
  prix_ht: 8000,
  marque: 'Atlantic',
  ETAS: 126,
};

describe('fill', () => {
  it('fills empty fields with coerced LLM values, provenance llm', () => {
    const out = merge(
      { type_fichier: 'devis', pro: { siret: SIRET } },
      {
        privateData: pro({ assurance: 'AXA, contrat n° 123', capital: '10 000 €' }),
        worksData: {
          date_pre_visite: '12/09/2026',
          date_debut_chantier: '2026-11-02T00:00:00Z',
          prix_total_ht: '8 706,80 €',
          mention_devis: 'oui',
          delai_debut_chantier: ' 2  semaines ',
        },
      },
    );
    expect(out.attributes).toMatchObject({
      date_pre_visite: '2026-09-12',
      date_debut_chantier: '2026-11-02',
      prix_total_ht: 8706.8,
      mention_devis: true,
      delai_debut_chantier: '2 semaines',
      pro: { siret: SIRET, assurance: 'AXA, contrat n° 123', capital: 10000 },
    });
    expect(out.provenance).toMatchObject({
      type_fichier: 'naive',
      'pro.siret': 'naive',
      'pro.assurance': 'llm',
      'pro.capital': 'llm',
      date_pre_visite: 'llm',
      prix_total_ht: 'llm',
    });
    expect(out.conflicts).toEqual([]);
  });

  it.each([
    ['date_devis', 'bientôt'],
    ['prix_total_ht', 'N/A'],
    ['validite', 'peut-être'],
    ['type_fichier', 'bon de commande'],
  ])('ignores an LLM %s that does not parse (%s)', (key, value) => {
    const out = merge({}, { worksData: { [key]: value } });
    expect(out.attributes).toEqual({});
  });

  it.each([['abc'], ['123 456'], ['7328293200007']])(
    'ignores an LLM SIRET without the shape of one (%s)',
    (siret) => {
      expect(merge({}, { privateData: pro({ siret }) }).attributes.pro?.siret).toBeUndefined();
    },
  );

  it('fills a SIRET with spaces as digits, even when its key fails (the rules judge it)', () => {
    const out = merge({}, { privateData: pro({ siret: '732 829 320 00075' }) });
    expect(out.attributes.pro?.siret).toBe('73282932000075');
  });
});

describe('never erase', () => {
  it('keeps naive values against null, blank and empty LLM values', () => {
    const attributes: QuoteAttributes = {
      numero_devis: 'AE-1',
      date_devis: '2026-10-06',
      noms: ['Jean EXEMPLE'],
      client: { nom: 'Exemple' },
      gestes: [pac],
    };
    const out = merge(attributes, {
      privateData: { noms: [], client: { nom: ' ' } },
      worksData: { numero_devis: '', date_devis: null, gestes: [], tva: [] },
    });
    expect(out.attributes).toEqual(attributes);
    expect(out.conflicts).toEqual([]);
    expect(Object.values(out.provenance).every((p) => p === 'naive')).toBe(true);
  });

  it('does not modify its input', () => {
    const attributes: QuoteAttributes = { pro: { siret: SIRET }, gestes: [{ ...pac }] };
    const copy = structuredClone(attributes);
    merge(attributes, {
      privateData: pro({ adresse: '1 rue X, 35000 Rennes' }),
      worksData: { gestes: [{ type: 'pac_air_eau', prix_ht: 8000, COP: 4 }] },
    });
    expect(attributes).toEqual(copy);
  });
});

describe('conflicts', () => {
  const cases: [
    string,
    QuoteAttributes,
    PrivateData | undefined,
    WorksData | undefined,
    unknown,
    'naive' | 'llm',
  ][] = [
    [
      'siret: both valid → naive',
      { pro: { siret: SIRET } },
      pro({ siret: OTHER_SIRET }),
      undefined,
      SIRET,
      'naive',
    ],
    [
      'siret: naive fails Luhn → llm',
      { pro: { siret: '73282932000075' } },
      pro({ siret: '732 829 320 00074' }),
      undefined,
      SIRET,
      'llm',
    ],
    [
      'siret: both fail → naive',
      { pro: { siret: '73282932000075' } },
      pro({ siret: '73282932000076' }),
      undefined,
      '73282932000075',
      'naive',
    ],
    [
      'siret: printed SIREN → its SIRET',
      { pro: { siret: '732829320' } },
      pro({ siret: SIRET }),
      undefined,
      SIRET,
      'llm',
    ],
    [
      'vat: naive key wrong → llm',
      { pro: { numero_tva: 'FR45732829320' } },
      pro({ numero_tva: 'FR 44 732829320' }),
      undefined,
      'FR44732829320',
      'llm',
    ],
    [
      'rcs: both valid SIRENs → naive',
      { pro: { rcs: '732829320' } },
      pro({ rcs: 'RCS Paris 443 061 841' }),
      undefined,
      '732829320',
      'naive',
    ],
    [
      'date → naive',
      { date_devis: '2026-10-06' },
      undefined,
      { date_devis: '2026-10-07' },
      '2026-10-06',
      'naive',
    ],
    [
      'amount → naive',
      { prix_total_ttc: 9185.67 },
      undefined,
      { prix_total_ttc: '9 158,67' },
      9185.67,
      'naive',
    ],
    ['flag → naive', { mention_devis: true }, undefined, { mention_devis: false }, true, 'naive'],
    [
      'document type → naive',
      { type_fichier: 'devis' },
      { type_fichier: 'facture' },
      undefined,
      'devis',
      'naive',
    ],
    [
      'legal form is a label → naive',
      { pro: { forme_juridique: 'SAS' } },
      pro({ forme_juridique: 'SASU' }),
      undefined,
      'SAS',
      'naive',
    ],
    [
      'cut name → longer llm',
      { pro: { raison_sociale: 'ATELIER EXEMPLE' } },
      pro({ raison_sociale: 'Atelier Exemple Rénovation' }),
      undefined,
      'Atelier Exemple Rénovation',
      'llm',
    ],
    [
      'shorter llm name → naive',
      { pro: { raison_sociale: 'ATELIER EXEMPLE' } },
      pro({ raison_sociale: 'ATELIER' }),
      undefined,
      'ATELIER EXEMPLE',
      'naive',
    ],
    [
      'different address → naive',
      { client: { adresse: '4 allée des Lilas, 35700 Rennes' } },
      { client: { adresse: '9 rue du Port, 56100 Lorient' } },
      undefined,
      '4 allée des Lilas, 35700 Rennes',
      'naive',
    ],
    [
      'cut address → longer llm',
      { client: { adresse: '4 allée des Lilas' } },
      { client: { adresse: '4 allée des Lilas, 35700 Rennes' } },
      undefined,
      '4 allée des Lilas, 35700 Rennes',
      'llm',
    ],
  ];

  it.each(cases)('%s', (_name, attributes, privateData, worksData, expected, kept) => {
    const out = merge(attributes, { privateData, worksData });
    expect(out.conflicts).toHaveLength(1);
    const [conflict] = out.conflicts;
    expect(conflict?.kept).toBe(kept);
    const path = conflict?.path ?? '';
    const value = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], out.attributes);
    expect(value).toEqual(expected);
    expect(out.provenance[path]).toBe(kept);
  });

  it.each([
    [
      'same amount written differently',
      { prix_total_ttc: 9185.67 },
      { prix_total_ttc: '9 185,67 €' },
    ],
    [
      'same address, other case and punctuation',
      { client: { adresse: '4 allée des Lilas, 35700 Rennes' } },
      undefined,
    ],
    ['same SIRET with spaces', { pro: { siret: SIRET } }, undefined],
    ['same date, French format', { date_devis: '2026-10-06' }, { date_devis: '06/10/2026' }],
  ] as [string, QuoteAttributes, WorksData | undefined][])(
    'no conflict for %s',
    (_n, attrs, works) => {
      const privateData: PrivateData = {
        client: { adresse: '4 ALLEE DES LILAS 35700 RENNES' },
        pro: { rge_labels: [], siret: '732 829 320 00074' },
      };
      expect(merge(attrs, { privateData, worksData: works }).conflicts).toEqual([]);
    },
  );

  it.each([
    ['phone', '02 99 00 00 00', '+33 2 99 00 00 01', 'naive'],
    ['phone', '02 99 00', '+33 2 99 00 00 01', 'llm'],
    ['email', 'contact@atelier', 'contact@atelier.fr', 'llm'],
    ['email', 'contact@atelier.fr', 'devis@atelier.fr', 'naive'],
    ['vat', 'FR44732829320', 'FR64443061841', 'naive'],
    ['siren', '732829321', '732829320', 'llm'],
  ] as const)('%s: %s vs %s keeps %s', (kind, a, b, kept) => {
    expect(preferredSource(kind, a, b)).toBe(kept);
  });

  it('takes the private-data document type before the works-data one', () => {
    const out = merge(
      {},
      { privateData: { type_fichier: 'facture' }, worksData: { type_fichier: 'devis' } },
    );
    expect(out.attributes.type_fichier).toBe('facture');
  });
});

describe('private-data lists', () => {
  it('keeps every list key: naive values, then the LLM values not already there', () => {
    const out = merge(
      { noms: ['Jean EXEMPLE'], pro: { rge_labels: ['QPAC/12345'] } },
      {
        privateData: {
          noms: ['JEAN EXEMPLE', 'Marie Martin'],
          client_noms_de_famille: ['EXEMPLE'],
          ibans: ['FR76 3000 6000 0112 3456 7890 189'],
          pro: { rge_labels: ['QPAC/12345', 'QB/54321'] },
        },
      },
    );
    expect(out.attributes.noms).toEqual(['Jean EXEMPLE', 'Marie Martin']);
    expect(out.attributes.client_noms_de_famille).toEqual(['EXEMPLE']);
    expect(out.attributes.ibans).toEqual(['FR76 3000 6000 0112 3456 7890 189']);
    expect(out.attributes.pro?.rge_labels).toEqual(['QPAC/12345', 'QB/54321']);
    expect(out.provenance).toMatchObject({
      noms: 'naive',
      client_noms_de_famille: 'llm',
      ibans: 'llm',
      'pro.rge_labels': 'naive',
    });
  });

  it('drops keys the model added beyond the attribute tree', () => {
    const out = merge({}, { privateData: { other: { commentaire: 'x' } } });
    expect(out.attributes).toEqual({});
  });
});

describe('gestes', () => {
  it('fills a matched geste (type + price), keeps naive values on disagreement', () => {
    const out = merge(
      { gestes: [pac] },
      {
        worksData: {
          gestes: [
            {
              type: 'pompe_a_chaleur_air_eau',
              prix_ht: '8 000,00',
              COP: '4,1',
              regime_temperature: 'Basse',
              ETAS: '130 %',
              commentaire: 'x',
            },
          ],
        },
      },
    );
    expect(out.attributes.gestes).toEqual([{ ...pac, COP: 4.1, regime_temperature: 'basse' }]);
    expect(out.provenance).toMatchObject({
      'gestes[0].COP': 'llm',
      'gestes[0].ETAS': 'naive',
      'gestes[0].marque': 'naive',
    });
    expect(out.conflicts).toEqual([
      { path: 'gestes[0].ETAS', kept: 'naive', naive: 126, llm: 130 },
    ]);
  });

  it('reads measured values with their unit: a thickness is no R, a labelled ratio is a %', () => {
    const isolation: Geste = { type: 'isolation_comble_perdu', prix_ht: 3000 };
    const out = merge(
      { gestes: [isolation, { ...pac, ETAS: undefined }] },
      {
        worksData: {
          gestes: [
            {
              type: 'isolation_comble_perdu',
              prix_ht: 3000,
              resistance_thermique: '300 mm',
              epaisseur_isolant: '30 cm',
              lambda_isolant: '0,040 W/m.K',
              uw: 'sans objet',
            },
            { type: 'pac_air_eau', prix_ht: 8000, ETAS: '1,26', puissance: '8 kW', SCOP: '4,1 kW' },
          ],
        },
      },
    );
    expect(out.attributes.gestes?.[0]).toEqual({
      ...isolation,
      epaisseur_isolant: 30,
      lambda_isolant: 0.04,
    });
    expect(out.attributes.gestes?.[1]).toMatchObject({ ETAS: 126, puissance: 8 });
    expect(out.attributes.gestes?.[1]?.SCOP).toBeUndefined();
  });

  it('matches by line number, then by price, among gestes of the same type', () => {
    const windows: Geste[] = [
      {
        type: 'menuiserie_fenetre',
        numero_ligne: '2.1',
        intitule: 'Fenêtre PVC séjour',
        prix_ht: 900,
      },
      {
        type: 'menuiserie_fenetre',
        numero_ligne: '2.2',
        intitule: 'Fenêtre PVC chambre',
        prix_ht: 700,
      },
      { type: 'menuiserie_fenetre', intitule: 'Porte-fenêtre cuisine', prix_ht: 1500 },
    ];
    const out = merge(
      { gestes: windows },
      {
        worksData: {
          gestes: [
            { type: 'menuiserie_fenetre', prix_ht: 1500, uw: 1.4 },
            { type: 'menuiserie_fenetre', numero_ligne: '2.2', uw: 1.2 },
            { type: 'menuiserie_fenetre', numero_ligne: '2.1', uw: 1.3 },
          ],
        },
      },
    );
    expect(out.attributes.gestes?.map((g) => g.uw)).toEqual([1.3, 1.2, 1.4]);
    expect(out.droppedLlmGestes).toBe(0);
  });

  it('a longer LLM label containing the naive one replaces it', () => {
    const out = merge(
      {
        gestes: [
          { type: 'isolation_comble_perdu', intitule: 'Laine de verre 300 mm', prix_ht: 706.8 },
        ],
      },
      {
        worksData: {
          gestes: [
            {
              type: 'isolation_combles_perdues',
              intitule: 'Combles : laine de verre 300 mm',
              prix_ht: 706.8,
            },
          ],
        },
      },
    );
    expect(out.attributes.gestes?.[0]?.intitule).toBe('Combles : laine de verre 300 mm');
    expect(out.provenance['gestes[0].intitule']).toBe('llm');
  });

  it('appends credible unmatched LLM gestes, drops the others and unknown types', () => {
    const out = merge(
      { gestes: [pac] },
      {
        worksData: {
          gestes: [
            { type: 'menuiserie_fenetre', intitule: 'Fenêtre', prix_ht: '650' },
            { type: 'vmc_simple_flux', intitule: 'VMC hygroréglable type B' },
            { type: 'menuiserie_porte', intitule: 'Porte' },
            { type: 'panneaux_photovoltaiques', intitule: 'Panneaux solaires', prix_ht: 9000 },
          ],
        },
      },
    );
    expect(out.attributes.gestes?.map((g) => g.type)).toEqual([
      'pac_air_eau',
      'menuiserie_fenetre',
      'vmc_simple_flux',
    ]);
    expect(out.attributes.gestes?.[1]).toEqual({
      type: 'menuiserie_fenetre',
      intitule: 'Fenêtre',
      prix_ht: 650,
    });
    expect(out.provenance).toMatchObject({
      'gestes[0].prix_ht': 'naive',
      'gestes[1].type': 'llm',
      'gestes[1].prix_ht': 'llm',
      'gestes[2].intitule': 'llm',
    });
    expect(out.droppedLlmGestes).toBe(2);
  });

  it('a geste alone of its type on both sides is the same geste even without price', () => {
    const out = merge(
      { gestes: [{ type: 'chauffe_eau_thermo', intitule: 'Ballon thermodynamique' }] },
      {
        worksData: {
          gestes: [
            {
              type: 'chauffe_eau_thermo',
              intitule: 'CET Thermor 200 L',
              volume: '200 L',
              profil_soutirage: 'l',
            },
          ],
        },
      },
    );
    expect(out.attributes.gestes).toEqual([
      {
        type: 'chauffe_eau_thermo',
        intitule: 'Ballon thermodynamique',
        volume: 200,
        profil_soutirage: 'L',
      },
    ]);
    expect(out.conflicts.map((c) => c.path)).toEqual(['gestes[0].intitule']);
  });

  it('never drops naive gestes', () => {
    const gestes: Geste[] = [pac, { type: 'isolation_comble_perdu', prix_ht: 700 }];
    const out = merge(
      { gestes },
      { worksData: { gestes: [{ type: 'vmc_double_flux', prix_ht: 5000 }] } },
    );
    expect(out.attributes.gestes?.slice(0, 2)).toEqual(gestes);
    expect(out.attributes.gestes).toHaveLength(3);
  });
});

describe('VAT lines', () => {
  it('fill an absent breakdown', () => {
    const out = merge(
      {},
      {
        worksData: {
          tva: [{ taux_tva: '5,5 %', prix_ht_total: '706,80', montant_tva_total: 38.87 }],
        },
      },
    );
    expect(out.attributes.tva).toEqual([
      { taux_tva: 5.5, prix_ht_total: 706.8, montant_tva_total: 38.87 },
    ]);
    expect(out.provenance['tva[0].taux_tva']).toBe('llm');
  });

  it('fill the same rate, report a rate the naive reading did not see', () => {
    const out = merge(
      { tva: [{ taux_tva: 5.5, prix_ht_total: 706.8 }] },
      {
        worksData: {
          tva: [
            { taux_tva: 5.5, montant_tva_total: 38.87 },
            { taux_tva: 20, prix_ht_total: 100 },
          ],
        },
      },
    );
    expect(out.attributes.tva).toEqual([
      { taux_tva: 5.5, prix_ht_total: 706.8, montant_tva_total: 38.87 },
    ]);
    expect(out.conflicts).toEqual([{ path: 'tva', kept: 'naive', naive: [5.5], llm: [5.5, 20] }]);
  });
});

describe('enrichment', () => {
  const sirene = {
    nom: 'ATELIER EXEMPLE SARL',
    adresse: '12 RUE DES ARTISANS 35000 RENNES',
    siret: SIRET,
    etat: 'A',
  };

  it('fills the name and address of the company only when missing', () => {
    const out = merge({ pro: { siret: SIRET } }, { enrichment: { sirene } });
    expect(out.attributes.pro).toEqual({
      siret: SIRET,
      raison_sociale: sirene.nom,
      adresse: sirene.adresse,
    });
    expect(out.provenance).toMatchObject({
      'pro.raison_sociale': 'enrichment',
      'pro.adresse': 'enrichment',
    });
  });

  it('never overrides the document nor the LLM reading of it', () => {
    const out = merge(
      { pro: { siret: SIRET, raison_sociale: 'Atelier Exemple' } },
      {
        privateData: pro({ adresse: '12 rue des Artisans, 35000 Rennes' }),
        enrichment: { sirene },
      },
    );
    expect(out.attributes.pro).toMatchObject({
      raison_sociale: 'Atelier Exemple',
      adresse: '12 rue des Artisans, 35000 Rennes',
    });
    expect(out.provenance).toMatchObject({ 'pro.raison_sociale': 'naive', 'pro.adresse': 'llm' });
  });

  it.each([
    ['another company', { pro: { siret: OTHER_SIRET } }],
    ['no SIRET on the quote', {}],
  ] as [string, QuoteAttributes][])('fills nothing for %s', (_n, attrs) => {
    expect(merge(attrs, { enrichment: { sirene } }).attributes.pro?.raison_sociale).toBeUndefined();
  });
});

const QUOTE = [
  'ATELIER EXEMPLE                                  DEVIS',
  '12 rue des Artisans                              N° : AE-2026-12',
  '35000 Rennes                                     Date : 06/10/2026',
  'Tél. 02 99 00 00 00                              Validité : 3 mois',
  '                                 Monsieur Jean EXEMPLE',
  '                                 4 allée des Lilas',
  '                                 35700 Rennes',
  'Désignation                                   Qté     P.U. HT     TVA     Total HT',
  'Pompe à chaleur air/eau Atlantic Alfea Extensa 8 kW ETAS 126 %     1 u    8 000,00 €   5,5 %   8 000,00 €',
  'Total HT 8 000,00 €',
  'TVA 5,5 % 440,00 €',
  'Total TTC 8 440,00 €',
  'ATELIER EXEMPLE – SARL au capital de 8 000 € – SIRET 732 829 320 00074 – RCS Rennes 732 829 320',
  'TVA intracommunautaire FR44 732829320 – RGE QualiPAC n° QPAC/12345',
].join('\n');

const PRIVATE: PrivateData = {
  noms: ['Jean EXEMPLE'],
  client_noms_de_famille: ['EXEMPLE'],
  client_prenoms: ['Jean'],
  assurances: ['MAAF Pro, contrat n° 123456'],
  client: { nom: 'EXEMPLE', prenom: 'Jean', adresse: '4 allée des Lilas 35700 Rennes' },
  pro: {
    siret: '732 829 320 00074',
    assurance: 'MAAF Pro, contrat n° 123456',
    rge_labels: ['QPAC/12345'],
  },
  type_fichier: 'devis',
  version: '2.0.3',
};

const WORKS: WorksData = {
  date_debut_chantier: '02/11/2026',
  date_pre_visite: '01/10/2026',
  separation_prix_fourniture_pose: true,
  gestes: [
    {
      type: 'pac_air_eau',
      intitule: 'Pompe à chaleur air/eau Atlantic Alfea Extensa 8 kW',
      prix_ht: '8000',
      remplacement_chaudiere_condensation: false,
      regime_temperature: 'basse',
      type_fluide_frigorigene: 'R32',
      COP: '4,6',
    },
  ],
};

describe('whole merge', () => {
  const extraction = extractQuote(documentFromText(QUOTE));
  const input: MergeInput = {
    naive: extraction,
    privateData: PRIVATE,
    worksData: WORKS,
    enrichment: { sirene: { nom: 'X', siret: SIRET } },
  };

  it('is idempotent', () => {
    const once = mergeReadAttributes(input);
    const twice = mergeReadAttributes({ ...input, naive: once });
    expect(twice.attributes).toEqual(once.attributes);
    expect(twice.provenance).toEqual(once.provenance);
    expect(twice.conflicts).toEqual(once.conflicts);
  });

  it('gives provenance for exactly the emitted paths', () => {
    const out = mergeReadAttributes(input);
    expect(Object.keys(out.provenance).sort()).toEqual(attributePaths(out.attributes).sort());
    expect(out.provenance).toMatchObject({
      'pro.siret': 'naive',
      'pro.assurance': 'llm',
      'gestes[0].COP': 'llm',
      date_pre_visite: 'llm',
    });
  });

  it('is accepted by validateQuote, which finds what the LLM filled', () => {
    const today = '2026-10-10';
    const before = validateQuote({ checkId: 'c', attributes: extraction.attributes, today });
    const out = mergeReadAttributes(input);
    const after = validateQuote({ checkId: 'c', attributes: out.attributes, today });
    expect(before.errors).toEqual(
      expect.arrayContaining(['pro_assurance_manquant', 'pac_cop_chauffage_manquant']),
    );
    expect(after.errors).not.toContain('file_type_error');
    for (const code of [
      'pro_assurance_manquant',
      'date_pre_visite_manquant',
      'pac_regime_temperature_manquant',
      'pac_cop_chauffage_manquant',
    ]) {
      expect(after.errors).not.toContain(code);
    }
    expect(after.errors.length).toBeLessThan(before.errors.length);
    // the naive reading saw no separate labour line: a flag keeps the deterministic value
    expect(after.errors).toContain('separation_fourniture_pose_manquant');
    expect(out.conflicts).toContainEqual({
      path: 'separation_prix_fourniture_pose',
      kept: 'naive',
      naive: false,
      llm: true,
    });
  });
});

describe('buildAnonymisationInput', () => {
  it('lets the anonymiser hide what only the LLM found', () => {
    const attributes: QuoteAttributes = { noms: ['Jean EXEMPLE'], pro: { siret: SIRET } };
    const input = buildAnonymisationInput({
      naive: attributes,
      privateData: {
        client_noms_de_famille: ['Durand'],
        pro: { rge_labels: ['QB/54321'], siret: '443 061 841 00013' },
      },
      sirene: { nom: 'ATELIER EXEMPLE SARL' },
    });
    expect(input).toMatchObject({
      noms: ['Jean EXEMPLE'],
      client_noms_de_famille: ['Durand'],
      sirets: ['443 061 841 00013'],
      numero_rge: ['QB/54321'],
      raison_sociales: ['ATELIER EXEMPLE SARL'],
      pro: { siret: SIRET },
    });
    const text = 'Jean EXEMPLE et Mme Durand, SIRET 443 061 841 00013, RGE QB/54321';
    expect(anonymiseText(text, input)).toBe(
      'NOM et Mme CLIENT_NOMS_DE_FAMILLE, SIRET SIRET, RGE NUMERO_RGE',
    );
  });
});
