/**
 * Geste type and nature of a priced line, from its label, section and description.
 */
import { describe, expect, test } from '@jest/globals';
import {
  classifyLine,
  isAccessory,
  subjectInsulation,
} from '../../../src/extract/works/classify.js';
import { natureOf } from '../../../src/extract/works/nature.js';

function typeOf(label: string, section?: string, details: string[] = []): string | undefined {
  return classifyLine({ label, section, details, notes: [] });
}

describe('geste type of a line', () => {
  test.each([
    ['Pompe à chaleur air/eau 11 kW', 'pac_air_eau'],
    ['PAC air-eau monobloc haute température', 'pac_air_eau'],
    ["Fourniture d'une pompe à chaleur Acme 8 kW", 'pac_air_eau'],
    ['Climatisation réversible multi-split 3 pièces', 'pac_air_air'],
    ['Pompe à chaleur air/air mono-split', 'pac_air_air'],
    ['PAC géothermique sol/eau 10 kW', 'pac_eau_eau'],
    ['Pompe à chaleur eau/eau sur nappe', 'pac_eau_eau'],
    ['Pompe à chaleur hybride gaz', 'pac_hybride'],
    ['Chaudière automatique à granulés 24 kW', 'chaudiere_biomasse'],
    ['Chaudière bois bûches à gazéification', 'chaudiere_biomasse'],
    ['Poêle à granulés étanche', 'poele_insert'],
    ['Insert bois 9 kW', 'poele_insert'],
    ['Chauffe-eau thermodynamique 200 L', 'chauffe_eau_thermo'],
    ['Ballon thermodynamique sur air extrait', 'chauffe_eau_thermo'],
    ['Chauffe-eau solaire individuel 300 L', 'chauffe_eau_solaire_individuel'],
    ['Système solaire combiné 12 m²', 'systeme_solaire_combine'],
    ['VMC double flux haut rendement', 'vmc_double_flux'],
    ['Centrale double flux', 'vmc_double_flux'],
    ['VMC simple flux hygroréglable type B', 'vmc_simple_flux'],
    ['Kit VMC hygro A', 'vmc_simple_flux'],
    ['Fenêtre PVC 2 vantaux – Séjour', 'menuiserie_fenetre'],
    ['Porte-fenêtre aluminium 2 vantaux', 'menuiserie_fenetre'],
    ['Baie coulissante aluminium', 'menuiserie_fenetre'],
    ['Fenêtre de toit à rotation 78 x 118', 'menuiserie_fenetre_toit'],
    ['Volet roulant isolant motorisé', 'menuiserie_volet_isolant'],
    ["Porte d'entrée aluminium", 'menuiserie_porte'],
    ['Porte extérieure de service acier isolée', 'menuiserie_porte'],
    ['Isolation des combles perdus par soufflage', 'isolation_comble_perdu'],
    ['Fourniture de laine de verre à souffler', 'isolation_comble_perdu'],
    ['Isolation des rampants sous toiture', 'isolation_rampants_toiture'],
    ['Isolation de la toiture-terrasse', 'isolation_toiture_terrasse'],
    ['Isolation sous plafond du sous-sol', 'isolation_plancher_bas'],
    ['Isolation du plancher bas sur vide sanitaire', 'isolation_plancher_bas'],
    ["Isolation thermique par l'extérieur sous enduit", 'isolation_thermique_par_exterieur_ITE'],
    ['Doublage isolant des murs', 'isolation_thermique_par_interieur_ITI'],
  ])('%s → %s', (label, type) => {
    expect(typeOf(label)).toBe(type);
  });

  test.each([
    [
      'Fourniture isolant PSE graphité',
      "Isolation thermique par l'extérieur",
      'isolation_thermique_par_exterieur_ITE',
    ],
    [
      'Fourniture laine de verre semi-rigide',
      "Isolation des murs par l'intérieur",
      'isolation_thermique_par_interieur_ITI',
    ],
    ['Panneaux de laine de roche 120 mm', 'Isolation du plancher bas', 'isolation_plancher_bas'],
    ['Pompe à chaleur 11 kW', 'Pompe à chaleur air/air', 'pac_air_air'],
  ])('%s under "%s" → %s', (label, section, type) => {
    expect(typeOf(label, section)).toBe(type);
  });

  test.each([
    'Fourniture ballon tampon 50 L, vase d’expansion et kit hydraulique',
    "Thermostat d'ambiance programmable",
    'Kit de raccordement ventouse concentrique',
    'Réseau de gaines isolées et plénums',
    "Raccords d'étanchéité et collerettes isolantes",
    'Silo textile 3 800 L',
    'Tubage du conduit de fumées',
    'Dépose des menuiseries existantes',
    "Dépose et évacuation de l'ancien isolant",
    'Calorifugeage des canalisations',
    'Percements des menuiseries pour entrées d’air',
    'Installation de chantier et échafaudage',
    'Fourniture ossature, plaques de plâtre BA13 et membrane pare-vapeur',
    'Module hydraulique intérieur',
    'Goulottes de finition',
    "F&P rehausse et isolation de la trappe d'accès aux combles",
    'Fourniture et pose porte coulissante SDB',
    'Fourniture et pose d’un bloc-porte postformé à âme alvéolaire',
    'Porte de distribution',
    'Lot 04 – Isolation du plancher bas',
    'Ferrures, pentures et arrêts de volets inox',
    'Forage vertical 2 × 75 m, sondes géothermiques double U',
    "Réalisation du réseau de rejet d'air vers les combles (gaine isolée)",
    'F & P capots de protection des spots',
  ])('%s is no geste', (label) => {
    expect(isAccessory(label) || typeOf(label, 'Isolation des combles perdus') === undefined).toBe(
      true,
    );
  });
});

