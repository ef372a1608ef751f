/**
 * Gestes from the priced lines: a supply or "fourniture et pose" line naming a renovation work
 * becomes a geste; an installation line only when no supply line exists for that work. Each
 * geste gets the line's prices and the technical values of its own label and description.
 */
import { LINE_PRICE_KEYS, type Geste, type LinePrices } from '../../domain/attributes.js';
import { groupOf, type GesteType } from '../../domain/geste-types.js';
import { chauffageValues, replacedCondensing } from './chauffage.js';
import { classifyLine, strongType } from './classify.js';
import { eauChaudeValues } from './eau-chaude.js';
import { floorValues, flatRoofValues, isolationValues, wallComplexValues } from './isolation.js';
import type { GesteText } from './measures.js';
import { menuiserieValues } from './menuiserie.js';
import { cleanText, toSource } from './text.js';
import { ventilationValues } from './ventilation.js';

/** A priced line with what the geste reader needs beyond the exported line fields. */
export interface LineForGestes extends LinePrices {
  numero?: string;
  designation: string;
  details: string[];
  notes: string[];
  section?: string;
  room?: string;
  nature: 'fourniture' | 'pose' | 'fourniture_pose' | 'autre';
}

/** The technical values of a geste of this type read from a text. */
export function technicalValues(type: GesteType, g: GesteText): Partial<Geste> {
  switch (groupOf(type)) {
    case 'isolation': {
      const values = isolationValues(g);
      if (
        type === 'isolation_thermique_par_exterieur_ITE' ||
        type === 'isolation_thermique_par_interieur_ITI'
      ) {
        return { ...values, ...wallComplexValues(g) };
      }
      if (type === 'isolation_plancher_bas') return { ...values, ...floorValues(g) };
      if (type === 'isolation_toiture_terrasse') return { ...values, ...flatRoofValues(g) };
      return values;
    }
    case 'menuiserie':
      return menuiserieValues(type, g);
    case 'chauffage':
      return chauffageValues(type, g);
    case 'eau_chaude':
      return eauChaudeValues(type, g);
    case 'ventilation':
      return ventilationValues(type, g);
  }
}

function gesteOf(type: GesteType, line: LineForGestes): Geste {
  const geste: Geste = { type, intitule: line.designation };
  if (line.numero) geste.numero_ligne = line.numero;
  for (const key of LINE_PRICE_KEYS) {
    const value = line[key];
    if (value !== undefined) (geste as unknown as Record<string, unknown>)[key] = value;
  }
  const text: GesteText = {
    designation: line.designation,
    details: line.details,
    notes: line.notes,
    section: line.section,
    room: line.room,
    quantite: line.quantite,
    unite: line.unite,
  };
  return { ...geste, ...technicalValues(type, text) };
}

/** The geste type of each line (undefined for lines that are no renovation work). */
export function lineTypes(
  lines: readonly LineForGestes[],
  subjectType?: GesteType,
): (GesteType | undefined)[] {
  return lines.map((l) =>
    classifyLine({
      label: l.designation,
      section: l.section,
      details: l.details,
      notes: l.notes,
      ...(subjectType ? { subjectInsulation: subjectType } : {}),
    }),
  );
}

/**
 * Heat pumps form one family: "Pose … de la pompe à chaleur" installs the hybrid or geothermal
 * heat pump supplied above, even though the bare words read as the default air/water type; so
 * do windows and roof windows, and ventilation (« Installation de la VMC » installs the
 * double-flux unit supplied above, though a bare « VMC » reads as single flux).
 */
function family(type: GesteType): string {
  if (type.startsWith('pac_')) return 'pac';
  if (type.startsWith('vmc_')) return 'vmc';
  // "Pose des fenêtres" installs the roof windows supplied above as well
  return type === 'menuiserie_fenetre_toit' ? 'menuiserie_fenetre' : type;
}

/** Gestes of the quote, in line order. */
export function buildGestes(lines: readonly LineForGestes[], subjectType?: GesteType): Geste[] {
  const types = lineTypes(lines, subjectType);
  const chosen = new Set<number>();
  lines.forEach((l, i) => {
    if (types[i] && (l.nature === 'fourniture' || l.nature === 'fourniture_pose')) chosen.add(i);
  });
  const supplied = new Set([...chosen].map((i) => family(types[i] as GesteType)));
  lines.forEach((l, i) => {
    const type = types[i];
    if (!type || supplied.has(family(type)) || l.nature !== 'pose') return;
    if (strongType(l.designation) === type || l.details.length > 0) chosen.add(i);
  });
  const order = [...chosen].sort((a, b) => a - b);
  const gestes = order.map((i) => gesteOf(types[i] as GesteType, lines[i] as LineForGestes));
  return withReplacedBoiler(
    withSharedLineValues(gestes, lines, types, chosen),
    lines.filter((_, i) => !chosen.has(i)),
  );
}

/**
 * « Pose des fenêtres en rénovation sur dormant existant, en tunnel » priced on its own line says
 * how the windows supplied above are installed: what it states holds for the gestes of its family
 * that do not say it themselves. So does a line of a quote of one family that is no geste itself
 * (a component, an accessory).
 */
function withSharedLineValues(
  gestes: Geste[],
  lines: readonly LineForGestes[],
  types: readonly (GesteType | undefined)[],
  chosen: ReadonlySet<number>,
): Geste[] {
  let out = gestes;
  // « Pose en dépose totale : calage, fixation… » names no work: it installs what the quote
  // supplies when the quote supplies one family only; so does a component priced on its own
  // line (« Réservoir de granulés accolé à la chaudière, contenance 190 L »)
  const families = new Set(gestes.map((g) => family(g.type as GesteType)));
  const only = families.size === 1 ? [...families][0] : undefined;
  lines.forEach((line, i) => {
    const type = types[i];
    if (chosen.has(i) || (line.nature !== 'pose' && (type !== undefined || !only))) return;
    const installs = type ? family(type) : only;
    if (!installs) return;
    out = out.map((g) => {
      if (family(g.type as GesteType) !== installs) return g;
      const stated = gesteOf(g.type as GesteType, line);
      const added = Object.entries(stated).filter(
        ([key]) =>
          !GESTE_LINE_KEYS.has(key) &&
          !/^(?:marque|reference)/u.test(key) &&
          (g as unknown as Record<string, unknown>)[key] === undefined,
      );
      return added.length === 0 ? g : { ...g, ...Object.fromEntries(added) };
    });
  });
  return out;
}

/**
 * What a line says of itself, never of another line: its wording, number and prices (and, kept
 * out just above, a brand or model: an installation line names no product).
 */
const GESTE_LINE_KEYS = new Set<string>(['type', 'intitule', 'numero_ligne', ...LINE_PRICE_KEYS]);

/**
 * "Dépose de l'ancienne chaudière fioul (non condensation)" priced on its own line: what the quote
 * says of the replaced boiler holds for the heating gestes that say nothing of it.
 */
function withReplacedBoiler(gestes: Geste[], others: readonly LineForGestes[]): Geste[] {
  const needs = (g: Geste): boolean =>
    groupOf(g.type as GesteType) === 'chauffage' &&
    g.type !== 'pac_air_air' &&
    g.remplacement_chaudiere_condensation === undefined;
  if (!gestes.some(needs)) return gestes;
  const stated = replacedCondensing(
    others.map((l) => toSource([l.designation, ...l.details].map(cleanText).join('\n'))),
  );
  if (stated === undefined) return gestes;
  return gestes.map((g) => (needs(g) ? { ...g, remplacement_chaudiere_condensation: stated } : g));
}
