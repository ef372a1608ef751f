/**
 * Hot-water values: brand, model, volume, ETAS and tapping profile, then the COP and air source
 * of a heat-pump water heater (CET) or the back-up, collector area, tank class and fluid of a
 * solar water heater (CESI).
 */
import type { Geste } from '../../domain/attributes.js';
import type { GesteType } from '../../domain/geste-types.js';
import { equipmentBrand } from './product.js';
import { anyLitres, copValue, etasPercent, litres, ownSource, type GesteText } from './measures.js';
import { collectorArea, collectorFluid, soutirageProfile } from './solaire.js';
import { textOf, type Source } from './text.js';

type HotWaterValues = Partial<Geste>;

function airSource(src: Source): string | undefined {
  if (/air\s+extrait|sur\s+(?:la\s+)?vmc/u.test(src.folded)) return 'air extrait';
  if (/air\s+exterieur|air\s+ext\.|prise\s+d'air\s+exterieure/u.test(src.folded))
    return 'air extérieur';
  if (/air\s+ambiant|non\s+gaine/u.test(src.folded)) return 'air ambiant';
  return undefined;
}

function backup(src: Source): string | undefined {
  const m =
    /appoint\s*(?:[:=]|par|en)?\s*(?:une\s+|un\s+|la\s+|le\s+)?(?<v>(?:resistance\s+)?electrique|gaz|fioul|bois|chaudiere|hydraulique|pompe)/u.exec(
      src.folded,
    );
  if (!m?.groups?.v) return undefined;
  return /electrique/u.test(m.groups.v) ? 'electrique' : 'autre';
}

const TANK_CLASS_RE =
  /classe\s*(?:energetique\s*)?(?:\(?erp\)?\s*)?(?:du\s+ballon\s*|de\s+stockage\s*)?[:=]?\s*(?<v>a\+{1,3}|[a-g])(?![\p{L}\d])/u;

/** Values of a hot-water geste of the given type. */
export function eauChaudeValues(type: GesteType, g: GesteText): HotWaterValues {
  const src = ownSource(g);
  const out: HotWaterValues = {};
  const { brand, model } = equipmentBrand(g);
  if (brand) out.marque = brand;
  if (model) out.reference = model;
  const volume = litres(src) ?? anyLitres(src);
  if (volume !== undefined) out.volume = volume;
  const etas = etasPercent(src);
  if (etas !== undefined) out.ETAS = etas;
  const profile = soutirageProfile(src);
  if (profile) out.profil_soutirage = profile;
  if (type === 'chauffe_eau_thermo') {
    const cop = copValue(src);
    if (cop !== undefined) out.COP = cop;
    const air = airSource(src);
    if (air) out.type_installation = air;
    return out;
  }
  const appoint = backup(src);
  if (appoint) out.type_appoint = appoint;
  const area = collectorArea(src);
  if (area !== undefined) out.surface_capteur = area;
  const cls = textOf(src, TANK_CLASS_RE);
  if (cls) out.classe_energetique_ballon = cls.toUpperCase();
  const fluid = collectorFluid(src);
  if (fluid) out.fluide_capteur = fluid;
  return out;
}
