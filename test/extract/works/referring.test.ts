/**
 * Technical values printed away from the works line, found by content (referring.ts), and the
 * layout variants met in the tenth blind batch: a header printed over three text lines, a quote
 * written as a letter.
 */
import { describe, expect, test } from '@jest/globals';
import { documentFromText } from '../../../src/extract/document.js';
import { extractQuote } from '../../../src/extract/index.js';
import { extractWorks } from '../../../src/extract/works/index.js';

const TABLE = [
  'Poste  Désignation                                        Qté   P.U. HT      Total HT',
  'A1     Chaudière à granulés DORVIA Pelleta 16 kW          1 u   14 850,00    14 850,00',
  'A2     Pompe à chaleur sol/eau HYDRIA Geo 10              1 u   13 900,00    13 900,00',
  '                                                          Total HT          28 750,00',
];

describe('values printed in a passage that names the geste', () => {
  test('a description above the table gives the boiler and the heat pump their own values', () => {
    const doc = documentFromText(
      [
        'OPTION A — Chaudière automatique à granulés',
        'Chaudière DORVIA Pelleta 16 : chargement automatique, efficacité',
        'énergétique saisonnière ηs = 95 %. Émissions à 10 % d’O₂ : CO 17 mg/Nm³, particules 9 mg/Nm³.',
        '',
        'OPTION B — Géothermie',
        'HYDRIA Geo 10 : puissance calorifique 10,4 kW, COP 4,8, fluide R410A, ETAS 185 %,',
        'fonctionnement en basse température.',
        '',
        ...TABLE,
      ].join('\n'),
    );
    const [boiler, heatPump] = extractWorks(doc).gestes;
    expect(boiler).toMatchObject({
      type: 'chaudiere_biomasse',
      ETAS: 95,
      emission_monoxyde_carbone: 17,
      emission_particules: 9,
      type_chargement: 'automatique',
    });
    expect(heatPump).toMatchObject({
      type: 'pac_eau_eau',
      ETAS: 185,
      COP: 4.8,
      type_fluide_frigorigene: 'R410A',
      regime_temperature: 'basse',
    });
    // nothing of the heat pump's passage went to the boiler
    expect(boiler?.COP).toBeUndefined();
  });

  test('a passage naming a brand shared by two gestes links nothing', () => {
    const doc = documentFromText(
      [
        'Matériel DORVIA : efficacité énergétique saisonnière ETAS 91 %.',
        '',
        'N°  Désignation                                  Qté   P.U. HT     Total HT',
        '1   Chaudière à granulés DORVIA Pelleta 16 kW    1 u   9 850,00    9 850,00',
        '2   Poêle à granulés DORVIA Fiamma 8 kW          1 u   3 100,00    3 100,00',
        '                                                 Total HT         12 950,00',
      ].join('\n'),
    );
    for (const geste of extractWorks(doc).gestes) expect(geste.ETAS).toBeUndefined();
  });

  test('a value on the line itself wins over the passage', () => {
    const doc = documentFromText(
      [
        'HYDRIA Geo 10 : ETAS 150 %.',
        '',
        'N°  Désignation                                       Qté   P.U. HT     Total HT',
        '1   Pompe à chaleur sol/eau HYDRIA Geo 10, ETAS 185 %   1 u   9 850,00    9 850,00',
        '                                                      Total HT         9 850,00',
      ].join('\n'),
    );
    expect(extractWorks(doc).gestes[0]?.ETAS).toBe(185);
  });

  test('the replaced boiler described in the letter holds for the heating gestes', () => {
    const doc = documentFromText(
      [
        'Madame, nous vous proposons de remplacer votre chaudière fioul (modèle de 1998,',
        'non à condensation) par l’une des solutions ci-dessous.',
        '',
        ...TABLE,
      ].join('\n'),
    );
    for (const geste of extractWorks(doc).gestes) {
      expect(geste.remplacement_chaudiere_condensation).toBe(false);
    }
  });
});

