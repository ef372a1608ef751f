/**
 * The quote-level fields the evaluation scores, each with where to find it in the truth and in
 * our attributes and how to compare it (see compare.ts). Gestes and VAT lines are scored apart
 * (gestes-score.ts, score-document.ts).
 */
import type { QuoteAttributes } from '../domain/attributes.js';
import {
  sameBoolean,
  sameDate,
  sameEmail,
  sameIdentifier,
  sameLongText,
  sameNumber,
  samePhone,
  sameText,
  sameWebsite,
  type Comparator,
} from './compare.js';
import type { DocumentTruth } from './truth.js';

export type FieldSection = 'document' | 'pro' | 'client' | 'prix' | 'gestes';

export interface FieldSpec {
  name: string;
  section: FieldSection;
  truth: (t: DocumentTruth) => unknown;
  emitted: (a: QuoteAttributes) => unknown;
  same: Comparator;
}

type TopKey =
  | 'type_fichier'
  | 'mention_devis'
  | 'numero_devis'
  | 'date_devis'
  | 'validite'
  | 'date_pre_visite'
  | 'date_debut_chantier'
  | 'delai_debut_chantier'
  | 'prix_total_ht'
  | 'prix_total_ttc'
  | 'separation_prix_fourniture_pose';

function top(name: TopKey, section: FieldSection, same: Comparator): FieldSpec {
  return { name, section, truth: (t) => t[name], emitted: (a) => a[name], same };
}

type ProKey = Exclude<keyof NonNullable<QuoteAttributes['pro']>, 'rge_labels' | 'code_ape'>;

function pro(name: ProKey, same: Comparator): FieldSpec {
  return {
    name: `pro.${name}`,
    section: 'pro',
    truth: (t) => t.pro?.[name],
    emitted: (a) => a.pro?.[name],
    same,
  };
}

type ClientKey = 'civilite' | 'nom' | 'prenom' | 'adresse' | 'telephone' | 'email';

function client(name: ClientKey, same: Comparator): FieldSpec {
  return {
    name: `client.${name}`,
    section: 'client',
    truth: (t) => t.client?.[name],
    emitted: (a) => a.client?.[name],
    same,
  };
}

export const SCALAR_FIELDS: readonly FieldSpec[] = [
  top('type_fichier', 'document', sameText),
  top('mention_devis', 'document', sameBoolean),
  top('numero_devis', 'document', sameIdentifier),
  top('date_devis', 'document', sameDate),
  top('validite', 'document', sameBoolean),
  top('date_pre_visite', 'document', sameDate),
  top('date_debut_chantier', 'document', sameDate),
  top('delai_debut_chantier', 'document', sameLongText),
  pro('raison_sociale', sameText),
  {
    // The legal form may come back at the top level (`pro_forme_juridique`) as upstream does.
    name: 'pro.forme_juridique',
    section: 'pro',
    truth: (t) => t.pro?.forme_juridique,
    emitted: (a) => a.pro?.forme_juridique ?? a.pro_forme_juridique,
    same: sameText,
  },
  pro('siret', sameIdentifier),
  pro('numero_tva', sameIdentifier),
  pro('capital', sameNumber),
  pro('rcs', sameIdentifier),
  pro('rcs_ville', sameText),
  pro('rne', sameIdentifier),
  pro('assurance', sameLongText),
  pro('adresse', sameLongText),
  pro('telephone', samePhone),
  pro('email', sameEmail),
  pro('site_web', sameWebsite),
  client('civilite', sameText),
  client('nom', sameText),
  client('prenom', sameText),
  client('adresse', sameLongText),
  client('telephone', samePhone),
  client('email', sameEmail),
  top('prix_total_ht', 'prix', sameNumber),
  top('prix_total_ttc', 'prix', sameNumber),
  top('separation_prix_fourniture_pose', 'prix', sameBoolean),
];

/** Field rows that are not scalar: scored by dedicated code but listed with the others. */
export const LIST_FIELDS = {
  rgeLabels: 'pro.rge_labels',
  tvaRate: 'tva.taux_tva',
  tvaBase: 'tva.prix_ht_total',
  tvaAmount: 'tva.montant_tva_total',
} as const;

/** The section a field row belongs to, from its name. */
export function sectionOf(field: string): FieldSection {
  const spec = SCALAR_FIELDS.find((f) => f.name === field);
  if (spec) return spec.section;
  if (field.startsWith('pro.')) return 'pro';
  if (field.startsWith('client.')) return 'client';
  if (field.startsWith('tva.')) return 'prix';
  if (field.startsWith('gestes.')) return 'gestes';
  return 'document';
}
