/** One builder per geste family; every one of the 21 types is covered. */
import { groupOf, type GesteType } from '../../../src/domain/geste-types.js';
import { bois } from './bois.js';
import type { GesteContext, GesteDraft } from './draft.js';
import { eauChaude } from './eau-chaude.js';
import { isolation } from './isolation.js';
import { menuiserie } from './menuiserie.js';
import { pac } from './pac.js';
import { ventilation } from './ventilation.js';

export type { GesteContext, GesteDraft } from './draft.js';

export function buildGestes(ctx: GesteContext, type: GesteType): GesteDraft[] {
  if (type === 'poele_insert' || type === 'chaudiere_biomasse') return bois(ctx, type);
  if (type === 'systeme_solaire_combine') return eauChaude(ctx, type);
  switch (groupOf(type)) {
    case 'isolation':
      return isolation(ctx, type);
    case 'menuiserie':
      return menuiserie(ctx, type);
    case 'ventilation':
      return ventilation(ctx, type);
    case 'eau_chaude':
      return eauChaude(ctx, type);
    default:
      return pac(ctx, type);
  }
}