describe('nature of a line', () => {
  test.each([
    ['Fourniture pompe à chaleur air/eau', 'fourniture'],
    ['Fenêtre PVC 2 vantaux', 'fourniture'],
    ['VMC simple flux – fourniture et pose', 'fourniture_pose'],
    ["Fourniture et installation d'un poêle", 'fourniture_pose'],
    ['Chauffe-eau thermodynamique F+P', 'fourniture_pose'],
    ['Isolant posé y compris main d’œuvre', 'fourniture_pose'],
    ['Pose et raccordement de la PAC', 'pose'],
    ["Main d'œuvre : soufflage mécanique", 'pose'],
    ['Installation du poêle, mise en service', 'pose'],
    ['Mise en service et réglages', 'pose'],
    ['Dépose des anciens châssis et pose des fenêtres de toit', 'pose'],
    ['Dépose de la chaudière fioul', 'autre'],
    ['Rehausse de la trappe et pose de déflecteurs', 'autre'],
    ['Raccordement électrique depuis le tableau', 'autre'],
    ['Installation de chantier et échafaudage', 'autre'],
    ['Traitement des points singuliers', 'autre'],
    ['Service pose : installation du chauffe-eau thermodynamique', 'pose'],
    ['Prestation installation de la pompe à chaleur', 'pose'],
  ])('%s → %s', (label, nature) => {
    expect(natureOf(label)).toBe(nature);
  });

  test('a generic sub-heading gives the nature of the lines under it', () => {
    expect(natureOf('Centrale double flux', "Main d'œuvre")).toBe('pose');
    expect(natureOf('Réseau de gaines', 'Fournitures')).toBe('fourniture');
    expect(natureOf('Dépose et recyclage de l’ancien chauffe-eau', 'SERVICES')).toBe('autre');
    expect(natureOf('Forfait chauffe-eau', 'SERVICES')).toBe('pose');
  });
});

describe('what is not a window, and the subject of the quote', () => {
  test.each([
    ["Profilés de départ, cornières d'angle, appuis de fenêtres aluminium laqué"],
    ['Tablettes de fenêtre en MDF'],
    ['Habillage des fenêtres en aluminium'],
  ])('%s names a window surround, not a window', (label) => {
    expect(typeOf(label)).toBeUndefined();
  });

  test('a window named outright stays a window', () => {
    expect(typeOf('Fenêtre PVC 2 vantaux avec appui')).toBe('menuiserie_fenetre');
  });

  test('an insulation line that names no kind takes the one the subject names', () => {
    const line = { label: 'Fourniture isolant PSE graphité ép. 140 mm', details: [], notes: [] };
    expect(classifyLine(line)).toBeUndefined();
    const subject = subjectInsulation(
      "Isolation thermique par l'extérieur des façades nord et est",
    );
    expect(subject).toBe('isolation_thermique_par_exterieur_ITE');
    expect(classifyLine({ ...line, subjectInsulation: subject! })).toBe(subject);
    // a line that says its kind keeps it
    expect(
      classifyLine({ ...line, label: 'Isolant des combles perdus', subjectInsulation: subject! }),
    ).toBe('isolation_comble_perdu');
  });

  test('a subject naming several insulation kinds, or none, gives none', () => {
    expect(
      subjectInsulation('Isolation des combles perdus et des murs par l’extérieur'),
    ).toBeUndefined();
    expect(subjectInsulation('Remplacement de la chaudière')).toBeUndefined();
  });
});
