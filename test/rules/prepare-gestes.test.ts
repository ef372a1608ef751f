import { describe, expect, it } from '@jest/globals';
import { GESTE_TYPES } from '../../src/domain/geste-types.js';
import { canonicalGesteType, prepareGestes } from '../../src/rules/prepare-gestes.js';

describe('canonicalGesteType (spec/rules.md §3.4)', () => {
  it.each(GESTE_TYPES.map((type) => [type]))('keeps the canonical %s', (type) => {
    expect(canonicalGesteType(type)).toBe(type);
  });

  it.each([
    ['isolation_combles_perdues', 'isolation_comble_perdu'],
    ['isolation_thermique_par_exterieur_murs', 'isolation_thermique_par_exterieur_ITE'],
    ['Isolation_Thermique_Par_Interieur_iti', 'isolation_thermique_par_interieur_ITI'],
    ['ISOLATION_THERMIQUE_PAR_EXTERIEUR_ITE', 'isolation_thermique_par_exterieur_ITE'],
    ['pac', 'pac_air_eau'],
    ['pompe_a_chaleur', 'pac_air_eau'],
    ['pompe_à_chaleur', 'pac_air_eau'],
    ['pompe_a_chaleur_air_air', 'pac_air_air'],
    ['pompe_a_chaleur_eau_eau', 'pac_eau_eau'],
    ['pompe_a_chaleur_hybride', 'pac_hybride'],
    ['chauffe_eau_thermodynamique', 'chauffe_eau_thermo'],
    ['ventilation', 'vmc_simple_flux'],
    [' vmc_double_flux ', 'vmc_double_flux'],
  ])('normalises %j to %s', (raw, type) => {
    expect(canonicalGesteType(raw)).toBe(type);
  });

  it.each([['panneaux_photovoltaiques'], ['pompe'], ['isolation'], ['chaudiere_gaz']])(
    'does not know %j',
    (raw) => {
      expect(canonicalGesteType(raw)).toBeUndefined();
    },
  );
});

describe('prepareGestes', () => {
  it('numbers gestes from 1 and keeps the line label', () => {
    const gestes = prepareGestes('chk', [{ type: 'pac', intitule: ' PAC 8 kW ' }, {}]);
    expect(gestes).toEqual([
      expect.objectContaining({
        position: 1,
        id: 'chk-geste-1',
        rawType: 'pac',
        type: 'pac_air_eau',
        intitule: 'PAC 8 kW',
      }),
      expect.objectContaining({ position: 2, id: 'chk-geste-2', rawType: undefined }),
    ]);
  });

  it('accepts anything', () => {
    expect(prepareGestes('chk', undefined)).toEqual([]);
    expect(prepareGestes('chk', { type: 'pac' })).toEqual([]);
    expect(prepareGestes('chk', [null])).toHaveLength(1);
  });
});
