/** The readable French summary printed by `mdso check` without `--json`. */
import type { Geste, QuoteAttributes } from '../domain/attributes.js';
import { GESTE_TITLES, isGesteType } from '../domain/geste-types.js';
import {
  fileOutcome,
  isRecommendation,
  NOT_CHECKED_LABELS,
  type ToVerify,
} from '../domain/finding.js';
import { checkedLabel } from '../mail/report-outcome.js';
import type { CheckOutcome, ErrorDetail } from '../pipeline/check-outcome.js';

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

function frenchDate(iso: string | undefined): string | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function gesteLabel(geste: Geste): string {
  const title = isGesteType(geste.type) ? GESTE_TITLES[geste.type] : geste.type;
  return geste.numero_ligne ? `${title} (ligne ${geste.numero_ligne})` : title;
}

function describeDocument(a: QuoteAttributes, pageCount: number | undefined): string[] {
  const lines: string[] = [];
  const kind =
    a.type_fichier === 'facture' ? 'Facture' : a.type_fichier === 'autre' ? 'Document' : 'Devis';
  const parts = [kind];
  if (a.numero_devis) parts.push(`n° ${a.numero_devis}`);
  if (a.date_devis) parts.push(`du ${frenchDate(a.date_devis)}`);
  if (pageCount) parts.push(`(${pageCount} page${pageCount > 1 ? 's' : ''})`);
  lines.push(`  ${parts.join(' ')}`);
  if (a.pro?.raison_sociale) {
    const form = a.pro.forme_juridique ? ` (${a.pro.forme_juridique})` : '';
    const siret = a.pro.siret ? `, SIRET ${a.pro.siret}` : '';
    lines.push(`  Entreprise : ${a.pro.raison_sociale}${form}${siret}`);
  }
  const client = [a.client?.civilite, a.client?.prenom, a.client?.nom].filter(Boolean).join(' ');
  if (client) lines.push(`  Client : ${client}`);
  if (a.prix_total_ht !== undefined || a.prix_total_ttc !== undefined) {
    const ht = a.prix_total_ht !== undefined ? `${euros.format(a.prix_total_ht)} HT` : '';
    const ttc = a.prix_total_ttc !== undefined ? `${euros.format(a.prix_total_ttc)} TTC` : '';
    lines.push(`  Montant : ${[ht, ttc].filter(Boolean).join(' / ')}`);
  }
  for (const geste of a.gestes ?? []) lines.push(`  Travaux : ${gesteLabel(geste)}`);
  return lines;
}

function findingScope(detail: ErrorDetail, gestes: readonly Geste[]): string {
  const m = detail.geste_id ? /-geste-(\d+)$/u.exec(detail.geste_id) : null;
  const geste = m ? gestes[Number(m[1]) - 1] : undefined;
  if (geste) return gesteLabel(geste);
  return detail.category === 'admin' ? 'Mentions administratives' : 'Document';
}

/**
 * Findings shown to a person: not the internal price warnings (hidden as in the API), and a code
 * raised twice for the same place (e.g. the SIRET format, by the admin and the RGE controls) once.
 */
function visibleDetails(outcome: CheckOutcome): ErrorDetail[] {
  const seen = new Set<string>();
  return outcome.error_details.filter((d) => {
    const key = `${d.code} ${d.geste_id ?? ''}`;
    if (d.category === 'geste_prices' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** « 2 points à corriger, 1 recommandation », or why the file was not checked (DESIGN.md §6). */
function verdictOf(details: readonly ErrorDetail[], toVerify: number): string {
  const outcome = fileOutcome(details);
  if (outcome !== 'checked') return NOT_CHECKED_LABELS[outcome];
  const recommendations = details.filter(isRecommendation).length;
  return checkedLabel({ points: details.length - recommendations, recommendations, toVerify });
}

export function formatSummary(file: string, outcome: CheckOutcome): string {
  const details = visibleDetails(outcome);
  const out = [`${file} — ${verdictOf(details, outcome.a_verifier?.length ?? 0)}`];
  if (outcome.reading === 'text_layer' || outcome.reading === 'plain_text') {
    out.push(...describeDocument(outcome.attributes, outcome.pageCount));
  } else if (outcome.reading === 'ocr') {
    out.push('  (texte lu par reconnaissance optique : scan ou photo)');
    out.push(...describeDocument(outcome.attributes, outcome.pageCount));
  }
  const gestes = outcome.attributes.gestes ?? [];
  const list = (items: readonly ErrorDetail[]) => {
    for (const detail of items) {
      out.push(`  • [${findingScope(detail, gestes)}] ${detail.title}`);
      const explanation = detail.problem ?? detail.solution;
      if (explanation) out.push(`      ${explanation}`);
      // a value below an aid threshold: what was read and required, then how to fix it
      if (detail.type === 'wrong' && detail.problem && detail.solution) {
        out.push(`      Comment corriger : ${detail.solution}`);
      }
    }
  };
  list(details.filter((d) => !isRecommendation(d)));
  const recommendations = details.filter(isRecommendation);
  if (recommendations.length > 0) {
    out.push('  Recommandations (non obligatoires) :');
    list(recommendations);
  }
  out.push(...toVerifyLines(outcome.a_verifier ?? []));
  return out.join('\n');
}

/** The *à vérifier* lines, by kind: mentions not read, unconfirmed aid rules, aid information. */
function toVerifyLines(items: readonly ToVerify[]): string[] {
  const out: string[] = [];
  const unread = items.filter((t) => t.kind === undefined);
  if (unread.length > 0) {
    out.push('  À vérifier (vu sur le devis, mais pas lu automatiquement) :');
    for (const item of unread) {
      const page = item.page ? ` (page ${item.page})` : '';
      out.push(`  ? ${item.label}${page}`);
    }
  }
  const rules = items.filter((t) => t.kind === 'threshold' || t.kind === 'scheme');
  if (rules.length > 0) {
    out.push('  Seuils et conditions des aides à vérifier (sources non confirmées) :');
    for (const item of rules) out.push(`  ? ${item.label}`);
  }
  const information = items.filter((t) => t.kind === 'information');
  if (information.length > 0) {
    out.push('  Information sur les aides :');
    for (const item of information) out.push(`  i ${item.label}`);
  }
  return out;
}
