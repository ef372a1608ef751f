/** Composes one quote: parties, dates, gestes, lines, totals, and the mentions left out. */
import { groupOf, type GesteType } from '../../src/domain/geste-types.js';
import { addDays, cents, date, randomStyle } from './formats.js';
import { buildGestes, type GesteDraft } from './gestes/index.js';
import { quoteNumber } from './identity.js';
import type { LayoutSpec } from './layouts/index.js';
import { buildLines, gesteTruth, type NumberingStyle } from './lines.js';
import type { QuoteModel, VatTotal } from './model.js';
import { buildClient, buildCompany } from './parties.js';
import type { Rng } from './prng.js';
import { addressTruth } from './vocab/places.js';

const OBJECTS: Record<string, string> = {
  isolation: 'Travaux d’isolation thermique',
  menuiserie: 'Remplacement de menuiseries extérieures',
  chauffage: 'Remplacement du système de chauffage',
  eau_chaude: 'Production d’eau chaude sanitaire',
  ventilation: 'Installation d’une ventilation mécanique',
};

const DELAYS = [
  'travaux sous 4 à 6 semaines après acceptation',
  'intervention sous 3 semaines après réception de l’acompte',
  'démarrage courant janvier 2027',
  'pose sous 8 semaines après accord',
];

export interface QuoteRequest {
  baseName: string;
  layout: LayoutSpec;
  types: GesteType[];
  /** How careless the company is: the probability that an optional mention is left out. */
  omitRate: number;
}

function randomDate(rng: Rng): string {
  return addDays('2026-09-01', rng.int(0, 89));
}

function mentions(
  rng: Rng,
  model: Pick<QuoteModel, 'date_devis' | 'style' | 'mention_devis'>,
  defects: string[],
) {
  const d = model.date_devis;
  const validity =
    rng.next() < 0.1
      ? null
      : rng.pick([
          'Devis valable 3 mois à compter de sa date d’émission.',
          'Offre valable 60 jours.',
          `Devis valable jusqu’au ${date(addDays(d, 90), model.style.date)}.`,
          'Validité de l’offre : 1 mois.',
        ]);
  // Without the word "devis" anywhere, the validity sentence speaks of an offer.
  const validite = model.mention_devis ? validity : (validity?.replace(/^Devis/u, 'Offre') ?? null);
  if (validity === null) defects.push('durée de validité non indiquée');
  const visit = rng.chance(0.15) ? null : addDays(d, -rng.int(2, 15));
  if (visit === null) defects.push('date de visite technique préalable absente');
  const start = rng.next();
  let debut: { date: string | null; delai: string | null; mention: string | null };
  if (start < 0.1) {
    debut = { date: null, delai: null, mention: null };
    defects.push('ni date ni délai de début des travaux');
  } else if (start < 0.45) {
    const iso = addDays(d, rng.int(20, 70));
    debut = {
      date: iso,
      delai: null,
      mention: `Date prévisionnelle de début des travaux : ${date(iso, model.style.date)}`,
    };
  } else {
    const delai = rng.pick(DELAYS);
    debut = { date: null, delai, mention: `Délai d’intervention : ${delai}` };
  }
  return { validity: validite, visit, debut };
}

function vatTotals(lines: QuoteModel['lines']): VatTotal[] {
  const rates = [...new Set(lines.map((l) => l.taux_tva))].sort((a, b) => a - b);
  return rates.map((rate, i) => {
    const base = cents(lines.filter((l) => l.taux_tva === rate).reduce((s, l) => s + l.prix_ht, 0));
    return { taux_tva: rate, base, montant: cents((base * rate) / 100), code: String(i + 1) };
  });
}

export function buildQuote(rng: Rng, request: QuoteRequest): QuoteModel {
  const { layout } = request;
  const defects: string[] = [];
  const style = randomStyle(rng);
  const group = groupOf(request.types[0] as GesteType);
  const company = buildCompany(rng, group, defects);
  const client = buildClient(rng, defects);
  const date_devis = randomDate(rng);
  const noWord = rng.chance(0.05);
  if (noWord) defects.push('le mot « devis » n’apparaît pas (proposition commerciale)');
  const { validity, visit, debut } = mentions(
    rng,
    { date_devis, style, mention_devis: !noWord },
    defects,
  );
  const drafts: GesteDraft[] = request.types.flatMap((t) =>
    buildGestes({ rng, omitRate: request.omitRate }, t),
  );
  const separation = layout.ttcOnly ? rng.chance(0.3) : rng.chance(0.75);
  if (!separation)
    defects.push('pas de séparation fourniture / pose (lignes « fourniture et pose »)');
  if (layout.ttcOnly) defects.push('prix affichés uniquement TTC');
  const numbering: NumberingStyle | null = layout.columns.includes('num')
    ? rng.pick(['plain', 'dotted', 'padded', 'lettered'] as const)
    : null;
  const multiRate = layout.vat !== 'single' && rng.chance(0.5);
  const { lines, gesteLines } = buildLines(rng, {
    drafts,
    separation,
    extraRate: multiRate ? 10 : (drafts[0]?.tva ?? 5.5),
    singleRate: layout.vat === 'single' ? (drafts[0]?.tva ?? 5.5) : null,
    numbering,
  });
  const vat = vatTotals(lines);
  const ht = cents(lines.reduce((s, l) => s + l.prix_ht, 0));
  const ttc = layout.ttcOnly
    ? cents(lines.reduce((s, l) => s + l.prix_ttc, 0))
    : cents(ht + vat.reduce((s, v) => s + v.montant, 0));
  const prime = rng.chance(0.25) ? cents(Math.round((ttc * rng.int(5, 15)) / 1000) * 10) : null;
  const noNumber = rng.chance(0.04);
  if (noNumber) defects.push('numéro de devis absent');
  const chantier = rng.pick([
    { adresse: null, mention: null },
    { adresse: null, mention: 'identique à l’adresse du client' },
    { adresse: addressTruth(client.address), mention: null },
  ]);
  return {
    baseName: request.baseName,
    layout,
    style,
    mention_devis: !noWord,
    numero_devis: noNumber
      ? null
      : quoteNumber(
          rng,
          company.raison_sociale.replace(/[^A-Z]/gu, '').slice(0, 3) || 'DV',
          date_devis,
        ),
    date_devis,
    validite_mention: validity,
    date_pre_visite: visit,
    date_debut_chantier: debut.date,
    delai_debut_chantier: debut.delai,
    debut_mention: debut.mention,
    objet: OBJECTS[group] ?? 'Travaux de rénovation énergétique',
    company,
    client,
    chantier,
    lines,
    gestes: drafts.map((d, i) =>
      gesteTruth(d, lines[gesteLines[i] ?? 0] as QuoteModel['lines'][number], layout.ttcOnly),
    ),
    ttcOnly: layout.ttcOnly,
    separation,
    totals: { ht, ttc, vat },
    prime_cee: prime,
    net_a_payer: prime === null ? null : cents(ttc - prime),
    paymentTerms: rng.pick([
      'Acompte de 30 % à la commande, solde à la fin des travaux.',
      'Règlement : 40 % à la signature, solde à réception des travaux.',
      'Paiement à réception de facture.',
    ]),
    defects: [...defects, ...drafts.flatMap((d) => d.defects)],
  };
}
