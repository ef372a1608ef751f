/**
 * The ready-to-send messages for the professionals (spec/email.md §6, DESIGN.md §6): one per
 * company of the case — a case holding quotes from three companies gets three messages, each
 * with only that company's points —, and only for quotes that were checked (a file that was not
 * read gets no « aucune erreur »). Points to correct first (administrative, then technical per
 * works line), recommendations apart. Pure: the date is the view's.
 * Differences with upstream: everything is escaped, the text keeps list dashes, one message per
 * company instead of one per case.
 */
import type { ErrorDetail } from '../domain/finding.js';
import { foldText } from '../domain/fold.js';
import { isRecommendation, quoteFindings, quoteOutcome } from './report-outcome.js';
import type { CaseReportView, QuoteReportView } from './report-view.js';

export interface ProMessage {
  /** The company the message is for, as read on its quotes; absent when none was read. */
  companyName?: string;
  /** The files the message is about. */
  filenames: string[];
  /** true when there is something to correct or a recommendation. */
  hasFindings: boolean;
  text: string;
  /** HTML fragment (paragraphs and nested lists), every value escaped. */
  html: string;
}

/** A section: a heading and either titles or sub-sections. */
interface Section {
  heading: string;
  items: (string | Section)[];
}

const NO_ERROR_ONE = "Aucune erreur n'est à signaler sur ce devis.";
const NO_ERROR_MANY = "Aucune erreur n'est à signaler sur ces devis.";
const GREETING = 'Bonjour,';
const UNNAMED_FILE = 'fichier sans nom';

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

/** A value below an aid threshold also says what was read and what is required (its `problem`). */
const titles = (details: readonly ErrorDetail[]): string[] =>
  details.map((d) => (d.type === 'wrong' && d.problem ? `${d.title}. ${d.problem}` : d.title));
const points = (details: readonly ErrorDetail[]) => details.filter((d) => !isRecommendation(d));

function quoteSections(quote: QuoteReportView): Section[] {
  const sections: Section[] = [];
  const admin = points(quote.adminFindings);
  if (admin.length > 0)
    sections.push({ heading: 'Mentions administratives', items: titles(admin) });
  const works = quote.gestes
    .map((g): Section => ({ heading: g.label, items: titles(points(g.findings)) }))
    .filter((s) => s.items.length > 0);
  if (works.length > 0) {
    sections.push({ heading: 'Description technique des travaux', items: works });
  }
  const recommended = quoteFindings(quote).filter(isRecommendation);
  if (recommended.length > 0) {
    sections.push({ heading: 'Recommandations (non obligatoires)', items: titles(recommended) });
  }
  return sections;
}

/** Quotes of one company: by SIRET when read, else by folded name, else each quote alone. */
function companyKey(quote: QuoteReportView): string {
  const siret = quote.companySiret?.replace(/\D/gu, '');
  if (siret && siret.length >= 9) return `siren:${siret.slice(0, 9)}`;
  const name = quote.companyName
    ? foldText(quote.companyName)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
    : '';
  return name ? `name:${name}` : `quote:${quote.checkId}`;
}

function groupByCompany(quotes: readonly QuoteReportView[]): QuoteReportView[][] {
  const groups = new Map<string, QuoteReportView[]>();
  for (const quote of quotes) {
    const key = companyKey(quote);
    groups.set(key, [...(groups.get(key) ?? []), quote]);
  }
  return [...groups.values()];
}

const quoted = (quote: QuoteReportView): string => `« ${quote.filename ?? UNNAMED_FILE} »`;

function intro(view: CaseReportView, quotes: readonly QuoteReportView[]): string {
  const date = frenchDate(view.analysedAt);
  const names = quotes.map(quoted);
  const subject =
    names.length === 1
      ? `du devis ${names[0]}`
      : `des devis ${names.slice(0, -1).join(', ')} et ${names.at(-1)}`;
  return (
    `Afin de respecter les exigences des aides à la rénovation énergétique, voici les ` +
    `points à corriger relevés lors de l'analyse, le ${date}, ${subject}. Les corriger dès ` +
    `maintenant augmente les chances d'une instruction sans demande de complément et fait ` +
    `gagner du temps.`
  );
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

function companyMessage(
  view: CaseReportView,
  quotes: readonly QuoteReportView[],
  caseFindings: readonly ErrorDetail[],
): ProMessage {
  const sections: Section[] = [];
  if (caseFindings.length > 0) {
    sections.push({ heading: 'Incohérences entre les devis', items: titles(caseFindings) });
  }
  for (const quote of quotes) {
    const parts = quoteSections(quote);
    if (parts.length === 0) continue;
    if (quotes.length === 1) sections.push(...parts);
    else sections.push({ heading: `Devis ${quoted(quote)}`, items: parts });
  }
  const companyName = quotes.find((q) => q.companyName)?.companyName;
  const base = {
    ...(companyName ? { companyName } : {}),
    filenames: quotes.map((q) => q.filename ?? UNNAMED_FILE),
    hasFindings: sections.length > 0,
  };
  if (sections.length === 0) {
    const sentence = quotes.length === 1 ? NO_ERROR_ONE : NO_ERROR_MANY;
    return { ...base, text: sentence, html: `<p>${escapeHtml(sentence)}</p>` };
  }
  const paragraphs = [GREETING, intro(view, quotes)];
  const text = [...paragraphs, ...sections.map((s) => sectionText(s, 0).join('\n'))].join('\n\n');
  const list = sections.map((s) => `<li>${sectionHtml(s)}</li>`).join('');
  const html = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') + `<ul>${list}</ul>`;
  return { ...base, text, html };
}

/**
 * One message per company among the quotes that were checked; none when no quote was checked.
 * The case's consistency findings go with the message when the case has a single company (with
 * several, they concern the case, not one company, and stay in the report).
 */
export function buildProMessages(view: CaseReportView): ProMessage[] {
  const checked = view.quotes.filter((q) => quoteOutcome(q) === 'checked');
  const groups = groupByCompany(checked);
  const caseFindings = groups.length === 1 ? view.caseFindings : [];
  return groups.map((quotes) => companyMessage(view, quotes, caseFindings));
}
