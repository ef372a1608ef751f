/**
 * The ready-to-send message for the professional (spec/email.md §6): what to correct in the
 * quote(s), titles only, administrative then technical per works line; in case mode the
 * consistency findings first, then one section per quote. Pure: the date is the view's.
 * Differences with upstream: everything is escaped, and the text keeps list dashes.
 */
import type { ErrorDetail } from '../domain/finding.js';
import type { CaseReportView, QuoteReportView } from './report-view.js';

export interface ProMessage {
  text: string;
  /** HTML fragment (paragraphs and nested lists), every value escaped. */
  html: string;
}

/** A section: a heading and either titles or sub-sections. */
interface Section {
  heading: string;
  items: (string | Section)[];
}

const NO_ERROR = "Aucune erreur n'est à signaler sur ce devis.";
const NO_ERROR_CASE = "Aucune erreur n'est à signaler sur les devis de ce dossier.";
const GREETING = 'Bonjour,';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(/'/gu, '&#39;');
}

/** `DD/MM/YYYY` in French time; the ISO string itself when it is not a date. */
export function frenchDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

const titles = (details: readonly ErrorDetail[]): string[] => details.map((d) => d.title);

function quoteSections(quote: QuoteReportView): Section[] {
  const sections: Section[] = [];
  if (quote.adminFindings.length > 0) {
    sections.push({ heading: 'Mentions administratives', items: titles(quote.adminFindings) });
  }
  const works = quote.gestes
    .filter((g) => g.findings.length > 0)
    .map((g): Section => ({ heading: g.label, items: titles(g.findings) }));
  if (works.length > 0) {
    sections.push({ heading: 'Description technique des travaux', items: works });
  }
  return sections;
}

function intro(view: CaseReportView): string {
  const date = frenchDate(view.analysedAt);
  const quote = view.quotes[0];
  const subject =
    view.kind === 'case'
      ? `du dossier ${view.reference ?? view.caseId ?? ''}`.trimEnd()
      : `du devis « ${quote?.filename ?? 'fichier inconnu'} »`;
  return (
    `Afin de respecter les exigences des aides à la rénovation énergétique, voici les ` +
    `erreurs à corriger, relevées lors de l'analyse du ${date} ${subject}. Les corriger dès ` +
    `maintenant augmente les chances d'une instruction sans demande de complément et fait ` +
    `gagner du temps.`
  );
}

function sectionsOf(view: CaseReportView): Section[] {
  if (view.kind === 'quote') return view.quotes[0] ? quoteSections(view.quotes[0]) : [];
  const sections: Section[] = [];
  const coherence = view.caseFindings.filter((d) => d.category === 'case_incoherence');
  if (coherence.length > 0) {
    sections.push({ heading: 'Incohérences entre les devis', items: titles(coherence) });
  }
  view.quotes.forEach((quote, index) => {
    const parts = quoteSections(quote);
    const heading = `Devis ${index + 1} - ${quote.filename ?? 'fichier inconnu'}`;
    if (parts.length > 0) sections.push({ heading, items: parts });
  });
  return sections;
}

function sectionText(section: Section, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const lines = [`${pad}${section.heading}`];
  for (const item of section.items) {
    if (typeof item === 'string') lines.push(`${pad}  - ${item}`);
    else lines.push(...sectionText(item, depth + 1));
  }
  return lines;
}

function sectionHtml(section: Section): string {
  const items = section.items
    .map((item) => `<li>${typeof item === 'string' ? escapeHtml(item) : sectionHtml(item)}</li>`)
    .join('');
  return `<strong>${escapeHtml(section.heading)}</strong><ul>${items}</ul>`;
}

export function buildProMessage(view: CaseReportView): ProMessage {
  const sections = sectionsOf(view);
  if (sections.length === 0 && view.kind === 'quote') {
    return { text: NO_ERROR, html: `<p>${escapeHtml(NO_ERROR)}</p>` };
  }
  const paragraphs = [GREETING, intro(view)];
  if (sections.length === 0) paragraphs.push(NO_ERROR_CASE);
  const text = [...paragraphs, ...sections.map((s) => sectionText(s, 0).join('\n'))].join('\n\n');
  const list = sections.map((s) => `<li>${sectionHtml(s)}</li>`).join('');
  const html =
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') + (list ? `<ul>${list}</ul>` : '');
  return { text, html };
}
