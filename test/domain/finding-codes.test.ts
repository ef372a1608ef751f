import { describe, expect, it } from '@jest/globals';
import {
  CATEGORIES,
  CODES_WITH_RGE_LINK,
  DELETION_REASONS,
  FINDING_CATALOGUE,
  FINDING_CODES,
  THRESHOLD_CODES,
  TYPES,
  isFindingCode,
  OWN_CODES,
} from '../../src/domain/finding-codes.js';

describe('finding catalogue', () => {
  it('holds exactly the 133 codes of spec/rules.md §3.15 plus our own', () => {
    expect(OWN_CODES).toEqual(['geste_renovation_energetique_absent', ...THRESHOLD_CODES]);
    expect(FINDING_CODES).toHaveLength(133 + OWN_CODES.length);
    expect(new Set(FINDING_CODES).size).toBe(133 + OWN_CODES.length);
  });

  it('gives every code a known category and type', () => {
    for (const spec of Object.values(FINDING_CATALOGUE)) {
      expect(CATEGORIES).toContain(spec.category);
      expect(TYPES).toContain(spec.type);
    }
  });

  it.each([
    ['devis_manquant', 'admin', 'missing'],
    ['numero_devis_manquant', 'admin', 'warning'],
    ['siret_format_erreur', 'admin', 'wrong'],
    ['rge_non_correspondant', 'admin', 'error'],
    ['file_type_error', 'file', 'error'],
    ['geste_renovation_energetique_absent', 'file', 'error'],
    ['llm_error', 'server', 'error'],
    ['server_timeout_error', 'server', 'error'],
    ['chaudiere_contenance_silo_trop_petit', 'gestes', 'wrong'],
    ['isolation_r_manquant', 'gestes', 'missing'],
    ['geste_rge_non_mentionne', 'gestes', 'warning'],
    ['geste_type_inconnu', 'gestes', 'warning'],
    ['geste_prix_inhabituel', 'geste_prices', 'warning'],
    ['client_adresse_incoherent', 'case_incoherence', 'error'],
  ] as const)('%s is %s / %s', (code, category, type) => {
    expect(FINDING_CATALOGUE[code]).toEqual({ category, type });
  });

  it('gives our threshold codes the catalogue naming, category gestes and type wrong', () => {
    expect(THRESHOLD_CODES.length).toBeGreaterThanOrEqual(10);
    for (const code of THRESHOLD_CODES) {
      expect(FINDING_CATALOGUE[code]).toEqual({ category: 'gestes', type: 'wrong' });
      expect(code).toMatch(
        /^(?:isolation|menuiserie|chauffage|chaudiere|poele|ssc|pac|eau_chaude|cesi|chauffe_eau|vmc)_[a-z_]+_(?:insuffisant|trop_elevee)$/u,
      );
    }
  });

  it('counts upstream codes per validator as spec/rules.md §3.15', () => {
    const upstream = FINDING_CODES.filter((code) => !OWN_CODES.includes(code));
    const prefixed = (...prefixes: string[]) =>
      upstream.filter((code) => prefixes.some((p) => code.startsWith(p))).length;
    expect(prefixed('isolation_')).toBe(9);
    expect(prefixed('menuiserie_')).toBe(13);
    expect(prefixed('chauffage_', 'chaudiere_', 'poele_', 'ssc_', 'pac_')).toBe(36);
    expect(prefixed('eau_chaude_', 'cesi_', 'chauffe_eau_')).toBe(11);
    expect(prefixed('vmc_')).toBe(16);
    expect(FINDING_CODES.filter((c) => c.endsWith('_incoherent'))).toHaveLength(3);
  });

  it('recognises its codes and nothing else', () => {
    expect(isFindingCode('tva_manquant')).toBe(true);
    expect(isFindingCode('tva_manquant_infos')).toBe(false);
    expect(isFindingCode('toString')).toBe(false);
    expect(isFindingCode(42)).toBe(false);
  });

  it('lists the RGE-link codes among its codes', () => {
    expect(CODES_WITH_RGE_LINK.every(isFindingCode)).toBe(true);
  });

  it('has the two deletion reasons of spec/rules.md §7 with French labels', () => {
    expect(Object.keys(DELETION_REASONS)).toEqual(['information_present', 'not_used']);
    for (const label of Object.values(DELETION_REASONS)) expect(label.length).toBeGreaterThan(10);
  });
});
