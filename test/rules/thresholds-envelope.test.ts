/**
 * Aid thresholds on the envelope (insulation, windows) with the real table: both schemes cited
 * when both apply, the CEE rows unconfirmed from 2026 (6th period not found), units as met in
 * quotes, R computed from thickness and λ, and the quote's date deciding (issue 12, item 5).
 */
import { describe, expect, it } from '@jest/globals';
import { checkAt, codes } from './threshold-helpers.js';

const COMBLES = 'isolation_comble_perdu';
const MPR = "MaPrimeRénov' : arrêté du 17 novembre 2020";

describe('insulation R', () => {
  it.each([
    [6.99, true],
    [7, false],
    [7.01, false],
  ])('lost attic at R = %d in 2025: finding %s, citing CEE and MPR', (r, fails) => {
    const result = checkAt([{ type: COMBLES, resistance_thermique: r }], '2025-11-10');
    expect(codes(result)).toEqual(fails ? ['isolation_r_insuffisant'] : []);
    if (fails) {
      expect(result.findings[0]?.problem).toBe(
        `Le devis indique R = 6,99 m²·K/W ; pour des combles perdus, les aides exigent R ≥ 7 m²·K/W (CEE : fiche BAR-EN-101 ; ${MPR}).`,
      );
      expect(result.findings[0]?.value).toBe('R = 6,99 m²·K/W');
    }
    expect(result.lines).toEqual([]);
  });

  it('in 2026 the finding cites MaPrimeRénov’ only: CEE fiches of 2026 are not confirmed', () => {
    const result = checkAt([{ type: COMBLES, resistance_thermique: 5 }], '2026-10-06');
    expect(result.findings[0]?.problem).toBe(
      `Le devis indique R = 5 m²·K/W ; pour des combles perdus, les aides exigent R ≥ 7 m²·K/W (${MPR}).`,
    );
    expect(result.lines).toEqual([]);
  });

  it.each([
    ['isolation_rampants_toiture', 5.99, 6],
    ['isolation_toiture_terrasse', 4.49, 4.5],
  ])('%s: %d fails, %d passes (2026, MaPrimeRénov’)', (type, below, at) => {
    expect(codes(checkAt([{ type, resistance_thermique: below }], '2026-10-06'))).toEqual([
      'isolation_r_insuffisant',
    ]);
    expect(codes(checkAt([{ type, resistance_thermique: at }], '2026-10-06'))).toEqual([]);
  });

  it('walls in 2025: CEE (version A65-4) and MaPrimeRénov’; in 2026 only lines to check', () => {
    const ite = { type: 'isolation_thermique_par_exterieur_ITE', resistance_thermique: 3.69 };
    const in2025 = checkAt([ite], '2025-06-02');
    expect(in2025.findings[0]?.problem).toContain('fiche BAR-EN-102, version A65-4');
    expect(in2025.findings[0]?.problem).toContain(MPR);
    const in2026 = checkAt([ite], '2026-06-02');
    expect(in2026.findings).toEqual([]);
    expect(in2026.lines.map((l) => l.kind)).toEqual(['threshold', 'scheme']);
    expect(in2026.lines[1]?.label).toMatch(/ne serait plus financée par MaPrimeRénov' par geste/u);
  });

  it('low floor: CEE only, a finding in 2025, a line in 2026', () => {
    const floor = { type: 'isolation_plancher_bas', resistance_thermique: 2.9 };
    expect(codes(checkAt([floor], '2025-03-01'))).toEqual(['isolation_r_insuffisant']);
    const in2026 = checkAt([floor], '2026-03-01');
    expect(in2026.findings).toEqual([]);
    expect(in2026.lines[0]?.label).toMatch(/R ≥ 3 m²·K\/W.*fiche BAR-EN-103.*seuil à confirmer/u);
  });

  it.each([
    ['6,99 m².K/W', true],
    ['6,99 m2K/W', true],
    ['6.99 (m².K)/W', true],
    ['7 m²·K/W', false],
    // a thickness or a conductivity is never a resistance: not compared
    ['300 mm', false],
    ['0,035 W/m.K', false],
    ['environ 6', false],
  ])('R printed as « %s »: finding %s', (printed, fails) => {
    const result = checkAt([{ type: COMBLES, resistance_thermique: printed }], '2026-10-06');
    expect(codes(result)).toEqual(fails ? ['isolation_r_insuffisant'] : []);
  });

  it('R computed from thickness and λ only when both are printed and R is not, and said so', () => {
    const computed = checkAt(
      [{ type: COMBLES, epaisseur_isolant: 26, lambda_isolant: 0.04 }],
      '2026-10-06',
    );
    expect(computed.findings[0]?.problem).toBe(
      `Le devis indique une épaisseur de 26 cm et une conductivité λ de 0,04 W/m·K, soit R = 6,5 m²·K/W (calculée : le devis n'indique pas R) ; pour des combles perdus, les aides exigent R ≥ 7 m²·K/W (${MPR}).`,
    );
    expect(computed.findings[0]?.value).toBe('R = 6,5 m²·K/W (calculée)');
    const enough = { type: COMBLES, epaisseur_isolant: 28, lambda_isolant: 0.04 };
    expect(codes(checkAt([enough], '2026-10-06'))).toEqual([]);
    const printed = { ...enough, epaisseur_isolant: 20, resistance_thermique: 7 };
    expect(codes(checkAt([printed], '2026-10-06'))).toEqual([]);
    const thicknessOnly = { type: COMBLES, epaisseur_isolant: 10 };
    expect(checkAt([thicknessOnly], '2026-10-06').controls).toEqual([]);
  });
});

describe('windows Uw / Sw', () => {
  const window = (uw: unknown, sw?: unknown) => ({
    type: 'menuiserie_fenetre',
    uw,
    ...(sw === undefined ? {} : { sw }),
  });

  it.each([
    [1.3, 0.3, false],
    [1.3, 0.29, true],
    [1.31, 0.35, true],
    [1.31, 0.36, false],
    [1.7, 0.36, false],
    [1.71, 0.5, true],
    ['1,6 W/m².K', '30 %', true],
    ['1,2 W/(m².K)', '0,42', false],
  ])('Uw %s and Sw %s: finding %s', (uw, sw, fails) => {
    const result = checkAt([window(uw, sw)], '2026-10-20');
    expect(codes(result)).toEqual(fails ? ['menuiserie_uw_sw_insuffisant'] : []);
  });

  it('the finding states both pairs of values and the source', () => {
    const [finding] = checkAt([window(1.6, 0.3)], '2025-10-20').findings;
    expect(finding?.problem).toBe(
      `Le devis indique Uw = 1,6 W/m²·K et Sw = 0,3 ; pour des fenêtres ou portes-fenêtres, les aides exigent Uw ≤ 1,3 W/m²·K et Sw ≥ 0,3, ou Uw ≤ 1,7 W/m²·K et Sw ≥ 0,36 (CEE : fiche BAR-EN-104, version A54-2 ; ${MPR}).`,
    );
  });

  it('without Sw, only a Uw that fails both pairs is a finding', () => {
    expect(codes(checkAt([window(1.5)], '2026-10-20'))).toEqual([]);
    expect(checkAt([window(1.5)], '2026-10-20').controls).toEqual([]);
    expect(codes(checkAt([window(1.8)], '2026-10-20'))).toEqual(['menuiserie_uw_sw_insuffisant']);
  });

  it.each([
    [1.5, 0.36, false],
    [1.51, 0.3, true],
    [1.3, 0.37, true],
    [1.3, '38 %', true],
  ])('roof window Uw %s and Sw %s: finding %s', (uw, sw, fails) => {
    const result = checkAt([{ type: 'menuiserie_fenetre_toit', uw, sw }], '2026-10-21');
    expect(codes(result)).toEqual(fails ? ['menuiserie_uw_sw_insuffisant'] : []);
  });

  it('doors and shutters: conflicting sources, lines only', () => {
    const result = checkAt(
      [
        { type: 'menuiserie_porte', ud: 1.8 },
        { type: 'menuiserie_volet_isolant', deltaR: 0.2 },
      ],
      '2026-10-21',
    );
    expect(result.findings).toEqual([]);
    expect(result.lines.map((l) => l.code)).toEqual([
      'menuiserie_ud_porte_insuffisant',
      'menuiserie_deltar_volet_insuffisant',
    ]);
    expect(result.lines[0]?.label).toContain('sources contradictoires ou non confirmées');
  });
});
