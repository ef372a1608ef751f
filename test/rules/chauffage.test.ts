import { describe, expect, it } from '@jest/globals';
import { GESTE_GROUPS } from '../../src/domain/geste-types.js';
import { parseLitres } from '../../src/rules/chauffage.js';
import {
  gesteCodes,
  itCountsControls,
  itPassesCompleteGestes,
  itRaisesOnBlankField,
} from './family-helpers.js';
import { completeGeste, validateGestes } from './fixtures.js';

describe('heating controls', () => {
  itPassesCompleteGestes(GESTE_GROUPS.chauffage);

  itRaisesOnBlankField([
    ['pac_air_eau', 'puissance', 'chauffage_puissance_manquant'],
    ['pac_eau_eau', 'marque', 'chauffage_marque_manquant'],
    ['pac_hybride', 'reference', 'chauffage_reference_manquant'],
    ['poele_insert', 'ETAS', 'chauffage_etas_manquant'],
    [
      'chaudiere_biomasse',
      'remplacement_chaudiere_condensation',
      'chauffage_remplacement_chaudiere_condensation_manquant',
    ],
    ['chaudiere_biomasse', 'type_combustible', 'chaudiere_type_combustible_manquant'],
    ['chaudiere_biomasse', 'type_chargement', 'chaudiere_type_chargement_manquant'],
    ['chaudiere_biomasse', 'type_silo', 'chaudiere_type_silo_manquant'],
    ['chaudiere_biomasse', 'contenance_silo', 'chaudiere_contenance_silo_manquant'],
    ['chaudiere_biomasse', 'emission_monoxyde_carbone', 'chaudiere_emission_CO_manquant'],
    ['chaudiere_biomasse', 'emission_composés_organique', 'chaudiere_emission_COG_manquant'],
    ['chaudiere_biomasse', 'emission_particules', 'chaudiere_emission_particule_manquant'],
    ['chaudiere_biomasse', 'emission_oxydes_azotes', 'chaudiere_emission_nox_manquant'],
    ['chaudiere_biomasse', 'marque_regulateur', 'chaudiere_marque_regulateur_manquant'],
    ['chaudiere_biomasse', 'reference_regulateur', 'chaudiere_reference_regulateur_manquant'],
    ['chaudiere_biomasse', 'classe_regulateur', 'chaudiere_classe_regulateur_manquant'],
    ['poele_insert', 'type_combustible', 'poele_type_combustible_manquant'],
    ['poele_insert', 'rendement_energetique', 'poele_rendement_energetique_manquant'],
    ['poele_insert', 'emission_monoxyde_carbone', 'poele_emission_CO_manquant'],
    ['poele_insert', 'emission_composés_organique', 'poele_emission_COG_manquant'],
    ['poele_insert', 'emission_particules', 'poele_emission_particule_manquant'],
    ['poele_insert', 'emission_oxydes_azotes', 'poele_emission_nox_manquant'],
    ['systeme_solaire_combine', 'marque_capteurs', 'ssc_marque_capteurs_manquant'],
    ['systeme_solaire_combine', 'reference_capteurs', 'ssc_reference_capteurs_manquant'],
    ['systeme_solaire_combine', 'type_capteurs', 'ssc_type_capteurs_manquant'],
    ['systeme_solaire_combine', 'surface_captage', 'ssc_surface_captage_manquant'],
    ['systeme_solaire_combine', 'productivite_capteurs', 'ssc_productivite_capteurs_manquant'],
    ['systeme_solaire_combine', 'volume_ballon', 'ssc_volume_ballon_manquant'],
    ['systeme_solaire_combine', 'energie_appoint', 'ssc_energie_appoint_manquant'],
    ['pac_air_eau', 'regime_temperature', 'pac_regime_temperature_manquant'],
    ['pac_eau_eau', 'type_fluide_frigorigene', 'pac_type_fluide_frigorigene_manquant'],
    ['pac_hybride', 'COP', 'pac_cop_chauffage_manquant'],
    ['pac_air_air', 'SCOP', 'pac_air_air_scop_manquant'],
    ['pac_air_air', 'puissance_nominale', 'pac_air_air_puissance_nominale_manquant'],
  ]);

  itCountsControls([
    ['chaudiere_biomasse', 17],
    ['poele_insert', 11],
    ['systeme_solaire_combine', 12],
    ['pac_air_eau', 9],
    ['pac_eau_eau', 9],
    ['pac_hybride', 9],
    ['pac_air_air', 2],
  ]);

  it.each([
    ['chaudiere_biomasse', 13],
    ['poele_insert', 7],
  ] as const)('Flamme Verte: %s skips the 4 emission controls (%i)', (type, technical) => {
    const result = validateGestes([{ type, label_flamme_verte: true }]);
    expect(result.controlsCount).toBe(25 + technical + 3);
    expect(gesteCodes(result).some((c) => c.includes('emission'))).toBe(false);
  });

  it('an explicit false for the replaced boiler is a value, not an absence', () => {
    const geste = { ...completeGeste('pac_air_eau'), remplacement_chaudiere_condensation: false };
    expect(gesteCodes(validateGestes([geste]))).toEqual([]);
  });

  it('does not apply common heating controls to air/air heat pumps', () => {
    const codes = gesteCodes(validateGestes([{ type: 'pac_air_air' }]));
    expect(codes.filter((c) => c.startsWith('pac_air_air'))).toHaveLength(2);
    expect(codes.some((c) => c.startsWith('chauffage_'))).toBe(false);
  });

  it.each<[unknown, string[]]>([
    [500, []],
    [225, []],
    [224, ['chaudiere_contenance_silo_trop_petit']],
    [180.9, ['chaudiere_contenance_silo_trop_petit']],
    ['3 800 L', []],
    ['180 litres', ['chaudiere_contenance_silo_trop_petit']],
    ['0300', []],
    ['0,2 m³', ['chaudiere_contenance_silo_trop_petit']],
    ['2,5 m3', []],
    ['2 tonnes', []],
    ['grand', []],
    [{ valeur: 100 }, []],
  ])('silo capacity %j', (capacity, expected) => {
    const geste = { ...completeGeste('chaudiere_biomasse'), contenance_silo: capacity };
    expect(gesteCodes(validateGestes([geste]))).toEqual(expected);
  });

  it.each<[unknown, number | undefined]>([
    [300, 300],
    ['300', 300],
    ['1 500 l', 1500],
    ['1,5 m³', 1500],
    ['225L', 225],
    ['3 t', undefined],
    ['beaucoup', undefined],
    [null, undefined],
    [Number.NaN, undefined],
  ])('parseLitres(%j) = %j', (value, litres) => {
    expect(parseLitres(value)).toBe(litres);
  });
});