describe('what the lines share', () => {
  test('« caractéristiques communes » hold for every window, beside the totals printed at the right', () => {
    const doc = documentFromText(
      [
        'Rep.  Pièce     Désignation                         Qté   U   P.U. HT   Total HT',
        'F1    Séjour    Fenêtre PVC 2 vantaux oscillo-battante  1   u   980,00    980,00',
        'F2    Cuisine   Fenêtre PVC 1 vantail oscillo-battant   1   u   610,00    610,00',
        'Caractéristiques communes : menuiseries Aluvia gamme Clara, profilé PVC',
        '                                                          Total HT   1 590,00',
        'blanc 70 mm, double vitrage 4/20/4 faible émissivité, pose en rénovation, au nu intérieur.',
      ].join('\n'),
    );
    const gestes = extractWorks(doc).gestes;
    expect(gestes).toHaveLength(2);
    for (const geste of gestes) {
      expect(geste).toMatchObject({
        marque: 'Aluvia',
        type_vitrage: 'double',
        type_pose: 'renovation',
        position_paroie: 'nu_interieur',
      });
    }
  });

  test('a shared passage naming another family leaves the gestes alone', () => {
    const doc = documentFromText(
      [
        'N°  Désignation                                   Qté   U   P.U. HT   Total HT',
        '1   Fenêtre PVC 2 vantaux oscillo-battante         1    u   980,00    980,00',
        'Pour toutes les isolations : laine de verre Isolia, R = 7 m².K/W.',
        '                                                   Total HT          980,00',
      ].join('\n'),
    );
    expect(extractWorks(doc).gestes[0]?.marque).toBeUndefined();
  });
});

describe('layouts', () => {
  test('a VAT column whose heading is printed above and below the header row', () => {
    const row = 'A1    Chaudière à granulés DORVIA Pelleta 16   1 u    14.850,00  5,5  14.850,00';
    const stacked = documentFromText(
      [
        '                                                               TVA',
        'Poste Désignation                              Qté U.  P.U. HT       Total HT',
        '                                                               %',
        row,
      ].join('\n'),
    );
    const flat = documentFromText(
      ['Poste Désignation                              Qté U.  P.U. HT    TVA  Total HT', row].join(
        '\n',
      ),
    );
    const expected = { quantite: 1, prix_unitaire_ht: 14850, taux_tva: 5.5, prix_ht: 14850 };
    expect(extractWorks(flat).gestes[0]).toMatchObject(expected);
    expect(extractWorks(stacked).gestes[0]).toMatchObject(expected);
  });

  test('a last column whose heading stands alone above the header row', () => {
    // a wide page: the heading sits past the header row's end by more than a few characters
    const wide = '                                                            ';
    const doc = documentFromText(
      [
        `${wide}                                                                                            Montant HT`,
        `N°   Désignation${wide}                           Qté   Unité   P.U. HT (€)`,
        `${wide}                                                                                            (€)`,
        `1.1  Laine de verre à souffler DORVIA 45${wide}    85    m²      14,20                 1 207,00`,
        `${wide}                                                  Total HT                      1 207,00`,
      ].join('\n'),
    );
    expect(extractWorks(doc).gestes[0]).toMatchObject({
      quantite: 85,
      unite: 'm²',
      prix_unitaire_ht: 14.2,
      prix_ht: 1207,
    });
  });

  test('where a unit goes is not what it is: « centrale posée en combles » is no insulation', () => {
    const doc = documentFromText(
      [
        'N°  Désignation                                           Qté       P.U. HT    Total HT',
        '1   Centrale double flux VENTORA Duo 300                   1 u       2 460,00   2 460,00',
        '2   Pose de la centrale en combles, du réseau et des bouches  1 forfait  1 520,00   1 520,00',
        '                                                           Total HT             3 980,00',
      ].join('\n'),
    );
    expect(extractWorks(doc).gestes.map((g) => g.type)).toEqual(['vmc_double_flux']);
  });

  test('an article code glued to an accessory line does not make it a window', () => {
    const doc = documentFromText(
      [
        'Réf   Libellé                                                   Qté     P.U.    Montant',
        'ITE   Isolation des murs par l’extérieur, panneaux PSE 140 mm    146 m²  128,00  18 688,00',
        'TAB   Retours d’isolant en tableaux et sous appuis de fenêtres   58 ml   42,00   2 436,00',
        '                                                                Total HT        21 124,00',
      ].join('\n'),
    );
    expect(extractWorks(doc).gestes.map((g) => g.type)).toEqual([
      'isolation_thermique_par_exterieur_ITE',
    ]);
  });

  test('a bi-split air conditioner is an air/air heat pump', () => {
    const doc = documentFromText(
      [
        'Désignation                                          Qté   Prix unitaire HT   Total HT',
        'Unité extérieure AEROCLIM QX-53 (bi-split)           1     1 690,00 €         1 690,00 €',
        '                                                     Total HT                 1 690,00 €',
      ].join('\n'),
    );
    expect(extractWorks(doc).gestes.map((g) => g.type)).toEqual(['pac_air_air']);
  });
});

