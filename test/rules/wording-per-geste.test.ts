/**
 * Every code's wording is right for every geste type it applies to (issue 9): the rules say which
 * codes a geste type gets (a geste with nothing but its type raises them all), each finding is
 * rendered for that type, and its text may name only the equipment of that type — a pellet stove
 * is never told about « la chaudière remplacée », a window not about a door or a shutter.
 */
import { describe, expect, it } from '@jest/globals';
import { AID_THRESHOLDS } from '../../src/domain/aid-thresholds.js';
import { GESTE_TYPES, type GesteType } from '../../src/domain/geste-types.js';
import { renderWording } from '../../src/rules/wording.js';
import { validateQuote } from '../../src/rules/validate-quote.js';

/** Equipment named in a text, by kind. */
const EQUIPMENT: Record<string, RegExp> = {
  chaudiere: /chaudi[eè]re/iu,
  pompe_a_chaleur: /pompe à chaleur|\bPAC\b/u,
  poele: /po[eê]le/iu,
  insert: /\binsert/iu,
  fenetre: /fen[eê]tre/iu,
  porte: /\bportes?\b(?!-fen)/iu,
  volet: /\bvolet/iu,
  isolant: /\bisolant|\bisolation/iu,
  ventilation: /\bVMC\b|ventilation|caisson|bouches?\b/iu,
  chauffe_eau: /chauffe-eau/iu,
  ballon: /\bballon/iu,
  capteur: /capteur/iu,
  silo: /\bsilo/iu,
};

const HEATING_REPLACING_A_BOILER = ['chaudiere', 'pompe_a_chaleur'];
/** What each geste type may name: its own equipment and its parts. */
const MAY_NAME: Record<GesteType, string[]> = {
  chaudiere_biomasse: ['chaudiere', 'silo'],
  systeme_solaire_combine: ['capteur', 'ballon', 'chaudiere'],
  poele_insert: ['poele', 'insert'],
  pac_air_air: ['pompe_a_chaleur'],
  pac_air_eau: HEATING_REPLACING_A_BOILER,
  pac_hybride: HEATING_REPLACING_A_BOILER,
  pac_eau_eau: HEATING_REPLACING_A_BOILER,
  chauffe_eau_solaire_individuel: ['chauffe_eau', 'ballon', 'capteur'],
  chauffe_eau_thermo: ['chauffe_eau', 'ballon', 'pompe_a_chaleur'],
  isolation_thermique_par_exterieur_ITE: ['isolant'],
  isolation_thermique_par_interieur_ITI: ['isolant'],
  isolation_comble_perdu: ['isolant'],
  isolation_rampants_toiture: ['isolant'],
  isolation_toiture_terrasse: ['isolant'],
  isolation_plancher_bas: ['isolant'],
  menuiserie_fenetre: ['fenetre', 'isolant'],
  menuiserie_volet_isolant: ['volet', 'fenetre', 'isolant'],
  menuiserie_fenetre_toit: ['fenetre', 'isolant'],
  menuiserie_porte: ['porte', 'isolant'],
  vmc_double_flux: ['ventilation'],
  vmc_simple_flux: ['ventilation'],
};

function findingsFor(type: GesteType) {
  const result = validateQuote({
    checkId: 'w',
    attributes: { type_fichier: 'devis', mention_devis: true, gestes: [{ type, intitule: 'L' }] },
    today: '2026-12-07',
  });
  return result.details.filter((d) => d.geste_id !== undefined);
}

describe('wording per geste type', () => {
  it.each(GESTE_TYPES.map((t) => [t]))('%s: every finding names only its own equipment', (type) => {
    const findings = findingsFor(type);
    expect(findings.length).toBeGreaterThan(2);
    const wrong = findings.flatMap((d) => {
      const text = `${d.title} ${d.solution ?? ''}`;
      return Object.entries(EQUIPMENT)
        .filter(([kind, re]) => !MAY_NAME[type].includes(kind) && re.test(text))
        .map(([kind]) => `${d.code} names ${kind}: ${text}`);
    });
    expect(wrong).toEqual([]);
  });

  it('the check itself catches a wording naming other equipment', () => {
    const stove = findingsFor('pac_air_eau').find(
      (d) => d.code === 'chauffage_remplacement_chaudiere_condensation_manquant',
    );
    // the heat pump keeps the boiler wording, which the stove must not get
    expect(stove?.title).toMatch(/chaudière/u);
    expect(MAY_NAME.poele_insert.some((k) => EQUIPMENT[k]?.test(stove?.title ?? ''))).toBe(false);
  });
});

/** Every threshold code of the table, with each geste type a row gives it (issue 12). */
const THRESHOLD_USES = [
  ...new Set(
    AID_THRESHOLDS.rows
      .filter((row) => row.kind === 'threshold')
      .flatMap((row) => row.gestes.map((type) => `${row.code ?? ''} ${type}`)),
  ),
].map((pair) => pair.split(' ') as [string, GesteType]);

describe('wording of the threshold codes per geste type', () => {
  it.each(THRESHOLD_USES)('%s for %s names only its own equipment', (code, type) => {
    const { title, solution } = renderWording(code as never, {}, { gesteType: type });
    const text = `${title} ${solution}`;
    const wrong = Object.entries(EQUIPMENT)
      .filter(([kind, re]) => !MAY_NAME[type].includes(kind) && re.test(text))
      .map(([kind]) => kind);
    expect(wrong).toEqual([]);
  });
});
