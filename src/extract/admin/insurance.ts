/**
 * The ten-year liability insurance: `"<insurer>, contrat n° <policy>"` from lines such as
 * `Assurance décennale : X – contrat n° Y – activités…` or `souscrite auprès de X sous le n° Y`.
 */
import type { DocumentLine } from '../document.js';

export interface Insurance {
  value: string;
  insurer?: string;
  policy?: string;
}

const LABEL_RE =
  /(?:(?:assurance|assureur)s?(?:\s+(?:et\s+|&\s+)?(?:de\s+)?(?:la\s+)?(?:rc\s+)?(?:responsabilit[ée]\s+civile|d[ée]cennale|professionnelle|rc\s*pro|construction|dommages?-ouvrage))*|garantie\s+d[ée]cennale|responsabilit[ée]\s+civile\s+d[ée]cennale)(?:\s+(?:des|du|de|pour)\s+[a-zà-ÿ'’ ]{2,40}?)?\s*(?::\s*|(?=n°|contrat|police|souscrite|contract[ée]e|aupr[èe]s|chez))/iu;
const LABEL_GLOBAL_RE = new RegExp(LABEL_RE.source, 'giu');
/** `Assurance décennale AXA France, contrat …`: no colon, the insurer's name follows. */
const BARE_LABEL_RE =
  /(?:[Aa]ssur(?:ance|eur)\s+(?:[Rr][Cc]\s+)?)?(?<![\p{L}])[Dd][ée]cennale\s+(?=[A-ZÀ-Ý])/gu;
/** A label ending its line (« … – Assurance » / « décennale Groupama, contrat … »). */
const LABEL_AT_END_RE = /(?:assurance|assureur|d[ée]cennale)\s*:?\s*$/iu;
const POLICY_RE =
  /(?:contrat|police|n°\s*(?:de\s+)?(?:contrat|police)|sous\s+le\s+(?:n°|num[ée]ro))\s*(?:n°|no\.?|num[ée]ro)?\s*:?\s*([A-Z0-9][A-Z0-9\-/._]*\d[A-Z0-9\-/._]*)|\bn°\s*:?\s*([A-Z0-9][A-Z0-9\-/._]*\d[A-Z0-9\-/._]*)/iu;
const INSURER_STOP_RE =
  /\s*(?:[–—|,;(]|\s-\s|\bcontrat\b|\bpolice\b|\bn°|\bsous\s+le\b|\bactivit|\bvalid|\bcouvr|\bzone\b|\bsitu[ée]e?(?![\p{L}])|\bsise?(?![\p{L}])|\bdont\s+le\s+si[èe]ge).*$/iu;
const AUPRES_RE = /aupr[èe]s\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+)([^–—|,;(]+)/iu;

function insurerOf(afterLabel: string): string | undefined {
  const aupres = AUPRES_RE.exec(afterLabel);
  const raw = aupres ? (aupres[1] ?? '') : afterLabel;
  const insurer = raw
    .replace(INSURER_STOP_RE, '')
    .replace(/^(?:la|le|l['’])\s*/iu, '')
    .trim();
  return /^[\p{Lu}\d]/u.test(insurer) && /\p{L}{2}/u.test(insurer) ? insurer : undefined;
}

/**
 * The rest of a policy number printed in groups: « 146 802 557 », « 462819 Q 1207 »,
 * « 40218837 / 0003 » (digit groups, one or two capitals, a slash or a dash); a word ends it.
 */
const POLICY_TAIL_RE = /^(?:\s?[/-]\s?[A-Z0-9]+|\s(?:\d{1,12}|[A-Z]{1,2})(?![\p{L}\d]))*/u;

function policyTail(rest: string): string {
  return POLICY_TAIL_RE.exec(rest)?.[0] ?? '';
}

function format(insurer: string | undefined, policy: string | undefined): string | undefined {
  if (insurer && policy) return `${insurer}, contrat n° ${policy}`;
  if (policy) return `contrat n° ${policy}`;
  return insurer;
}

/** Reads the first insurance mention of the lines. */
export function findInsurance(lines: DocumentLine[]): Insurance | undefined {
  for (let i = 0; i < lines.length; i += 1) {
    const own = lines[i]?.text.trim() ?? '';
    const text = LABEL_AT_END_RE.test(own) ? `${own} ${lines[i + 1]?.text.trim() ?? ''}` : own;
    const label = [...text.matchAll(LABEL_GLOBAL_RE), ...text.matchAll(BARE_LABEL_RE)].find((m) =>
      /(?:^|[–—|·:.-]\s*)$/u.test(text.slice(0, m.index)),
    );
    if (!label) continue;
    let after = text.slice(label.index + label[0].length);
    if (!POLICY_RE.test(after) && lines[i + 1])
      after = `${after} ${lines[i + 1]?.text.trim() ?? ''}`;
    const policyMatch = POLICY_RE.exec(after);
    const first = policyMatch?.[1] ?? policyMatch?.[2];
    const tail = policyMatch
      ? policyTail(after.slice(policyMatch.index + policyMatch[0].length))
      : '';
    const policy = first ? `${first}${tail}`.replace(/[.,;]+$/u, '') : undefined;
    const insurer = insurerOf(after);
    const value = format(insurer, policy);
    if (value) return { value, insurer, policy };
  }
  return undefined;
}
