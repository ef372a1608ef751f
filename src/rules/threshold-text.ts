/**
 * French sentences of the threshold findings and lines (DESIGN.md §11): the value read, the
 * threshold, the scheme and the source, as in « R = 5 m²·K/W lu sur le devis ; pour des combles
 * perdus, les aides exigent R ≥ 7 m²·K/W (MaPrimeRénov' : arrêté du 17 novembre 2020 ; CEE :
 * fiche BAR-EN-101) ». Pure string building from the table rows and the values read.
 */
import type {
  AidThresholdRow,
  Confidence,
  Scheme,
  ThresholdCriterion,
} from '../domain/aid-thresholds.js';
import type { GesteType } from '../domain/geste-types.js';
import type { CriterionValue } from './threshold-values.js';

const SCHEME_NAMES: Readonly<Record<Scheme, string>> = {
  mpr: "MaPrimeRénov'",
  cee: 'CEE',
  mpr_cee: "MaPrimeRénov' et CEE",
};

/** « pour … »: what the threshold is for. */
const SUBJECTS: Readonly<Record<GesteType, string>> = {
  isolation_comble_perdu: 'des combles perdus',
  isolation_rampants_toiture: 'des rampants de toiture',
  isolation_toiture_terrasse: 'une toiture-terrasse',
  isolation_thermique_par_exterieur_ITE: "des murs isolés par l'extérieur",
  isolation_thermique_par_interieur_ITI: "des murs isolés par l'intérieur",
  isolation_plancher_bas: 'un plancher bas',
  menuiserie_fenetre: 'des fenêtres ou portes-fenêtres',
  menuiserie_fenetre_toit: 'des fenêtres de toit',
  menuiserie_porte: 'une porte',
  menuiserie_volet_isolant: 'un volet isolant',
  pac_air_eau: 'une pompe à chaleur air/eau',
  pac_eau_eau: 'une pompe à chaleur eau/eau',
  pac_hybride: 'cette pompe à chaleur',
  pac_air_air: 'une pompe à chaleur air/air',
  chaudiere_biomasse: 'une chaudière biomasse',
  poele_insert: 'un poêle ou un insert',
  systeme_solaire_combine: 'un système solaire combiné',
  chauffe_eau_solaire_individuel: 'un chauffe-eau solaire individuel',
  chauffe_eau_thermo: 'un chauffe-eau thermodynamique',
  vmc_double_flux: 'une VMC double flux',
  vmc_simple_flux: 'une VMC simple flux',
};

/** How each compared attribute is named in a sentence. */
const NAMES: Readonly<Record<string, string>> = {
  resistance_thermique: 'R',
  deltaR: 'ΔR',
  uw: 'Uw',
  sw: 'Sw',
  ud: 'Ud',
  ETAS: 'ETAS',
  rendement_energetique: 'rendement',
  COP: 'COP',
  SCOP: 'SCOP',
  puissance: 'puissance',
  puissance_nominale: 'puissance nominale',
  surface_captage: 'surface de capteurs',
  surface_capteur: 'surface de capteurs',
  productivite_capteurs: 'productivité des capteurs',
  volume_ballon: 'volume de stockage',
  emission_monoxyde_carbone: 'CO',
  emission_composés_organique: 'COG',
  emission_particules: 'particules',
  emission_oxydes_azotes: 'NOx',
};

/** Classes are said with what they grade: « régulateur de classe IV ». */
const CLASS_NAMES: Readonly<Record<string, string>> = {
  classe_caisson: 'un caisson de classe',
  classe_regulateur: 'un régulateur de classe',
  classe_energetique_ballon: 'un ballon de classe',
};

const OPERATORS: Readonly<Record<string, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, useGrouping: true });

/** 1600 → « 1 600 », 0.3 → « 0,3 ». */
export function frenchNumber(value: number): string {
  return NUMBER.format(value).replace(/\u202f/gu, ' ');
}

function nameOf(attribute: string): string {
  return NAMES[attribute] ?? CLASS_NAMES[attribute] ?? attribute;
}

function withUnit(value: string, unit: string): string {
  return unit === '' ? value : `${value} ${unit}`;
}

