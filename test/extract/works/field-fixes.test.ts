/**
 * Attribute fixes: values read from labelled description items without taking the label, a
 * neighbouring component or the supply wording for the value.
 */
import { describe, expect, test } from '@jest/globals';
import { documentFromText } from '../../../src/extract/document.js';
import { chauffageValues } from '../../../src/extract/works/chauffage.js';
import { eauChaudeValues } from '../../../src/extract/works/eau-chaude.js';
import {
  flatRoofValues,
  floorValues,
  isolationValues,
} from '../../../src/extract/works/isolation.js';
import type { GesteText } from '../../../src/extract/works/measures.js';
import { menuiserieValues, withoutSupplyTail } from '../../../src/extract/works/menuiserie.js';
import { extractWorks } from '../../../src/extract/works/index.js';
import { ventilationValues } from '../../../src/extract/works/ventilation.js';

function geste(designation: string, details: string[]): GesteText {
  return { designation, details, notes: [] };
}

describe('joinery', () => {
  test('the room at the end of the label loses the supply wording', () => {
    const g = geste('Volet roulant isolant aluminium – Bureau 2, fourniture et pose', [
      'Fabricant : PLIMOR',
      'ΔR = 0,24 m².K/W',
    ]);
    expect(menuiserieValues('menuiserie_volet_isolant', g).localisation).toBe('Bureau 2');
    expect(withoutSupplyTail('Cellier (pose comprise)')).toBe('Cellier');
    expect(withoutSupplyTail('Salle de jeux, posée')).toBe('Salle de jeux');
    expect(withoutSupplyTail('Chambre 3')).toBe('Chambre 3');
  });

  test('the room leading the label is read after an item number left in it', () => {
    const g = geste('1 Séjour – fenêtre 2 vantaux 1250 x 1450 mm, OKNOPLAST Pixel PVC blanc', []);
    expect(menuiserieValues('menuiserie_fenetre', g).localisation).toBe('Séjour');
    const h = geste('Chambre 1 – fenêtre 2 vantaux', []);
    expect(menuiserieValues('menuiserie_fenetre', h).localisation).toBe('Chambre 1');
  });

  test('a door described by "Réf." and "Coefficient Ud" has no brand', () => {
    const g = geste("Porte d'entrée acier isolante – Vestibule", [
      'Réf. Tilda-58 P',
      'Coefficient Ud : 1,1',
    ]);
    const values = menuiserieValues('menuiserie_porte', g);
    expect(values.marque).toBeUndefined();
    expect(values.ud).toBe(1.1);
  });
});

describe('hot water', () => {
  test('"Classe ErP du ballon"', () => {
    const g = geste('Chauffe-eau solaire individuel 300 L – fourniture et pose', [
      'Marque SOLVEXO, modèle Helio 300',
      'Classe ErP du ballon : C',
    ]);
    expect(eauChaudeValues('chauffe_eau_solaire_individuel', g).classe_energetique_ballon).toBe(
      'C',
    );
  });
});

describe('biomass boiler storage', () => {
  const boiler = (items: string[]): GesteText =>
    geste('Chaudière automatique à granulés TORVELA', ['Marque TORVELA', ...items]);

  test('capacity printed on the line after the silo', () => {
    const values = chauffageValues(
      'chaudiere_biomasse',
      boiler(['Stockage : silo textile neuf en cave', 'Contenance 4 200 litres']),
    );
    expect(values.type_silo).toBe('silo textile neuf en cave');
    expect(values.contenance_silo).toBe(4200);
  });

  test('"Capacité du silo : 2,5 m³" and a "Silo :" label', () => {
    const values = chauffageValues(
      'chaudiere_biomasse',
      boiler(['Silo : silo maçonné existant', 'Capacité du silo : 2,5 m³']),
    );
    expect(values.type_silo).toBe('silo maçonné existant');
    expect(values.contenance_silo).toBe(2500);
  });

  test('storage that is not a silo', () => {
    const values = chauffageValues('chaudiere_biomasse', boiler(['Stockage : trémie attenante']));
    expect(values.type_silo).toBe('trémie attenante');
    expect(values.contenance_silo).toBeUndefined();
  });

  test('an emission line is not a brand', () => {
    const values = chauffageValues(
      'chaudiere_biomasse',
      geste('Chaudière à granulés', [
        'Référence : Pella 20 AT',
        'Composés organiques gazeux 30 mgC/Nm3',
      ]),
    );
    expect(values.marque).toBeUndefined();
    expect(values.reference).toBe('Pella 20 AT');
  });

  test('the collectors brand is not the system brand', () => {
    const values = chauffageValues(
      'systeme_solaire_combine',
      geste('Système solaire combiné, fourniture et pose', [
        'Référence : Soleo 12 SSC',
        'Marque des capteurs : HELIOMA',
      ]),
    );
    expect(values.marque).toBeUndefined();
  });
});

