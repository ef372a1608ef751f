/**
 * Heating values written in different ways: heat pumps, stoves, biomass boilers, combined solar.
 */
import { describe, expect, test } from '@jest/globals';
import { chauffageValues, replacedCondensing } from '../../../src/extract/works/chauffage.js';
import type { GesteText } from '../../../src/extract/works/measures.js';
import { toSource } from '../../../src/extract/works/text.js';

function geste(designation: string, details: string[]): GesteText {
  return { designation, details, notes: [] };
}

describe('heat pumps', () => {
  test('air/water heat pump with labelled values', () => {
    const g = geste('Fourniture pompe à chaleur air/eau ACMEPAC Hydra 11 kW', [
      'Marque ACMEPAC – modèle Hydra HT 11 (UE X-110 + module M-2)',
      'Module hydraulique avec appoint électrique 3 kW',
      'Puissance calorifique nominale 11 kW, fluide frigorigène R32',
      'COP 4,6 (A7/W35) – SCOP 4,52 – ETAS 128 %',
      'Installée en remplacement d’une chaudière fioul non à condensation',
      'Régime basse température',
    ]);
    expect(chauffageValues('pac_air_eau', g)).toEqual({
      marque: 'ACMEPAC',
      reference: 'Hydra HT 11 (UE X-110 + module M-2)',
      puissance: 11,
      puissance_nominale: 11,
      ETAS: 128,
      COP: 4.6,
      SCOP: 4.52,
      type_fluide_frigorigene: 'R32',
      remplacement_chaudiere_condensation: false,
      regime_temperature: 'basse',
    });
  });

  test.each([
    ['COP à +7 °C : 4,2', 4.2],
    ['COP (7/35) : 4,10', 4.1],
    ['COP de 3,8', 3.8],
  ])('COP written "%s"', (text, cop) => {
    expect(chauffageValues('pac_air_eau', geste('PAC', [text])).COP).toBe(cop);
  });

  test.each([
    ['Fluide R-410A', 'R410A'],
    ['gaz réfrigérant : R 32', 'R32'],
    ['fonctionne au R290 (propane)', 'R290'],
  ])('refrigerant "%s"', (text, fluid) => {
    expect(chauffageValues('pac_air_eau', geste('PAC', [text])).type_fluide_frigorigene).toBe(
      fluid,
    );
  });

  test('air/air heat pump keeps only its own fields', () => {
    const g = geste('Climatisation réversible multi-split', [
      'Marque Aeris – modèle MX-2',
      'Puissance nominale 5,3 kW',
      'SCOP 4,1 – COP 3,9',
      'Gaz R32',
    ]);
    expect(chauffageValues('pac_air_air', g)).toEqual({
      marque: 'Aeris',
      reference: 'MX-2',
      puissance_nominale: 5.3,
      SCOP: 4.1,
      type_fluide_frigorigene: 'R32',
    });
  });

  test('a power range or a back-up heater is not the power', () => {
    const g = geste('PAC air/eau', [
      'Plage de modulation de 3 à 12 kW',
      'Appoint électrique 6 kW',
      'Puissance 11 kW',
    ]);
    expect(chauffageValues('pac_air_eau', g).puissance).toBe(11);
  });
});

describe('replaced boiler', () => {
  test.each([
    ["Installée en remplacement d'une chaudière fioul à condensation", true],
    ["En remplacement d'une chaudière gaz non condensation", false],
    ['Remplace une chaudière sans condensation', false],
    ['Chaudière existante à condensation déposée', true],
    ['Remplacement de la chaudière fioul', undefined],
    ['Chaudière à condensation neuve', undefined],
  ])('"%s" → %s', (text, value) => {
    expect(replacedCondensing([toSource(text)])).toBe(value);
  });
});

