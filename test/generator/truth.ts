/**
 * The truth file of a generated quote, in the corpus format. Attribute values come from the
 * quote model (what was printed), never from reading the output; the expected codes are what our
 * rules raise on those values, so they measure the reader, not the rules.
 */
import { createHash } from 'node:crypto';
import type { QuoteAttributes } from '../../src/domain/attributes.js';
import { truthAttributes } from '../../src/eval/expected-codes.js';
import { NETWORK_CODES } from '../../src/eval/score-document.js';
import type { DocumentTruth, TruthError } from '../../src/eval/truth.js';
import type { QuoteModel } from './model.js';

export { truthAttributes } from '../../src/eval/expected-codes.js';
import { addressTruth } from './vocab/places.js';

/** What the rules say about a set of attributes: finding codes and the geste each concerns. */
export type QuoteValidator = (attributes: QuoteAttributes) => TruthError[];

type TruthBody = Omit<
  DocumentTruth,
  'document' | 'pages' | 'size_bytes' | 'sha256' | 'expected_error_codes'
>;

export function truthBody(model: QuoteModel): TruthBody {
  const { company: c, client } = model;
  return {
    kind: 'quote',
    layout: model.layout.name,
    text_layer: true,
    type_fichier: 'devis',
    mention_devis: model.mention_devis,
    numero_devis: model.numero_devis,
    date_devis: model.date_devis,
    validite: model.validite_mention !== null,
    validite_mention: model.validite_mention,
    date_pre_visite: model.date_pre_visite,
    date_debut_chantier: model.date_debut_chantier,
    delai_debut_chantier: model.delai_debut_chantier,
    objet: model.objet,
    pro: {
      raison_sociale: c.raison_sociale,
      forme_juridique: c.forme_juridique,
      siret: c.siret,
      numero_tva: c.numero_tva,
      capital: c.capital,
      rcs: c.rcs,
      rcs_ville: c.rcs_ville,
      rne: c.rne,
      assurance: c.insurer === null ? null : `${c.insurer}, contrat n° ${c.policy}`,
      adresse: addressTruth(c.address),
      rge_labels: c.rge_labels,
      telephone: c.telephone,
      email: c.email,
      site_web: c.site_web,
      code_ape: c.code_ape,
    },
    client: {
      civilite: client.civilite,
      nom: client.nom,
      prenom: client.prenom,
      adresse: addressTruth(client.address),
      telephone: client.telephone,
      email: client.email,
    },
    chantier: model.chantier,
    prix_total_ht: model.ttcOnly ? null : model.totals.ht,
    prix_total_ttc: model.totals.ttc,
    tva: model.totals.vat.map((v) => ({
      taux_tva: v.taux_tva,
      prix_ht_total: model.ttcOnly ? null : v.base,
      montant_tva_total: model.ttcOnly ? null : v.montant,
    })),
    separation_prix_fourniture_pose: model.separation,
    prime_cee: model.prime_cee,
    net_a_payer: model.net_a_payer,
    lignes: model.lines.map((l) => ({
      numero: l.numero,
      designation: l.designation,
      section: model.layout.sections ? l.section : null,
      nature: l.nature,
      quantite: l.quantite,
      unite: l.unite,
      prix_unitaire_ht: model.ttcOnly ? null : l.prix_unitaire_ht,
      prix_ht: model.ttcOnly ? null : l.prix_ht,
      ...(model.ttcOnly ? { prix_unitaire_ttc: l.prix_unitaire_ttc, prix_ttc: l.prix_ttc } : {}),
      taux_tva: l.taux_tva,
      geste_type: l.geste_type,
    })),
    gestes: model.gestes,
    deliberate_defects: model.defects,
  };
}

/** Codes that depend on the RGE registry for this quote (as the corpus lists them). */
export function networkCodes(body: TruthBody): string[] {
  const siret = body.pro?.siret ?? null;
  if (siret === null || (body.gestes ?? []).length === 0) return [];
  if (!/^\d{14}$/u.test(siret)) return ['geste_rge_non_correspondant'];
  const geste = ['geste_rge_non_correspondant', 'geste_rge_non_mentionne', 'geste_rge_hors_date'];
  return (body.pro?.rge_labels ?? []).length > 0
    ? ['rge_non_correspondant', 'rge_hors_date', ...geste]
    : geste;
}

export function buildTruth(
  model: QuoteModel,
  file: { name: string; bytes: Uint8Array; pages: number | null },
  validate: QuoteValidator,
): DocumentTruth {
  const body = truthBody(model);
  const errors = validate(truthAttributes(body)).filter((e) => !NETWORK_CODES.has(e.code));
  const { kind, layout, deliberate_defects, ...rest } = body;
  return {
    document: file.name,
    kind,
    layout,
    pages: file.pages,
    size_bytes: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    ...rest,
    expected_error_codes: [...new Set(errors.map((e) => e.code))],
    expected_errors: errors,
    needs_network_codes: networkCodes(body),
    deliberate_defects,
    notes: ['Document généré (générateur de devis de test) ; toutes les données sont fictives.'],
  };
}