describe('an installation priced on its own line', () => {
  test('says how the windows supplied above are installed; a brand may hold a middle dot', () => {
    const doc = documentFromText(
      [
        'Désignation                                                   Qté  U   P.U. HT    Total HT',
        'Fenêtre aluminium K·LINE KL-ID 2 vantaux – Salon               1    u   1 380,00   1 380,00',
        '  double vitrage 4/16/4 FE argon, Uw 1,3 W/m².K, Sw 0,44',
        'Pose des fenêtres en rénovation sur dormant existant, en tunnel  1   u   310,00     310,00',
        '                                                               Total HT         1 690,00',
      ].join('\n'),
    );
    const [window] = extractWorks(doc).gestes;
    expect(window).toMatchObject({
      type: 'menuiserie_fenetre',
      marque: 'K·LINE',
      type_pose: 'renovation',
      position_paroie: 'tunnel',
      prix_ht: 1380,
    });
  });
});

describe('an installation line that names no work', () => {
  test('installs what the quote supplies when it supplies one family, and names no product', () => {
    const doc = documentFromText(
      [
        'Réf  Désignation                                                    Qté  U   PU HT    Montant HT',
        '1    Fenêtre ALUVIA Clara PVC 2 vantaux — Séjour                    2    u   685,00   1 370,00',
        '       double vitrage 4/20/4 FE + argon — Uw = 1,3 W/m².K — Sw = 0,44',
        '2    Pose en dépose totale : calage, fixation, main d’œuvre          2    u   210,00   420,00',
        '                                                                    Total HT        1 790,00',
      ].join('\n'),
    );
    const [window] = extractWorks(doc).gestes;
    expect(window?.type_pose).toBe('depose_totale');
    expect(window?.reference).not.toMatch(/œuvre/u);
  });
});

describe('a quote written as a letter', () => {
  const letter = [
    'Bonjour Monsieur Durand,',
    'Suite à mon passage du jeudi 12 novembre, voici comme convenu mon devis.',
    'DEVIS n° DEV-2611-09 du 17/11/2026',
    'Bien cordialement,',
    'Clim Durandeau Services — entrepreneur individuel (EI)',
    '27 rue des Essais, 69150 Décines-Charpieu',
    'SIRET 732 829 320 00074 — inscrit au RNE',
  ].join('\n');

  test('a visit printed without its year is dated before the quote', () => {
    const { attributes } = extractQuote(documentFromText(letter));
    expect(attributes.date_devis).toBe('2026-11-17');
    expect(attributes.date_pre_visite).toBe('2026-11-12');
  });

  test('a visit in December before a January quote is of the year before', () => {
    const text = letter.replace('12 novembre', '14 décembre').replace('17/11/2026', '08/01/2027');
    expect(extractQuote(documentFromText(text)).attributes.date_pre_visite).toBe('2026-12-14');
  });

  test('the name beside a spelled-out legal form is the company’s when no header names it', () => {
    const { attributes } = extractQuote(documentFromText(letter));
    expect(attributes.pro?.raison_sociale).toBe('Clim Durandeau Services');
    expect(attributes.pro?.forme_juridique).toBe('EI');
  });
});
