/**
 * Aid thresholds on equipment (heat pumps, biomass boilers, stoves, solar, hot water,
 * ventilation) with the real table, the quote's date, and the scheme changes (issue 12, item 5).
 */
import { describe, expect, it } from '@jest/globals';
import type { AidThresholdRow } from '../../src/domain/aid-thresholds.js';
import { checkAt, codes, row, tableOf } from './threshold-helpers.js';

const ETAS = 'chauffage_etas_insuffisant';

describe('heat pumps', () => {
  it.each([
    [110, true],
    [111, false],
    ['1,10', true],
    ['110 %', true],
    ['111 %', false],
    // ambiguous: an integer ratio, or a ratio out of range
    ['1', false],
    [5, false],
  ])('air/water ETAS %s: finding %s', (etas, fails) => {
    const result = checkAt([{ type: 'pac_air_eau', ETAS: etas }], '2026-10-14');
    expect(codes(result)).toEqual(fails ? [ETAS] : []);
  });

  it('a ratio is read as a percentage and said so', () => {
    const [finding] = checkAt([{ type: 'pac_eau_eau', ETAS: 1.05 }], '2025-11-03').findings;
    expect(finding?.problem).toBe(
      "Le devis indique ETAS = 105 % (écrit 1,05) ; pour une pompe à chaleur eau/eau, les aides exigent ETAS ≥ 111 % (CEE : fiche BAR-TH-172, version A74-3 ; MaPrimeRénov' : arrêté du 17 novembre 2020).",
    );
  });

  it('126 % at low temperature has one source only: a line, and only when the regime is known', () => {
    const low = checkAt(
      [{ type: 'pac_air_eau', ETAS: 125, regime_temperature: 'basse' }],
      '2026-10-14',
    );
    expect(low.findings).toEqual([]);
    expect(low.lines[0]?.label).toMatch(/ETAS ≥ 126 % pour une pompe à chaleur basse température/u);
    const unknown = checkAt([{ type: 'pac_air_eau', ETAS: 125 }], '2026-10-14');
    expect(unknown.lines).toEqual([]);
  });

  it('air/air: SCOP and power from one CEE source, lines only', () => {
    const result = checkAt(
      [{ type: 'pac_air_air', SCOP: 3.8, puissance_nominale: 12.5 }],
      '2025-05-05',
    );
    expect(result.findings).toEqual([]);
    expect(result.lines.map((l) => l.code)).toEqual([
      'pac_air_air_scop_insuffisant',
      'pac_air_air_puissance_trop_elevee',
    ]);
  });
});

describe('biomass boilers (2025, CEE BAR-TH-113)', () => {
  const boiler = (extra: Record<string, unknown>) => ({ type: 'chaudiere_biomasse', ...extra });

  it.each([
    [{ ETAS: 78, puissance: 24 }, [ETAS]],
    [{ ETAS: 79, puissance: 24 }, []],
    [{ ETAS: 76.9, puissance: 20 }, [ETAS]],
    [{ ETAS: 77, puissance: 20 }, []],
    // power unknown: 78 % meets the band up to 20 kW, so nothing is sure
    [{ ETAS: 78 }, []],
    [{ ETAS: 76 }, [ETAS]],
    [{ puissance: 70.1 }, ['chaudiere_puissance_trop_elevee']],
    [{ puissance: '70 kW' }, []],
    [{ classe_regulateur: 'III' }, ['chaudiere_classe_regulateur_insuffisant']],
    [{ classe_regulateur: 'classe VI' }, []],
  ])('%j → %j', (values, expected) => {
    expect(codes(checkAt([boiler(values)], '2025-09-30'))).toEqual(expected);
  });

  it('power unknown and below both bands: both bands are stated', () => {
    const [finding] = checkAt([boiler({ ETAS: 76 })], '2025-09-30').findings;
    expect(finding?.problem).toContain(
      "ETAS ≥ 77 % jusqu'à 20 kW, ou ETAS ≥ 79 % au-delà de 20 kW",
    );
  });

  it('emissions come from a 2022 checklist only: a line, at the O₂ reference of the threshold', () => {
    const emitting = boiler({ type_chargement: 'automatique', emission_particules: 31 });
    expect(checkAt([{ ...emitting, emission_reference_o2: 10 }], '2025-09-30').lines).toHaveLength(
      1,
    );
    expect(checkAt([{ ...emitting, emission_reference_o2: 13 }], '2025-09-30').lines).toEqual([]);
    expect(checkAt([emitting], '2025-09-30').lines).toEqual([]);
  });
});

