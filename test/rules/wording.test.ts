import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CODES_WITH_RGE_LINK, FINDING_CODES } from '../../src/domain/finding-codes.js';
import {
  FR_WORDING,
  WORDING_PLACEHOLDERS,
  fillPlaceholders,
  renderWording,
  rgeLookupUrl,
} from '../../src/rules/wording.js';

const raw = JSON.parse(
  readFileSync(new URL('../../templates/wording/fr.json', import.meta.url), 'utf8'),
) as Record<string, { title?: unknown; explanation?: unknown }>;

describe('templates/wording/fr.json', () => {
  it('words exactly the codes of the catalogue', () => {
    expect(Object.keys(raw).sort()).toEqual([...FINDING_CODES].sort());
  });

  it.each(FINDING_CODES.map((code) => [code]))('%s has a French title and explanation', (code) => {
    const { title, explanation } = raw[code] ?? {};
    expect(typeof title).toBe('string');
    expect(typeof explanation).toBe('string');
    const t = String(title);
    const e = String(explanation);
    expect(t.length).toBeGreaterThan(15);
    expect(t.toLowerCase()).not.toContain(code.toLowerCase());
    expect(t).not.toMatch(/_/u);
    expect(t).not.toMatch(/\.$/u);
    expect(e.length).toBeGreaterThan(20);
    expect(e).not.toContain(code);
    expect(e).not.toBe(t);
    // 1–3 sentences
    expect(e.split(/[.!?](?:\s|$)/u).filter((s) => s.trim() !== '').length).toBeLessThanOrEqual(3);
  });

  it('uses only known placeholders, the RGE link only where the catalogue has one', () => {
    for (const code of FINDING_CODES) {
      const text = FR_WORDING[code].title + FR_WORDING[code].explanation;
      const names = [...text.matchAll(/\{\{(\w+)\}\}/gu)].map((m) => m[1]);
      for (const name of names) expect(WORDING_PLACEHOLDERS).toContain(name);
      expect(names.includes('rge_lookup_url')).toBe(CODES_WITH_RGE_LINK.includes(code));
    }
    expect(FR_WORDING.geste_rge_non_mentionne.explanation).toContain('{{numeros_rge}}');
  });

  it('gives every code its own title', () => {
    const titles = FINDING_CODES.map((code) => FR_WORDING[code].title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('fixes the upstream catalogue quirks', () => {
    expect(FR_WORDING.pac_regime_temperature_manquant.title).toMatch(/régime de température/u);
    expect(FR_WORDING.pac_regime_temperature_manquant.title).toMatch(/n'est pas indiqué/u);
    expect(FR_WORDING.eau_chaude_profil_soutirage_manquant.title).toMatch(/profil de soutirage/u);
    expect(FR_WORDING.eau_chaude_profil_soutirage_manquant.title).not.toMatch(/XXL/u);
    const deltaR = FR_WORDING.menuiserie_deltar_volet_manquant;
    expect(deltaR.explanation).toContain('m²·K/W');
    expect(deltaR.title + deltaR.explanation).not.toContain('W/m²');
  });
});

describe('renderWording', () => {
  it('renders the RGE link as a plain URL', () => {
    const url = rgeLookupUrl('https://exemple.gouv.fr/');
    expect(url).toBe('https://exemple.gouv.fr/rge');
    const { title, solution } = renderWording('rge_manquant', { rge_lookup_url: url });
    expect(title).toBe(FR_WORDING.rge_manquant.title);
    expect(solution).toContain('https://exemple.gouv.fr/rge');
    expect(solution).not.toContain('{{');
    expect(solution).not.toContain('<a');
  });

  it('defaults to the public front-end', () => {
    expect(rgeLookupUrl()).toBe('https://mon-devis-sans-oublis.beta.gouv.fr/rge');
  });

  it('blanks unknown or missing placeholders', () => {
    expect(fillPlaceholders('a {{numeros_rge}} b {{nope}}', {})).toBe('a  b ');
  });
});
