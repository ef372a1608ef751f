/**
 * The team notification for an inbound mail we did not process (spec/email.md §5.6): a French
 * preamble (sender, recipients, attachment count) then the original text. The raw mail is read
 * with mailparser's streaming parser; attachments are drained, never kept in memory.
 * Differences with upstream: the original HTML is not pasted (its text is shown escaped), and
 * attachments are counted, not re-attached (the transports send no attachment).
 */
import { Readable } from 'node:stream';
import { MailParser, type AttachmentStream, type Headers, type MessageText } from 'mailparser';
import { escapeHtml } from './pro-message.js';

/** Text of the original kept in the notification. */
export const FORWARD_TEXT_LIMIT = 100_000;

export interface ForwardSummary {
  subject?: string;
  from?: string;
  replyTo?: string;
  to?: string;
  attachmentCount: number;
  text?: string;
}

interface AddressHeader {
  value?: { address?: string; name?: string }[];
  text?: string;
}

function addresses(header: unknown): string[] {
  const list = Array.isArray(header) ? (header as AddressHeader[]) : [header as AddressHeader];
  return list
    .flatMap((h) => h?.value ?? [])
    .map((a) => a.address?.trim() ?? '')
    .filter((a) => a !== '' && !/[\s<>,]/u.test(a));
}

export async function summariseRawMail(raw: Buffer): Promise<ForwardSummary> {
  const parser = new MailParser({ skipImageLinks: true });
  const summary: ForwardSummary = { attachmentCount: 0 };
  await new Promise<void>((resolve, reject) => {
    parser.on('headers', (headers: Headers) => {
      const subject = headers.get('subject');
      if (typeof subject === 'string') summary.subject = subject;
      summary.from = addresses(headers.get('from'))[0];
      summary.replyTo = addresses(headers.get('reply-to'))[0];
      const to = [...addresses(headers.get('to')), ...addresses(headers.get('cc'))];
      if (to.length > 0) summary.to = to.join(', ');
    });
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (data.type === 'attachment') {
        summary.attachmentCount += 1;
        data.content.on('end', () => data.release?.());
        data.content.resume();
      } else if (typeof data.text === 'string') {
        summary.text = data.text.slice(0, FORWARD_TEXT_LIMIT);
      }
    });
    parser.on('error', reject);
    parser.on('end', () => resolve());
    Readable.from([raw]).pipe(parser);
  });
  return summary;
}

function oneLine(value: string): string {
  return value.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

export interface ForwardContent {
  subject: string;
  text: string;
  html: string;
  /** Where the team's answer goes: the original Reply-To, else its sender. */
  replyTo?: string;
}

export function buildForwardContent(
  summary: ForwardSummary,
  options: { inboundEmailId: string; subject?: string },
): ForwardContent {
  const original = oneLine(options.subject ?? summary.subject ?? '') || '(sans objet)';
  const count = summary.attachmentCount;
  const who = summary.from ? `de ${summary.from}` : "d'un expéditeur inconnu";
  const to = summary.to ? `, adressé à ${summary.to},` : '';
  const attachments = `${count} pièce${count > 1 ? 's' : ''} jointe${count > 1 ? 's' : ''}`;
  const preamble = [
    `E-mail reçu ${who}${to} avec ${attachments}.`,
    "Il n'a pas été traité (adresse de destination erronée ou aucune pièce jointe exploitable).",
    `Référence interne : ${options.inboundEmailId}.`,
  ];
  const body = summary.text?.trim() ?? '';
  return {
    subject: `Fwd: ${original}`,
    text: `${preamble.join('\n')}\n\n${body}\n`,
    html:
      '<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body>' +
      preamble.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
      (body ? `<hr><pre style="white-space:pre-wrap">${escapeHtml(body)}</pre>` : '') +
      '</body></html>',
    ...(summary.replyTo || summary.from ? { replyTo: summary.replyTo ?? summary.from } : {}),
  };
}