describe('stoves and inserts (CEE BAR-TH-112)', () => {
  const stove = (extra: Record<string, unknown>) => ({ type: 'poele_insert', ...extra });

  it.each([
    [{ type_combustible: 'bûches', ETAS: 65 }, [ETAS]],
    [{ type_combustible: 'bois', ETAS: 66 }, []],
    [{ type_combustible: 'granulés', ETAS: 79 }, [ETAS]],
    [{ type_combustible: 'granulés', ETAS: 80 }, []],
    [{ ETAS: 70 }, []],
    [{ ETAS: 65 }, [ETAS]],
    [{ type_combustible: 'bûches', ETAS: 60, label_flamme_verte: true }, []],
    [
      { type_combustible: 'bois', emission_monoxyde_carbone: 1501, emission_reference_o2: 13 },
      ['poele_emission_trop_elevee'],
    ],
    [
      {
        type_combustible: 'bois',
        emission_monoxyde_carbone: '1 500 mg/Nm3',
        emission_reference_o2: 13,
      },
      [],
    ],
    [{ type_combustible: 'bois', emission_monoxyde_carbone: 1600 }, []],
    [{ type_combustible: 'bois', emission_monoxyde_carbone: 1600, emission_reference_o2: 10 }, []],
  ])('2025: %j → %j', (values, expected) => {
    expect(codes(checkAt([stove(values)], '2025-10-16'))).toEqual(expected);
  });

  it('pellet particles: 20 or 30 mg/Nm³ depending on the source, a line only', () => {
    const result = checkAt(
      [stove({ type_combustible: 'granules', emission_particules: 25, emission_reference_o2: 13 })],
      '2025-10-16',
    );
    expect(result.findings).toEqual([]);
    expect(result.lines[0]?.label).toContain('sources contradictoires ou non confirmées');
  });

  it('in 2026 a stove below its ETAS is a line to check (CEE only, 6th period not found)', () => {
    const result = checkAt([stove({ type_combustible: 'bois', ETAS: 60 })], '2026-10-16');
    expect(result.findings).toEqual([]);
    expect(result.lines[0]?.label).toMatch(/ETAS ≥ 66 % pour un appareil à bûches/u);
  });
});

