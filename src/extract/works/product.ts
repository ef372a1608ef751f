/**
 * Brand and model of the equipment of a geste (heating, hot water, joinery): labelled anywhere
 * in its text, else in capitals or capitalised in its label, else at the start of a description
 * line ("Acme Nova 7 – puissance 7 kW").
 */
import {
  capitalBrandModel,
  capsBrandModel,
  labelledAcross,
  leadingBrandModel,
  type BrandModel,
} from './brand.js';
import { itemSources, type GesteText } from './measures.js';
import { cleanText } from './text.js';

export function equipmentBrand(g: GesteText): BrandModel {
  const labelled = labelledAcross(itemSources(g).map((i) => i.raw));
  if (labelled.brand) return labelled;
  const designation = cleanText(g.designation);
  const caps = capsBrandModel(designation);
  if (caps.brand) return caps;
  const capitalised = capitalBrandModel(designation);
  if (capitalised.brand) return capitalised;
  const leading = g.details.map((d) => leadingBrandModel(cleanText(d))).find((b) => b.brand);
  return leading ?? labelled;
}
