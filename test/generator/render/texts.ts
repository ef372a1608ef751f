/** The sentences and cells a quote prints, shared by the PDF and plain-text renderers. */
import { amount, date, decimal, phone, quantity, sirenGrouped, siretPrinted } from '../formats.js';
import type { ColumnKey } from '../layouts/index.js';
import type { QuoteLine, QuoteModel } from '../model.js';
import { addressLines } from '../vocab/places.js';

function integerAmount(value: number): string {
  return `${String(value).replace(/\B(?=(\d{3})+(?!\d))/gu, ' ')} €`;
}

export function companyLines(m: QuoteModel): string[] {
  const c = m.company;
  return [
    ...addressLines(c.address),
    ...(c.telephone ? [`Tél. ${phone(c.telephone, m.style.phone)}`] : []),
    ...(c.email ? [c.email] : []),
    ...(c.site_web ? [c.site_web] : []),
  ];
}

export function rgeLine(m: QuoteModel): string | null {
  const labels = m.company.rge_labels;
  if (labels.length === 0) return null;
  return labels.length === 1
    ? `Qualification RGE n° ${labels[0]}`
    : `Qualifications RGE n° ${labels.join(' et n° ')}`;
}

/** Legal mentions: identity, registration, VAT number, insurance, RGE. */
export function legalLines(m: QuoteModel): string[] {
  const c = m.company;
  const parts = [c.raison_sociale];
  parts.push(
    c.capital === null
      ? c.forme_juridique === 'EI'
        ? 'Entreprise individuelle (EI)'
        : c.forme_juridique
      : `${c.forme_juridique} au capital de ${integerAmount(c.capital)}`,
  );
  if (c.siret) parts.push(`SIRET ${siretPrinted(c.siret, m.style.siretGrouped)}`);
  if (c.rcs) parts.push(`RCS ${c.rcs_ville} ${sirenGrouped(c.rcs)}`);
  if (c.rne) parts.push(`Immatriculée au RNE sous le n° ${sirenGrouped(c.rne)}`);
  if (c.code_ape) parts.push(`APE ${c.code_ape}`);
  if (c.numero_tva) parts.push(`TVA intracommunautaire ${c.numero_tva}`);
  const lines = [parts.join(' – ')];
  if (c.insurer)
    lines.push(
      `Assurance décennale : ${c.insurer} – contrat n° ${c.policy} – France métropolitaine`,
    );
  return lines;
}

export function clientLines(m: QuoteModel, upperName: boolean): string[] {
  const c = m.client;
  const nom = upperName ? c.nom.toUpperCase() : c.nom;
  const name = [c.civilite, c.prenom, nom].filter(Boolean).join(' ');
  return [
    name,
    ...addressLines(c.address, upperName),
    ...(c.telephone ? [`Tél. ${phone(c.telephone, m.style.phone)}`] : []),
    ...(c.email ? [c.email] : []),
  ];
}

export function titleLine(m: QuoteModel): string {
  const word = m.mention_devis ? 'DEVIS' : 'PROPOSITION COMMERCIALE';
  return m.numero_devis ? `${word} N° ${m.numero_devis}` : word;
}

export function metaLines(m: QuoteModel): string[] {
  const lines = [`Date : ${date(m.date_devis, m.style.date)}`];
  if (m.date_pre_visite)
    lines.push(`Visite technique préalable : ${date(m.date_pre_visite, m.style.date)}`);
  return lines;
}

export function siteLine(m: QuoteModel): string | null {
  if (m.chantier.adresse) return `Adresse du chantier : ${m.chantier.adresse}`;
  if (m.chantier.mention) return `Adresse du chantier : ${m.chantier.mention}`;
  return null;
}

export function closingLines(m: QuoteModel): string[] {
  return [m.debut_mention, m.validite_mention, m.paymentTerms, rgeLine(m)].filter(
    (l): l is string => l !== null,
  );
}

const HEADERS: Record<ColumnKey, string> = {
  num: 'N°',
  designation: 'Désignation',
  qty: 'Qté',
  unit: 'Unité',
  qtyunit: 'Quantité',
  pu: 'P.U. HT',
  total: 'Montant HT',
  tva: 'TVA',
};

export function headerCell(m: QuoteModel, key: ColumnKey): string {
  const euro = m.style.amount === 'dot_comma' ? ' (€)' : '';
  if (key === 'pu') return (m.ttcOnly ? 'P.U. TTC' : 'P.U. HT') + euro;
  if (key === 'total') return (m.ttcOnly ? 'Total TTC' : 'Montant HT') + euro;
  if (key === 'tva' && m.layout.vat === 'code') return 'Code TVA';
  return HEADERS[key];
}

export function unitCell(m: QuoteModel, l: QuoteLine): string {
  return l.unite === 'm²' ? m.style.area : l.unite;
}

export function cell(m: QuoteModel, l: QuoteLine, key: ColumnKey): string {
  const bare = m.style.amount === 'dot_comma';
  switch (key) {
    case 'num':
      return l.numero ?? '';
    case 'designation':
      return l.designation;
    case 'qty':
      return quantity(l.quantite);
    case 'unit':
      return unitCell(m, l);
    case 'qtyunit':
      return `${quantity(l.quantite)} ${unitCell(m, l)}`;
    case 'pu':
      return amount(m.ttcOnly ? l.prix_unitaire_ttc : l.prix_unitaire_ht, m.style.amount, bare);
    case 'total':
      return amount(m.ttcOnly ? l.prix_ttc : l.prix_ht, m.style.amount, bare);
    default: {
      const vat = m.totals.vat.find((v) => v.taux_tva === l.taux_tva);
      return m.layout.vat === 'code' ? (vat?.code ?? '') : `${decimal(l.taux_tva)} %`;
    }
  }
}

/** Label/value rows of the totals block. */
export function totalRows(m: QuoteModel): [string, string][] {
  const a = (v: number): string => amount(v, m.style.amount);
  const rows: [string, string][] = [];
  if (m.ttcOnly) {
    rows.push(['Total TTC', a(m.totals.ttc)]);
  } else {
    rows.push(['Total HT', a(m.totals.ht)]);
    if (m.layout.vat === 'code')
      rows.push(['Total TVA', a(m.totals.vat.reduce((s, v) => s + v.montant, 0))]);
    else for (const v of m.totals.vat) rows.push([`TVA ${decimal(v.taux_tva)} %`, a(v.montant)]);
    rows.push(['Total TTC', a(m.totals.ttc)]);
  }
  if (m.prime_cee !== null && m.net_a_payer !== null) {
    rows.push(['Prime CEE (estimation)', a(-m.prime_cee)]);
    rows.push(['Net à payer', a(m.net_a_payer)]);
  }
  return rows;
}

/** The VAT legend of code layouts: code, rate, base, amount. */
export function vatLegendRows(m: QuoteModel): string[][] {
  return m.totals.vat.map((v) => [
    v.code,
    `${decimal(v.taux_tva)} %`,
    amount(v.base, m.style.amount),
    amount(v.montant, m.style.amount),
  ]);
}

export function ttcNote(m: QuoteModel): string | null {
  if (!m.ttcOnly) return null;
  return `Prix exprimés TTC, TVA au taux de ${m.totals.vat.map((v) => `${decimal(v.taux_tva)} %`).join(' et ')} incluse.`;
}
