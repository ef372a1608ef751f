/**
 * Heating values: brand and model, power, ETAS, whether the replaced boiler is a condensing one,
 * and per type the heat-pump figures (regime, refrigerant, COP, SCOP, rated power), the stove
 * and biomass-boiler figures (fuel, efficiency, Flamme Verte, emissions) and the combined solar
 * system figures.
 */
import type { Geste } from '../../domain/attributes.js';
import type { GesteType } from '../../domain/geste-types.js';
import { biomassValues, combustionValues } from './combustion.js';
import {
  copValue,
  etasPercent,
  nominalPowerKw,
  ownSource,
  powerKw,
  refrigerant,
  scopValue,
  type GesteText,
} from './measures.js';
import { equipmentBrand } from './product.js';
import { solarCombinedValues } from './solaire.js';
import type { Source } from './text.js';

type HeatingValues = Partial<Geste>;

const CONDENSING_RE = /condens/u;
const REPLACED_RE = /remplac|substitu|en lieu|depose|existant|ancien|actuel/u;
const NOT_CONDENSING_RE =
  /non[- ]+(?:a[- ]+)?condens|sans\s+condensation|pas\s+(?:a|de)\s+condensation|n'est\s+pas\s+(?:une\s+chaudiere\s+)?a\s+condensation/u;

/** True/false when the text says whether the replaced boiler is a condensing one. */
export function replacedCondensing(sources: readonly Source[]): boolean | undefined {
  for (const s of sources) {
    for (const sentence of s.folded.split(/[.;\n]|\s[–—]\s/u)) {
      if (
        !sentence.includes('chaudiere') ||
        !CONDENSING_RE.test(sentence) ||
        !REPLACED_RE.test(sentence)
      )
        continue;
      return !NOT_CONDENSING_RE.test(sentence);
    }
  }
  return undefined;
}

const REGIME_RE =
  /regime\s*(?:de\s+)?(?:temperature)?\s*:?\s*(?<v>basse|moyenne|haute|bt|mt|ht)\b/u;
const REGIME_PHRASE_RE = /(?<![\p{L}])(?<v>basse|moyenne|haute|tres\s+haute)\s+temperature/u;

function regime(src: Source): 'basse' | 'moyenne' | 'haute' | undefined {
  const m = REGIME_RE.exec(src.folded);
  let v = m?.groups?.v;
  if (!v) {
    for (const p of src.folded.matchAll(new RegExp(REGIME_PHRASE_RE.source, 'gu'))) {
      const before = src.folded.slice(Math.max(0, p.index - 40), p.index);
      if (/chaudiere|radiateur/u.test(before)) continue;
      v = p.groups?.v;
      break;
    }
  }
  if (!v) return undefined;
  if (v === 'bt' || v === 'basse') return 'basse';
  if (v === 'mt' || v === 'moyenne') return 'moyenne';
  return 'haute';
}

function heatPumpValues(type: GesteType, src: Source): HeatingValues {
  const out: HeatingValues = {};
  const fluid = refrigerant(src);
  if (fluid) out.type_fluide_frigorigene = fluid;
  const scop = scopValue(src);
  if (scop !== undefined) out.SCOP = scop;
  const nominal = nominalPowerKw(src) ?? (type === 'pac_air_air' ? powerKw(src) : undefined);
  if (nominal !== undefined) out.puissance_nominale = nominal;
  if (type === 'pac_air_air') return out;
  const cop = copValue(src);
  if (cop !== undefined) out.COP = cop;
  const r = regime(src);
  if (r) out.regime_temperature = r;
  return out;
}

function commonValues(g: GesteText, src: Source): HeatingValues {
  const out: HeatingValues = {};
  const { brand, model } = equipmentBrand(g);
  if (brand) out.marque = brand;
  if (model) out.reference = model;
  const power = powerKw(src);
  if (power !== undefined) out.puissance = power;
  const etas = etasPercent(src);
  if (etas !== undefined) out.ETAS = etas;
  const condensing = replacedCondensing([src]);
  if (condensing !== undefined) out.remplacement_chaudiere_condensation = condensing;
  return out;
}

/** Values of a heating geste of the given type. */
export function chauffageValues(type: GesteType, g: GesteText): HeatingValues {
  const src = ownSource(g);
  if (type === 'pac_air_air') {
    const { brand, model } = equipmentBrand(g);
    return {
      ...(brand ? { marque: brand } : {}),
      ...(model ? { reference: model } : {}),
      ...heatPumpValues(type, src),
    };
  }
  const out = commonValues(g, src);
  if (type.startsWith('pac_')) return { ...out, ...heatPumpValues(type, src) };
  if (type === 'poele_insert') return { ...out, ...combustionValues(type, src) };
  if (type === 'chaudiere_biomasse')
    return { ...out, ...combustionValues(type, src), ...biomassValues(g, src) };
  if (type === 'systeme_solaire_combine') return { ...out, ...solarCombinedValues(g, src) };
  return out;
}
