/**
 * Brand, model and class of a component written on labelled items of their own: "Marque des
 * capteurs : Acme", "Référence régulateur : Rx 4", "Classe du régulateur : IV".
 */
import { cutLabelledModel, type BrandModel } from './brand-words.js';
import { textOf, trimValue, type Source } from './text.js';

const OF = String.raw`\s*(?:(?:des|du|de\s+la|de\s+l'|de|d')\s*)?`;

function labelled(items: readonly Source[], label: string, component: string): string | undefined {
  const re = new RegExp(
    String.raw`^[\s•–—-]*(?:${label})${OF}(?:${component})\s*:\s*(?<v>\S.*)$`,
    'u',
  );
  for (const item of items) {
    const value = textOf(item, re);
    if (value) return value;
  }
  return undefined;
}

/** Brand and model of a component named by `component` (a folded pattern, e.g. `capteurs?`). */
export function componentBrandModel(items: readonly Source[], component: string): BrandModel {
  const out: BrandModel = {};
  const brand = labelled(items, 'marque|fabricant', component);
  if (brand) out.brand = trimValue(brand.split(/[,;(]|\s[–—-]\s/u)[0] ?? brand);
  const model = labelled(items, String.raw`references?|modeles?|ref\b\.?`, component);
  if (model) out.model = cutLabelledModel(model);
  return out;
}

/** Class of a component ("Classe du régulateur : IV"), kept as printed. */
export function componentClass(items: readonly Source[], component: string): string | undefined {
  const value = labelled(items, 'classe', component);
  return value ? trimValue(value.split(/[,;(\s]/u)[0] ?? value) : undefined;
}
