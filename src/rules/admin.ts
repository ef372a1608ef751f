/** Admin validator (spec/rules.md §3.3): quote-level mentions, in evaluation order. */
import { allOf, condition, missing, missingAll, not, notTruthy, present } from './conditions.js';
import type { Rule } from './engine.js';
import { evaluateRules } from './engine.js';
import type { FindingCollector } from './finding-collector.js';
import { checkRgeLookup } from './rge-lookup.js';
import { isValidSiret, normaliseRgeLabels } from './rge.js';
import type { ValidationContext } from './validation-context.js';
import { isBlank } from './values.js';

/** An RCS number, an RNE number, or an RCS city with a SIRET. */
const rcsPresent = condition(
  ['pro.rcs', 'pro.rne', 'pro.rcs_ville', 'pro.siret'],
  (rcs, rne, ville, siret) =>
    !isBlank(rcs) || !isBlank(rne) || (!isBlank(ville) && !isBlank(siret)),
);

/**
 * An individual entrepreneur (EI, EIRL, micro- or auto-entrepreneur) has no share capital
 * (DESIGN.md §5 fixes the upstream TODO): the legal form as read, accents and case folded.
 */
const SOLE_TRADER =
  /^(?:e\.?\s?i\.?(?:\s?r\.?\s?l\.?)?|entreprise individuelle|(?:micro|auto)[- ]?entrepreneur|entrepreneur individuel)\b/iu;

const isSoleTrader = condition(['pro.forme_juridique'], (form) =>
  typeof form === 'string'
    ? SOLE_TRADER.test(form.normalize('NFD').replace(/\p{M}/gu, '').trim())
    : false,
);

/** Rows 1–21, before the RGE lookup (row 22). */
const BEFORE_RGE_LOOKUP: readonly Rule[] = [
  { code: 'devis_manquant', failsIf: allOf(notTruthy('mention_devis'), missing('devis')) },
  { code: 'numero_devis_manquant', failsIf: missing('numero_devis') },
  { code: 'date_devis_manquant', failsIf: missing('date_devis') },
  {
    code: 'date_chantier_manquant',
    failsIf: missingAll('date_debut_chantier', 'delai_debut_chantier'),
  },
  { code: 'date_pre_visite_manquant', failsIf: missing('date_pre_visite') },
  { code: 'date_validite_manquant', failsIf: notTruthy('validite') },
  { code: 'pro_raison_sociale_manquant', failsIf: missing('pro.raison_sociale') },
  {
    code: 'pro_forme_juridique_manquant',
    failsIf: missingAll('pro.forme_juridique', 'pro_forme_juridique'),
  },
  { code: 'tva_manquant', failsIf: missing('pro.numero_tva') },
  { code: 'capital_manquant', failsIf: allOf(missing('pro.capital'), not(isSoleTrader)) },
  { code: 'siret_manquant', failsIf: missing('pro.siret') },
  {
    code: 'siret_format_erreur',
    failsIf: condition(['pro.siret'], (siret) => !isBlank(siret) && !isValidSiret(siret)),
  },
  { code: 'rcs_manquant', failsIf: not(rcsPresent) },
  // an RNE registration needs no city (DESIGN.md §5 fixes upstream here)
  { code: 'rcs_ville_manquant', failsIf: allOf(present('pro.rcs'), missing('pro.rcs_ville')) },
  { code: 'pro_assurance_manquant', failsIf: missing('pro.assurance') },
  { code: 'pro_adresse_manquant', failsIf: missing('pro.adresse') },
  { code: 'client_prenom_manquant', failsIf: missing('client.prenom') },
  { code: 'client_nom_manquant', failsIf: missing('client.nom') },
  { code: 'client_civilite_manquant', failsIf: missing('client.civilite') },
  { code: 'client_adresse_manquant', failsIf: missing('client.adresse') },
  {
    code: 'rge_manquant',
    failsIf: condition(['pro.rge_labels'], (labels) => normaliseRgeLabels(labels).length === 0),
  },
];

/** Rows 23–25, after the RGE lookup. */
const AFTER_RGE_LOOKUP: readonly Rule[] = [
  {
    code: 'separation_fourniture_pose_manquant',
    failsIf: notTruthy('separation_prix_fourniture_pose'),
  },
  { code: 'prix_total_ttc_manquant', failsIf: missing('prix_total_ttc') },
  { code: 'prix_total_ht_manquant', failsIf: missing('prix_total_ht') },
];

/** The 24 fixed admin controls, in order (the RGE lookup sits between rows 21 and 23). */
export const ADMIN_RULES: readonly Rule[] = [...BEFORE_RGE_LOOKUP, ...AFTER_RGE_LOOKUP];

export function checkAdmin(ctx: ValidationContext, collector: FindingCollector): void {
  evaluateRules(BEFORE_RGE_LOOKUP, ctx.attributes, collector);
  checkRgeLookup(ctx, collector);
  evaluateRules(AFTER_RGE_LOOKUP, ctx.attributes, collector);
}
