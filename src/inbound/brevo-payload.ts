/**
 * The body of Brevo's inbound parsing webhook (spec/email.md §3.2, stack-and-pitfalls.md §B.3),
 * validated with a tolerant schema: `{ items: [...] }` or a bare item; `Uuid` a string or an
 * array; `Recipients` strings or mailboxes; `SpamScore` or `Spam.Score`. One bad item is
 * reported with its reason and does not spoil the others.
 */
import { z } from 'zod';
import { normaliseMessageId, readMessageIds } from './mail-headers.js';
import type { Mailbox } from './parsed-email.js';

const mailboxSchema = z.object({
  Address: z.string().trim().min(3).includes('@'),
  Name: z.string().nullish(),
});
const looseMailbox = z.union([mailboxSchema, z.string().trim().includes('@')]);
const nullishString = z.string().nullish();
const headerValue = z.union([z.string(), z.array(z.string())]);

const attachmentSchema = z.object({
  Name: nullishString,
  ContentType: nullishString,
  ContentLength: z.coerce.number().nonnegative().nullish(),
  ContentID: nullishString,
  DownloadToken: z.string().min(1),
});

const itemSchema = z.object({
  Uuid: z.union([z.string().min(1), z.array(z.string()).min(1)]),
  MessageId: nullishString,
  InReplyTo: nullishString,
  From: mailboxSchema,
  To: z.array(looseMailbox).nullish(),
  Cc: z.array(looseMailbox).nullish(),
  ReplyTo: mailboxSchema.nullish(),
  Recipients: z.array(looseMailbox).nullish(),
  SentAtDate: nullishString,
  Subject: nullishString,
  RawTextBody: nullishString,
  RawHtmlBody: nullishString,
  SpamScore: z.number().nullish(),
  Spam: z.object({ Score: z.number().nullish() }).nullish(),
  Attachments: z.array(attachmentSchema).nullish(),
  Headers: z.record(z.string(), headerValue).nullish(),
});

export interface BrevoAttachment {
  name: string;
  contentType: string;
  /** Brevo's estimate of the size, in bytes. */
  contentLength?: number;
  contentId?: string;
  downloadToken: string;
}

export interface BrevoInboundItem {
  /** `Uuid[0]`: the provider id, the idempotency key of the item. */
  uuid: string;
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  replyTo?: Mailbox;
  /** Envelope recipients (RCPT TO), lower-cased. */
  recipients: string[];
  subject: string;
  /** The Date header as sent (RFC 822 text); `sentAt` when it parses. */
  sentAtText?: string;
  sentAt?: Date;
  rawTextBody?: string;
  spamScore?: number;
  attachments: BrevoAttachment[];
  /** Header names lower-cased; repeated headers keep every value. */
  headers: Record<string, string[]>;
}

export interface BrevoInvalidItem {
  index: number;
  /** Field paths and messages of zod, never values (they may be personal data). */
  reason: string;
}

export interface BrevoWebhook {
  items: BrevoInboundItem[];
  invalid: BrevoInvalidItem[];
}

type RawItem = z.infer<typeof itemSchema>;
type LooseMailbox = z.infer<typeof looseMailbox>;

function toMailbox(value: LooseMailbox): Mailbox {
  if (typeof value === 'string') return { address: value.trim() };
  return value.Name ? { address: value.Address, name: value.Name } : { address: value.Address };
}

function toHeaders(raw: RawItem['Headers']): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const key = name.toLowerCase();
    headers[key] = [...(headers[key] ?? []), ...(Array.isArray(value) ? value : [value])];
  }
  return headers;
}

function toItem(raw: RawItem): BrevoInboundItem {
  const headers = toHeaders(raw.Headers);
  const item: BrevoInboundItem = {
    uuid: Array.isArray(raw.Uuid) ? (raw.Uuid[0] ?? '') : raw.Uuid,
    references: readMessageIds(headers.references ?? []),
    from: toMailbox(raw.From),
    to: (raw.To ?? []).map(toMailbox),
    cc: (raw.Cc ?? []).map(toMailbox),
    recipients: (raw.Recipients ?? []).map((r) => toMailbox(r).address.toLowerCase()),
    subject: raw.Subject ?? '',
    attachments: (raw.Attachments ?? []).map((a) => {
      const attachment: BrevoAttachment = {
        name: a.Name ?? '',
        contentType: (a.ContentType ?? 'application/octet-stream').toLowerCase(),
        downloadToken: a.DownloadToken,
      };
      if (a.ContentLength !== null && a.ContentLength !== undefined) {
        attachment.contentLength = a.ContentLength;
      }
      if (a.ContentID) attachment.contentId = a.ContentID.replace(/^<|>$/gu, '').toLowerCase();
      return attachment;
    }),
    headers,
  };
  const messageId = raw.MessageId ? normaliseMessageId(raw.MessageId) : undefined;
  if (messageId) item.messageId = messageId;
  const inReplyTo = raw.InReplyTo ? readMessageIds(raw.InReplyTo)[0] : undefined;
  if (inReplyTo) item.inReplyTo = inReplyTo;
  if (raw.ReplyTo) item.replyTo = toMailbox(raw.ReplyTo);
  if (raw.SentAtDate) {
    item.sentAtText = raw.SentAtDate;
    const date = new Date(raw.SentAtDate);
    if (!Number.isNaN(date.getTime())) item.sentAt = date;
  }
  if (raw.RawTextBody) item.rawTextBody = raw.RawTextBody;
  const spam = raw.SpamScore ?? raw.Spam?.Score;
  if (spam !== null && spam !== undefined) item.spamScore = spam;
  return item;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(item)'}: ${issue.code}`)
    .join('; ');
}

export function parseBrevoWebhook(body: unknown): BrevoWebhook {
  const result: BrevoWebhook = { items: [], invalid: [] };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    result.invalid.push({ index: 0, reason: 'body: not a JSON object' });
    return result;
  }
  let rawItems: unknown[];
  if ('items' in body) {
    const items: unknown = body.items;
    if (!Array.isArray(items)) {
      result.invalid.push({ index: 0, reason: 'items: not an array' });
      return result;
    }
    rawItems = items;
  } else {
    rawItems = 'Uuid' in body || 'From' in body ? [body] : [];
  }
  rawItems.forEach((raw, index) => {
    const parsed = itemSchema.safeParse(raw);
    if (parsed.success) result.items.push(toItem(parsed.data));
    else result.invalid.push({ index, reason: describe(parsed.error) });
  });
  return result;
}