/** « R ≥ 7 m²·K/W », « classe du caisson A ou meilleure », « classe du régulateur IV à VIII ». */
export function criterionText(c: ThresholdCriterion): string {
  const name = nameOf(c.attribute);
  if (c.comparator === 'class_at_least') return `${name} ${String(c.value)} ou meilleure`;
  if (c.comparator === 'one_of') {
    const list = Array.isArray(c.value) ? c.value : [String(c.value)];
    return `${name} ${list[0] ?? ''} à ${list[list.length - 1] ?? ''}`;
  }
  const o2 = c.o2_reference_percent === undefined ? '' : ` à ${c.o2_reference_percent} % d'O₂`;
  return `${name} ${OPERATORS[c.comparator] ?? c.comparator} ${withUnit(frenchNumber(Number(c.value)), c.unit)}${o2}`;
}

/** « ETAS ≥ 79 % au-delà de 20 kW »; alternatives joined by « ou ». */
export function rowsRequirement(rows: readonly AidThresholdRow[]): string {
  const parts = rows.map((row) => {
    const expr = row.criteria.map(criterionText).join(' et ');
    return row.condition_label ? `${expr} ${row.condition_label}` : expr;
  });
  return parts.join(', ou ');
}

/** « MaPrimeRénov' : arrêté du 17 novembre 2020 ». */
export function sourceText(row: AidThresholdRow): string {
  return `${SCHEME_NAMES[row.scheme]} : ${row.source_label}`;
}

/** A value read, as said in a sentence and in short (`provided_value`). */
export interface ValueText {
  readonly text: string;
  readonly short: string;
}

/**
 * « R = 5 m²·K/W », « ETAS = 105 % (écrit 1,05) », « régulateur de classe II »; a computed R
 * says what it was computed from.
 */
export function valueText(read: CriterionValue, unit: string): ValueText {
  const name = nameOf(read.attribute);
  if (typeof read.value === 'string') {
    const text = `${name} ${read.value}`;
    return { text, short: text };
  }
  const base = `${name} = ${withUnit(frenchNumber(read.value), unit)}`;
  switch (read.how?.kind) {
    case 'ratio':
      return { text: `${base} (écrit ${frenchNumber(read.how.printed)})`, short: base };
    case 'computed_r': {
      const { thicknessCm, lambda } = read.how;
      return {
        text: `une épaisseur de ${frenchNumber(thicknessCm)} cm et une conductivité λ de ${frenchNumber(lambda)} W/m·K, soit ${base} (calculée : le devis n'indique pas R)`,
        short: `${base} (calculée)`,
      };
    }
    case 'o2': {
      const text = `${base} à ${frenchNumber(read.how.percent)} % d'O₂`;
      return { text, short: text };
    }
    default:
      return { text: base, short: base };
  }
}

/** One failed group: its candidate rows and the values read for them. */
export interface FailedGroup {
  readonly rows: readonly AidThresholdRow[];
  readonly confidence: Confidence;
}

/** « pour des combles perdus, les aides exigent R ≥ 7 m²·K/W (MaPrimeRénov' : … ; CEE : …) ». */
export function requirementSentence(
  gesteType: GesteType,
  groups: readonly FailedGroup[],
  verb: 'exigent' | 'exigeraient',
): string {
  const byRequirement = new Map<string, string[]>();
  for (const group of groups) {
    const requirement = rowsRequirement(group.rows);
    const sources = byRequirement.get(requirement) ?? [];
    for (const row of group.rows) {
      const source = sourceText(row);
      if (!sources.includes(source)) sources.push(source);
    }
    byRequirement.set(requirement, sources);
  }
  const parts = [...byRequirement].map(([req, sources]) => `${req} (${sources.join(' ; ')})`);
  return `pour ${SUBJECTS[gesteType]}, les aides ${verb} ${parts.join(' et ')}`;
}

/** « le devis indique R = 5 m²·K/W », « … Uw = 1,6 W/m²·K et Sw = 0,3 ». */
export function valuesSentence(values: readonly ValueText[]): string {
  return `le devis indique ${values.map((v) => v.text).join(' et ')}`;
}

/** The first letter in capitals. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const WHY: Readonly<Record<Confidence, string>> = {
  '✓': '',
  '~': 'une seule source ou une source ancienne',
  '?': 'sources contradictoires ou non confirmées',
};

/** The *à vérifier* line of a threshold whose source is not confirmed. */
export function unconfirmedLine(
  gesteTitle: string,
  values: readonly ValueText[],
  requirement: string,
  confidence: Confidence,
): string {
  return `${gesteTitle} : ${valuesSentence(values)} ; ${requirement} — seuil à confirmer (${WHY[confidence]})`;
}
