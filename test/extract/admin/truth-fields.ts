/**
 * Test helper: compares extracted attributes with a truth file (corpus README "Document truth
 * format"): text case-, whitespace- and punctuation-insensitive, numbers within 0.01.
 */
import type { QuoteAttributes } from '../../../src/domain/attributes.js';

export interface TruthLike {
  [key: string]: unknown;
  pro?: Record<string, unknown> | null;
  client?: Record<string, unknown> | null;
  chantier?: Record<string, unknown> | null;
  tva?:
    { taux_tva: number; prix_ht_total?: number | null; montant_tva_total?: number | null }[] | null;
}

export interface FieldResult {
  field: string;
  truth: unknown;
  got: unknown;
  ok: boolean;
}

const TOP = [
  'type_fichier',
  'mention_devis',
  'numero_devis',
  'date_devis',
  'validite',
  'date_pre_visite',
  'date_debut_chantier',
  'delai_debut_chantier',
  'prix_total_ht',
  'prix_total_ttc',
];
const PRO = [
  'raison_sociale',
  'forme_juridique',
  'siret',
  'numero_tva',
  'capital',
  'rcs',
  'rcs_ville',
  'rne',
  'assurance',
  'adresse',
  'telephone',
  'email',
  'site_web',
  'code_ape',
];
const CLIENT = ['civilite', 'nom', 'prenom', 'adresse', 'adresse_chantier', 'telephone', 'email'];

function norm(value: unknown): string {
  return String(value)
    .normalize('NFC')
    .toLocaleLowerCase('fr')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function present(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'string' || value.trim() !== '';
}

export function sameValue(truth: unknown, got: unknown): boolean {
  if (!present(truth) || !present(got)) return present(truth) === present(got);
  if (typeof truth === 'number') return typeof got === 'number' && Math.abs(truth - got) <= 0.01;
  if (typeof truth === 'boolean') return truth === got;
  if (Array.isArray(truth) && Array.isArray(got)) {
    return truth.length === got.length && truth.every((t, i) => norm(t) === norm(got[i]));
  }
  return norm(truth) === norm(got);
}

function tvaKey(lines: TruthLike['tva'] | QuoteAttributes['tva']): string {
  return JSON.stringify(
    [...(lines ?? [])]
      .map((l) => [l.taux_tva, l.prix_ht_total ?? null, l.montant_tva_total ?? null])
      .sort((a, b) => Number(a[0]) - Number(b[0])),
  );
}

/** Every compared field of a document. */
export function compareWithTruth(truth: TruthLike, got: QuoteAttributes): FieldResult[] {
  const out: FieldResult[] = [];
  const add = (field: string, t: unknown, g: unknown): void => {
    if (t === undefined) return;
    out.push({ field, truth: t, got: g, ok: sameValue(t, g) });
  };
  const attrs = got as Record<string, unknown>;
  for (const key of TOP) add(key, truth[key], attrs[key]);
  const pro = (got.pro ?? {}) as Record<string, unknown>;
  const client = (got.client ?? {}) as Record<string, unknown>;
  for (const key of PRO) add(`pro.${key}`, truth.pro ? (truth.pro[key] ?? null) : null, pro[key]);
  add('pro.rge_labels', truth.pro?.rge_labels ?? [], pro.rge_labels ?? []);
  const truthClient: Record<string, unknown> = { ...(truth.client ?? {}) };
  if (truth.chantier !== undefined) truthClient.adresse_chantier = truth.chantier?.adresse ?? null;
  for (const key of CLIENT)
    add(`client.${key}`, truth.client === null ? null : truthClient[key], client[key]);
  const tvaOk = tvaKey(truth.tva ?? []) === tvaKey(got.tva);
  out.push({ field: 'tva', truth: truth.tva ?? [], got: got.tva ?? [], ok: tvaOk });
  return out;
}
