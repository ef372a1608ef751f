/**
 * Geste dispatch (spec/rules.md §3.4): each geste gets its id and its canonical type. Spellings
 * invented by LLMs are normalised to a canonical type, so they get every control (price, RGE)
 * like the canonical ones (DESIGN.md §5); a blank type skips the geste entirely.
 */
import type { GesteType } from '../domain/geste-types.js';
import { GESTE_TYPES } from '../domain/geste-types.js';
import type { FindingTarget } from './finding-collector.js';
import type { Subject } from './values.js';
import { isRecord, toText } from './values.js';

export interface PreparedGeste {
  /** 1-based position in `gestes`. */
  readonly position: number;
  /** `<check id>-geste-<position>` (spec/domain.md §4.3). */
  readonly id: string;
  readonly data: Subject;
  /** The type as written; undefined when blank (the geste is then skipped). */
  readonly rawType?: string;
  /** Canonical type; undefined for a blank or unknown type. */
  readonly type?: GesteType;
  /** `provided_value` of technical and price-presence findings: the line label. */
  readonly intitule?: string;
}

const BY_LOWERCASE = new Map(GESTE_TYPES.map((type) => [type.toLowerCase(), type]));

const ALIASES: Readonly<Record<string, GesteType>> = {
  isolation_combles_perdues: 'isolation_comble_perdu',
  pac: 'pac_air_eau',
  chauffe_eau_thermodynamique: 'chauffe_eau_thermo',
  ventilation: 'vmc_simple_flux',
};

const PREFIXES: readonly [string, GesteType][] = [
  ['isolation_thermique_par_exterieur_', 'isolation_thermique_par_exterieur_ITE'],
  ['isolation_thermique_par_interieur_', 'isolation_thermique_par_interieur_ITI'],
];

/** `pompe_a_chaleur…`: the kind is read from the rest of the name, air/water by default. */
function heatPumpType(key: string): GesteType {
  if (key.includes('air_air')) return 'pac_air_air';
  if (key.includes('eau_eau')) return 'pac_eau_eau';
  if (key.includes('hybride')) return 'pac_hybride';
  return 'pac_air_eau';
}

/** The canonical type of a written geste type; undefined when unknown. */
export function canonicalGesteType(raw: string): GesteType | undefined {
  const key = raw.trim().toLowerCase();
  const known = BY_LOWERCASE.get(key) ?? ALIASES[key];
  if (known) return known;
  const prefixed = PREFIXES.find(([prefix]) => key.startsWith(prefix));
  if (prefixed) return prefixed[1];
  if (/pompe_._chaleur/u.test(key)) return heatPumpType(key);
  return undefined;
}

export function prepareGestes(checkId: string, gestes: unknown): PreparedGeste[] {
  if (!Array.isArray(gestes)) return [];
  return gestes.map((item: unknown, index) => {
    const data: Subject = isRecord(item) ? item : {};
    const rawType = toText(data['type']);
    return {
      position: index + 1,
      id: `${checkId}-geste-${index + 1}`,
      data,
      rawType,
      type: rawType === undefined ? undefined : canonicalGesteType(rawType),
      intitule: toText(data['intitule']),
    };
  });
}

/** Target of technical and price-presence findings: the geste, shown by its line label. */
export function gesteTarget(geste: PreparedGeste): FindingTarget {
  return {
    gesteId: geste.id,
    providedValue: geste.intitule,
    ...(geste.type ? { gesteType: geste.type } : {}),
  };
}
