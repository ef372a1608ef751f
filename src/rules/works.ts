/**
 * Works validator (spec/rules.md §1.5, §3.4): technical controls family by family (insulation,
 * joinery, heating, hot water, ventilation), gestes in order within a family, then the
 * per-geste price-presence and RGE controls.
 */
import { CHAUFFAGE_RULES } from './chauffage.js';
import { EAU_CHAUDE_RULES } from './eau-chaude.js';
import type { Rule } from './engine.js';
import { evaluateRules } from './engine.js';
import type { FindingCollector } from './finding-collector.js';
import { checkGestesGlobal } from './gestes-global.js';
import { ISOLATION_RULES } from './isolation.js';
import { MENUISERIE_RULES } from './menuiserie.js';
import { gesteTarget } from './prepare-gestes.js';
import type { ValidationContext } from './validation-context.js';
import { VENTILATION_RULES } from './ventilation.js';

export const WORKS_TABLES: readonly (readonly Rule[])[] = [
  ISOLATION_RULES,
  MENUISERIE_RULES,
  CHAUFFAGE_RULES,
  EAU_CHAUDE_RULES,
  VENTILATION_RULES,
];

export function checkWorks(ctx: ValidationContext, collector: FindingCollector): void {
  for (const table of WORKS_TABLES) {
    for (const geste of ctx.gestes) {
      if (geste.type === undefined) continue;
      evaluateRules(table, geste.data, collector, {
        gesteType: geste.type,
        target: gesteTarget(geste),
      });
    }
  }
  checkGestesGlobal(ctx, collector);
}