describe('stoves and biomass boilers', () => {
  test('pellet stove with Flamme Verte and two emissions', () => {
    const g = geste('Poêle à granulés étanche ACMEFLAM Eva 8', [
      'Marque ACMEFLAM – modèle Eva 8 étanche',
      'Combustible : granulés de bois, puissance nominale 8 kW',
      'Rendement 91,2 % – ETAS (ηs) 86 % – Label Flamme Verte 7 étoiles',
      "Émissions (à 13 % d'O2) : CO 110 mg/Nm³, particules 15 mg/Nm³",
    ]);
    expect(chauffageValues('poele_insert', g)).toEqual({
      marque: 'ACMEFLAM',
      reference: 'Eva 8 étanche',
      puissance: 8,
      ETAS: 86,
      type_combustible: 'granules',
      rendement_energetique: 91.2,
      label_flamme_verte: true,
      emission_monoxyde_carbone: 110,
      emission_particules: 15,
      emission_reference_o2: 13,
    });
  });

  test.each([
    ["Émissions à 13 % d'O₂ : CO 1 600 mg/Nm³", 13],
    ['CO 420 mg/Nm³ (10 % O2)', 10],
    ["CO 900 mg/Nm³, ramenées à 13 % d'oxygène", 13],
    // two references: the emissions cannot be compared with certainty
    ['CO 1600 mg/Nm3 (13 % O2), NOx 120 mg/Nm3 à 10 % O2', undefined],
    ['CO 1600 mg/Nm3', undefined],
  ])('the O₂ reference of the emissions: %s', (line, o2) => {
    const values = chauffageValues('poele_insert', geste('Poêle à bûches', [line]));
    expect(values.emission_reference_o2).toBe(o2);
  });

  test.each([
    ['ETAS : 1,26', 126],
    ['ηs = 1.11', 111],
    ['ETAS (ηs) : 126 %', 126],
    ['Efficacité énergétique saisonnière 0,88', undefined],
    ['ETAS 1,2 kW', undefined],
    ['ETAS : 2', undefined],
  ])('ETAS in %%, a labelled ratio only when unambiguous: %s', (line, etas) => {
    const values = chauffageValues('pac_air_eau', geste('Pompe à chaleur air/eau', [line]));
    expect(values.ETAS).toBe(etas);
  });

  test.each([
    ['Productivité des capteurs : 620 W/m²', 620],
    ['Productivité 580 W par m² de capteur', 580],
    // a yearly yield is another quantity
    ['Productivité solaire 450 kWh/m².an', undefined],
  ])('collector productivity in W/m² only: %s', (line, productivity) => {
    const values = chauffageValues(
      'systeme_solaire_combine',
      geste('Système solaire combiné', [line]),
    );
    expect(values.productivite_capteurs).toBe(productivity);
  });

  test('log insert with emissions written in full', () => {
    const g = geste('Insert à bûches', [
      'Monoxyde de carbone (CO) à 13 % O2 : 1250 mg/Nm3 – Composés organiques gazeux : 98 mgC/Nm3',
      'Poussières : 28 mg/Nm3 – Oxydes d’azote : 160 mg/Nm3',
    ]);
    expect(chauffageValues('poele_insert', g)).toMatchObject({
      type_combustible: 'bois',
      emission_monoxyde_carbone: 1250,
      emission_composés_organique: 98,
      emission_particules: 28,
      emission_oxydes_azotes: 160,
    });
  });

  test('biomass boiler: feeding, silo, controller, sizing note', () => {
    const g = geste('Chaudière automatique à granulés ACMEBOIS Pello 24', [
      'Marque ACMEBOIS – modèle Pello 24 AT',
      'Combustible : granulés, puissance 24 kW, chargement automatique par vis',
      'Stockage : silo textile neuf sur armature, installé en cave, contenance 3 800 L',
      'Régulation : REGULO RC-40 climatique, classe VI',
      'Note de dimensionnement jointe',
    ]);
    expect(chauffageValues('chaudiere_biomasse', g)).toMatchObject({
      marque: 'ACMEBOIS',
      reference: 'Pello 24 AT',
      puissance: 24,
      type_combustible: 'granules',
      type_chargement: 'automatique',
      type_silo: 'silo textile neuf sur armature, installé en cave',
      contenance_silo: 3800,
      marque_regulateur: 'REGULO',
      reference_regulateur: 'RC-40 climatique',
      classe_regulateur: 'VI',
      presence_note_dimensionnement: true,
    });
  });

  test('silo capacity in m³ is converted to litres', () => {
    const g = geste('Chaudière à granulés', ['Stockage : silo maçonné existant, capacité 4 m3']);
    expect(chauffageValues('chaudiere_biomasse', g)).toMatchObject({
      type_silo: 'silo maçonné existant',
      contenance_silo: 4000,
    });
  });
});

describe('combined solar system', () => {
  test('collectors, tank and back-up', () => {
    const g = geste('Système solaire combiné', [
      'Marque Solta, modèle Combi 800',
      'Capteurs : Solta Plan 2.5 – capteurs plans vitrés',
      'Surface de captage : 14,4 m² – productivité 620 W/m²',
      'Ballon hydro-accumulateur 800 L, profil de soutirage XL',
      'Appoint : chaudière gaz existante',
    ]);
    expect(chauffageValues('systeme_solaire_combine', g)).toMatchObject({
      marque: 'Solta',
      reference: 'Combi 800',
      marque_capteurs: 'Solta',
      reference_capteurs: 'Plan 2.5',
      type_capteurs: 'capteurs plans vitrés',
      surface_captage: 14.4,
      productivite_capteurs: 620,
      volume_ballon: 800,
      profil_soutirage: 'XL',
      energie_appoint: 'chaudière gaz existante',
    });
  });
});