describe('solar, hot water and ventilation', () => {
  const ssc = (extra: Record<string, unknown>) => ({ type: 'systeme_solaire_combine', ...extra });

  it.each([
    [{ surface_captage: 7.99 }, '2025-04-01', ['ssc_surface_captage_insuffisant']],
    [{ surface_captage: 8 }, '2025-04-01', []],
    [{ surface_captage: 7 }, '2026-04-01', []],
    [{ surface_captage: '5,99 m²' }, '2026-04-01', ['ssc_surface_captage_insuffisant']],
    [{ volume_ballon: 400 }, '2025-04-01', ['ssc_volume_ballon_insuffisant']],
    [{ volume_ballon: '401 litres' }, '2025-04-01', []],
    [{ volume_ballon: 300 }, '2026-04-01', ['ssc_volume_ballon_insuffisant']],
    [{ productivite_capteurs: 599 }, '2026-04-01', ['ssc_productivite_capteurs_insuffisant']],
    [{ productivite_capteurs: '550 kWh/m²' }, '2026-04-01', []],
  ])('combined solar %j on %s → %j', (values, date, expected) => {
    expect(codes(checkAt([ssc(values)], date))).toEqual(expected);
  });

  it('hot water and single-flow ventilation: one source or conflicting ones, lines only', () => {
    const result = checkAt(
      [
        { type: 'chauffe_eau_solaire_individuel', surface_capteur: 1.9 },
        { type: 'chauffe_eau_thermo', COP: 2.4, type_installation: 'air extrait' },
        { type: 'chauffe_eau_thermo', ETAS: 99, profil_soutirage: 'L' },
        { type: 'vmc_simple_flux', classe_caisson: 'C' },
      ],
      '2026-10-22',
    );
    expect(result.findings).toEqual([]);
    expect(result.lines.map((l) => l.code)).toEqual([
      'cesi_surface_capteur_insuffisant',
      'chauffe_eau_thermodynamique_cop_insuffisant',
      'eau_chaude_etas_insuffisant',
      'vmc_classe_caisson_insuffisant',
    ]);
  });

  it.each([
    ['B', '2025-03-03', ['vmc_classe_caisson_insuffisant']],
    ['A', '2025-03-03', []],
    ['A+', '2025-03-03', []],
    ['B', '2026-03-03', []],
  ])('double-flow unit of class %s on %s → %j', (cls, date, expected) => {
    expect(codes(checkAt([{ type: 'vmc_double_flux', classe_caisson: cls }], date))).toEqual(
      expected,
    );
  });
});

describe('dates and scheme changes', () => {
  const low = [
    { type: 'isolation_comble_perdu', resistance_thermique: 2 },
    { type: 'menuiserie_fenetre', uw: 3, sw: 0.1 },
    { type: 'pac_air_eau', ETAS: 90 },
    { type: 'poele_insert', ETAS: 40, type_combustible: 'bois' },
    { type: 'chaudiere_biomasse', ETAS: 50, puissance: 90 },
    { type: 'systeme_solaire_combine', surface_captage: 2, volume_ballon: 100 },
  ];

  it('a quote dated before every version of the table raises nothing', () => {
    const result = checkAt(low, '2017-06-01');
    expect(result).toEqual({ findings: [], lines: [], controls: [] });
  });

  it('a quote without a readable date is judged at the day of the check', () => {
    const undated = checkAt([low[0]!], undefined, undefined, '2026-12-07');
    expect(codes(undated)).toEqual(['isolation_r_insuffisant']);
    expect(codes(checkAt([low[0]!], undefined, undefined, '2017-06-01'))).toEqual([]);
    expect(codes(checkAt([low[0]!], 'un jour', undefined, '2017-06-01'))).toEqual([]);
  });

  it('an unconfirmed scheme change is a line from its date on', () => {
    const biomass = [{ type: 'chaudiere_biomasse' }];
    expect(checkAt(biomass, '2025-12-31').lines).toEqual([]);
    const lines = checkAt(biomass, '2026-01-01').lines;
    expect(lines.map((l) => [l.kind, l.code])).toEqual([['scheme', 'scheme-biomasse-mpr-2026']]);
  });

  it('a confirmed scheme change is an information line', () => {
    const confirmed: AidThresholdRow = { ...row('scheme-murs-mpr-2026'), confidence: '✓' };
    const lines = checkAt(
      [{ type: 'isolation_thermique_par_interieur_ITI' }],
      '2026-02-01',
      tableOf(confirmed),
    ).lines;
    expect(lines).toHaveLength(1);
    expect(lines[0]?.kind).toBe('information');
    expect(lines[0]?.label).toMatch(
      /^Isolation des murs par l'intérieur \(ITI\) : Depuis le 1er janvier 2026/u,
    );
  });

  it('records a control only when a value was compared', () => {
    expect(checkAt([{ type: 'isolation_comble_perdu' }], '2026-01-05').controls).toEqual([]);
    expect(
      checkAt([{ type: 'isolation_comble_perdu', resistance_thermique: 8 }], '2026-01-05').controls,
    ).toEqual(['isolation_r_insuffisant']);
  });
});
