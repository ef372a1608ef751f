/**
 * Works global (spec/rules.md §3.10): for each geste in order, its price-presence controls then
 * its RGE controls. A geste whose type is not recognised gets `geste_type_inconnu` instead.
 */
import { missing } from './conditions.js';
import type { Rule } from './engine.js';
import { evaluateRules } from './engine.js';
import type { FindingCollector } from './finding-collector.js';
import { checkGesteRge } from './geste-rge.js';
import { gesteTarget } from './prepare-gestes.js';
import type { ValidationContext } from './validation-context.js';

export const PRICE_PRESENCE_RULES: readonly Rule[] = [
  { code: 'geste_prix_ht_manquant', failsIf: missing('prix_ht') },
  { code: 'geste_prix_unitaire_ht_manquant', failsIf: missing('prix_unitaire_ht') },
  { code: 'geste_taux_tva_manquant', failsIf: missing('taux_tva') },
];

export function checkGestesGlobal(ctx: ValidationContext, collector: FindingCollector): void {
  for (const geste of ctx.gestes) {
    if (geste.rawType === undefined) continue;
    if (geste.type === undefined) {
      collector.control('geste_type_inconnu', true, {
        gesteId: geste.id,
        providedValue: geste.rawType,
      });
      continue;
    }
    evaluateRules(PRICE_PRESENCE_RULES, geste.data, collector, { target: gesteTarget(geste) });
    checkGesteRge(ctx, geste, collector);
  }
}