describe('floor insulation', () => {
  test('an explicit "Pose par le dessus" wins over the label', () => {
    const g = geste('Isolation en sous-face du plancher bas, laine de bois', [
      'Pose par le dessus',
    ]);
    expect(floorValues(g).emplacement).toBe('par le dessus');
  });

  test('the label alone still gives the side', () => {
    const g = geste('Isolation en sous-face du plancher bas, laine de bois', ['Épaisseur 12 cm']);
    expect(floorValues(g).emplacement).toBe('sous-face');
  });

  test('"Produit :" with no brand printed is the reference', () => {
    const g = geste('Isolation des combles perdus, laine soufflée', ['Produit : Nubo 41']);
    const values = isolationValues(g);
    expect(values.marque_isolant).toBeUndefined();
    expect(values.reference_isolant).toBe('Nubo 41');
  });

  test('"Produit :" starting with a brand in capitals keeps the brand', () => {
    const g = geste('Isolation des combles perdus, laine soufflée', ['Produit : KALNOR Nubo 41']);
    expect(isolationValues(g)).toMatchObject({
      marque_isolant: 'KALNOR',
      reference_isolant: 'Nubo 41',
    });
  });
});

describe('ventilation', () => {
  test('a company name in capitals when the reference has its own item', () => {
    const g = geste('VMC simple flux hygroréglable type B – fourniture et pose', [
      'Caisson VENTORA GROUPE',
      'Référence caisson : Aero 120 HB',
      "Bouches d'extraction VENTORA GROUPE",
      "Réf. bouches d'extraction : Bx 30",
      "Entrées d'air VENTORA GROUPE",
    ]);
    expect(ventilationValues('vmc_simple_flux', g)).toMatchObject({
      marque_caisson: 'VENTORA GROUPE',
      reference_caisson: 'Aero 120 HB',
      marque_bouche_extraction: 'VENTORA GROUPE',
      reference_bouche_extraction: 'Bx 30',
      marque_bouches_entree_dair: 'VENTORA GROUPE',
    });
    expect(ventilationValues('vmc_simple_flux', g).reference_bouches_entree_dair).toBeUndefined();
  });

  test('a model in capitals stays the model when no reference item is printed', () => {
    const g = geste('VMC simple flux – fourniture et pose', ["Bouches d'extraction VENTORA HYBA"]);
    expect(ventilationValues('vmc_simple_flux', g)).toMatchObject({
      marque_bouche_extraction: 'VENTORA',
      reference_bouche_extraction: 'HYBA',
    });
  });
});

describe('labels of other components and run-on text', () => {
  test('"Référence régulateur" is not the boiler reference', () => {
    const values = chauffageValues(
      'chaudiere_biomasse',
      geste('Chaudière automatique à granulés', [
        'Fabricant BRELVO',
        'Référence régulateur : Tempo 12',
      ]),
    );
    expect(values.reference).toBeUndefined();
    expect(values.marque).toBe('BRELVO');
  });

  test('"Facteur solaire" is not a window brand', () => {
    const g = geste('Fenêtre PVC 2 vantaux – Bureau', [
      'Réf. Vela 70',
      'Facteur solaire Sw : 0,45',
    ]);
    const values = menuiserieValues('menuiserie_fenetre', g);
    expect(values.marque).toBeUndefined();
    expect(values.sw).toBe(0.45);
  });

  test('collectors company name in capitals with a separate reference', () => {
    const values = chauffageValues(
      'systeme_solaire_combine',
      geste('Système solaire combiné, fourniture et pose', [
        'Capteurs plans vitrés HELIOMA TECH',
        'Référence capteurs : Sol 24 V',
      ]),
    );
    expect(values).toMatchObject({
      marque_capteurs: 'HELIOMA TECH',
      reference_capteurs: 'Sol 24 V',
    });
  });

  test('a bare capacity line is the fuel store, a water tank is not', () => {
    const boiler = (item: string): GesteText =>
      geste('Chaudière automatique à granulés', ['Marque TORVELA', item]);
    expect(
      chauffageValues('chaudiere_biomasse', boiler('Contenance 210 litres')).contenance_silo,
    ).toBe(210);
    expect(
      chauffageValues('chaudiere_biomasse', boiler('Contenance du ballon tampon : 500 litres'))
        .contenance_silo,
    ).toBeUndefined();
  });

  test('flat-roof kind stops before the text that ran on after the table', () => {
    const g = geste('Isolation de toiture terrasse', [
      "Type d'isolation : isolation sous étanchéité Date prévisionnelle des travaux : mars",
    ]);
    expect(flatRoofValues(g).type_isolation_toiture_terrasse).toBe('isolation sous étanchéité');
  });
});

describe('installation lines', () => {
  test('"Pose … de la pompe à chaleur" after a hybrid heat pump supply is no second geste', () => {
    const text = [
      'Désignation                                   Qté   Unité   P.U. HT    Montant HT   TVA',
      'Fourniture pompe à chaleur hybride GALMOR 8 kW   1   u   7 100,00   7 100,00   5,5 %',
      '  – Marque GALMOR',
      '  – Modèle Duo 8',
      'Pose, raccordements et mise en service de la pompe à   1   u   1 900,00   1 900,00   5,5 %',
      'chaleur',
      '',
      'Validité de l’offre : 1 mois.',
    ].join('\n');
    const { gestes } = extractWorks(documentFromText(text));
    expect(gestes.map((g) => g.type)).toEqual(['pac_hybride']);
  });
});
