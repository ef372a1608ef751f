/**
 * Joinery values written in different ways.
 */
import { describe, expect, test } from '@jest/globals';
import type { GesteText } from '../../../src/extract/works/measures.js';
import { menuiserieValues } from '../../../src/extract/works/menuiserie.js';

function geste(designation: string, details: string[], extra: Partial<GesteText> = {}): GesteText {
  return { designation, details, notes: [], ...extra };
}

describe('windows', () => {
  test('a fully described window', () => {
    const g = geste('Fenêtre PVC 2 vantaux oscillo-battante – Séjour', [
      'Marque ACMEFEN, modèle Clara 70 OB2',
      'Double vitrage 4/20/4 faiblement émissif',
      'Performances : Uw = 1,3 W/m².K – Sw = 0,42',
      'Pose en rénovation sur dormant existant, pose au nu intérieur',
    ]);
    expect(menuiserieValues('menuiserie_fenetre', g)).toEqual({
      marque: 'ACMEFEN',
      reference: 'Clara 70 OB2',
      type_menuiserie: 'fenetre',
      type_materiaux: 'PVC',
      localisation: 'Séjour',
      type_vitrage: 'double',
      type_pose: 'renovation',
      position_paroie: 'nu_interieur',
      uw: 1.3,
      sw: 0.42,
    });
  });

  test('French window, wood, triple glazing, full removal, tunnel, room from a title', () => {
    const g = geste(
      'Porte-fenêtre bois 2 vantaux',
      ['Triple vitrage – Uw 0,9 – Sw 0,33', 'Pose en dépose totale, en tunnel'],
      {
        room: 'Chambre parentale',
      },
    );
    expect(menuiserieValues('menuiserie_fenetre', g)).toMatchObject({
      type_menuiserie: 'porte_fenetre',
      type_materiaux: 'bois',
      localisation: 'Chambre parentale',
      type_vitrage: 'triple',
      type_pose: 'depose_totale',
      position_paroie: 'tunnel',
      uw: 0.9,
      sw: 0.33,
    });
  });

  test('room written before the label, performance in parentheses, common data in section notes', () => {
    const g = geste('Chambre 1 : fenêtre 2 vantaux (Uw 1,3 – Sw 0,43)', [], {
      notes: [
        'Caractéristiques communes : marque Ondo, gamme Iro 70, menuiseries PVC, double vitrage, pose en rénovation',
      ],
    });
    expect(menuiserieValues('menuiserie_fenetre', g)).toMatchObject({
      marque: 'Ondo',
      reference: 'Iro 70',
      localisation: 'Chambre 1',
      type_materiaux: 'PVC',
      type_vitrage: 'double',
      type_pose: 'renovation',
      uw: 1.3,
      sw: 0.43,
    });
  });
});

describe('frame material', () => {
  test.each([
    ['Fenêtre de toit à rotation, pin massif vernis, double vitrage', 'bois'],
    ['Porte-fenêtre chêne massif 2 vantaux', 'bois'],
    ['Fenêtre mélèze lasuré, double vitrage', 'bois'],
    ['Fenêtre mixte bois-alu 2 vantaux', 'mixte'],
  ])('%s', (designation, material) => {
    expect(menuiserieValues('menuiserie_fenetre', geste(designation, [])).type_materiaux).toBe(
      material,
    );
  });
});

describe('other joinery', () => {
  test('roof window', () => {
    const g = geste('Fenêtre de toit à projection 78 x 118 – Chambre 1', [
      'Marque : Skya',
      'Référence : Rotalux GGL-M06',
      'Bois traité, vitrage double – Uw : 1,3 – Sw : 0,36',
      'Pose au nu extérieur',
    ]);
    expect(menuiserieValues('menuiserie_fenetre_toit', g)).toEqual({
      marque: 'Skya',
      reference: 'Rotalux GGL-M06',
      type_menuiserie: 'fenetre_de_toit',
      type_materiaux: 'bois',
      localisation: 'Chambre 1',
      type_vitrage: 'double',
      position_paroie: 'nu_exterieur',
      uw: 1.3,
      sw: 0.36,
    });
  });

  test('entrance door with Ud', () => {
    const g = geste("Porte d'entrée aluminium – Entrée", [
      'Marque Portalis, modèle Nordik 3 – Ud = 1,1 W/m².K',
    ]);
    expect(menuiserieValues('menuiserie_porte', g)).toMatchObject({
      marque: 'Portalis',
      reference: 'Nordik 3',
      type_menuiserie: 'porte',
      type_materiaux: 'aluminium',
      localisation: 'Entrée',
      ud: 1.1,
    });
  });

  test('insulating shutter with ΔR, no glazing fields', () => {
    const g = geste('Volet roulant isolant aluminium motorisé – Séjour', [
      'Performances : résistance thermique additionnelle ΔR = 0,25 m².K/W',
    ]);
    const values = menuiserieValues('menuiserie_volet_isolant', g);
    expect(values).toMatchObject({
      type_menuiserie: 'volet_isolant',
      type_materiaux: 'aluminium',
      deltaR: 0.25,
    });
    expect(values.type_vitrage).toBeUndefined();
  });
});

describe('Uw, Sw and Ud with their units (issue 12)', () => {
  test.each([
    ['Uw = 1,3 W/m².K – Sw = 0,42', 1.3, 0.42],
    ['Uw 1.6 W/(m².K), facteur solaire Sw 30 %', 1.6, 0.3],
    ['Uw : 1,4 ; Sw = 42 %', 1.4, 0.42],
    ['Uw 1,3 – Sw 0,36 – Ug 1,1', 1.3, 0.36],
  ])('%s', (line, uw, sw) => {
    const values = menuiserieValues('menuiserie_fenetre', geste('Fenêtre PVC – Séjour', [line]));
    expect(values.uw).toBe(uw);
    expect(values.sw).toBe(sw);
  });
});
