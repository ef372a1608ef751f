/**
 * A stored Brevo webhook item read as a `ParsedEmail`, so both channels share triage, the
 * auto-reply policy, recipients and thread keys. Attachments are downloaded by their token here
 * (in the processing job, never in the request); a forwarded mail (`message/rfc822`) is opened.
 */
import { createHash } from 'node:crypto';
import type { BrevoInboundClient } from '../adapters/brevo-inbound.js';
import type { Logger } from '../logger.js';
import { parseBrevoWebhook, type BrevoInboundItem } from './brevo-payload.js';
import { normaliseMessageId, readPolicyHeaderFields } from './mail-headers.js';
import { parseEmail } from './parse-email.js';
import type { AttachmentPart, ParsedEmail, PolicyHeaders } from './parsed-email.js';

const HEAD_BYTES = 64 * 1024;
const CID_URL = /\bcid:([^'"\s>)]{1,256})/giu;

export type DownloadIssue = 'download_failed' | 'too_large';

export interface BrevoMail {
  item: BrevoInboundItem;
  parsed: ParsedEmail;
  /** Parts whose content could not be had, by index in `parsed.parts`. */
  issues: Map<number, DownloadIssue>;
  /** Some download failed in a way a later attempt may fix. */
  retryable: boolean;
}

export function readStoredItem(raw: unknown): BrevoInboundItem | undefined {
  return parseBrevoWebhook({ items: [raw] }).items[0];
}

function first(headers: Record<string, string[]>, name: string): string | undefined {
  return headers[name]?.[0];
}

function policyHeadersOf(headers: Record<string, string[]>): PolicyHeaders {
  const policy: PolicyHeaders = {
    listHeaders: Object.keys(headers).filter((name) => name.startsWith('list-')),
    contentType:
      (first(headers, 'content-type') ?? 'text/plain').split(';')[0]?.trim().toLowerCase() ?? '',
  };
  return { ...policy, ...readPolicyHeaderFields((name) => first(headers, name)) };
}

function htmlContentIds(raw: unknown): string[] {
  const html =
    typeof raw === 'object' &&
    raw !== null &&
    'RawHtmlBody' in raw &&
    typeof raw.RawHtmlBody === 'string'
      ? raw.RawHtmlBody
      : '';
  const ids = new Set<string>();
  for (const m of html.slice(0, 5 * 1024 * 1024).matchAll(CID_URL)) {
    ids.add((m[1] ?? '').replace(/^<|>$/gu, '').trim().toLowerCase());
  }
  return [...ids];
}

function measuredPart(
  index: number,
  meta: { filename: string; contentType: string; contentId?: string },
  bytes: Buffer | undefined,
  declaredSize: number,
): AttachmentPart {
  const contentType = meta.contentType;
  const part: AttachmentPart = {
    index,
    filename: meta.filename || `piece-jointe-${index + 1}`,
    hasDeclaredFilename: Boolean(meta.filename),
    contentType,
    disposition: 'attachment',
    location: 'top-level',
    forwardDepth: 0,
    size: bytes?.length ?? declaredSize,
    sha256: bytes ? createHash('sha256').update(bytes).digest('hex') : '',
    head: bytes ? bytes.subarray(0, HEAD_BYTES) : Buffer.alloc(0),
    tooLarge: false,
    sentToSink: false,
    related: false,
    referencedFromHtml: false,
    isForwardedMail: contentType === 'message/rfc822',
    forwardOpened: false,
    isTnef: contentType === 'application/ms-tnef' || meta.filename.toLowerCase() === 'winmail.dat',
    tnefOpened: false,
  };
  if (meta.contentId) part.contentId = meta.contentId;
  if (bytes) part.bytes = bytes;
  return part;
}

export interface LoadBrevoMailOptions {
  brevo?: BrevoInboundClient;
  maxAttachmentBytes: number;
  logger: Logger;
}

export async function loadBrevoMail(
  raw: unknown,
  options: LoadBrevoMailOptions,
): Promise<BrevoMail | undefined> {
  const item = readStoredItem(raw);
  if (!item) return undefined;
  const cids = new Set(htmlContentIds(raw));
  const issues = new Map<number, DownloadIssue>();
  const parts: AttachmentPart[] = [];
  const problems = new Set<ParsedEmail['problems'][number]>();
  let retryable = false;

  for (const attachment of item.attachments) {
    const index = parts.length;
    const meta = {
      filename: attachment.name,
      contentType: attachment.contentType,
      ...(attachment.contentId ? { contentId: attachment.contentId } : {}),
    };
    const declared = attachment.contentLength ?? 0;
    let bytes: Buffer | undefined;
    let issue: DownloadIssue | undefined;
    if (declared > options.maxAttachmentBytes) {
      issue = 'too_large';
    } else if (!options.brevo) {
      issue = 'download_failed';
      options.logger.warn({ index }, 'brevo attachment not downloaded: BREVO_API_KEY unset');
    } else {
      try {
        bytes = await options.brevo.downloadAttachment(
          attachment.downloadToken,
          options.maxAttachmentBytes,
        );
        if (!bytes) issue = 'too_large';
      } catch (err) {
        issue = 'download_failed';
        const retry =
          !(typeof err === 'object' && err !== null && 'retryable' in err) ||
          err.retryable === true;
        retryable ||= retry;
        options.logger.warn({ index, retryable: retry }, 'brevo attachment download failed');
      }
    }
    const part = measuredPart(index, meta, bytes, declared);
    if (part.contentId && cids.has(part.contentId)) part.referencedFromHtml = true;
    parts.push(part);
    if (issue) {
      issues.set(index, issue);
      if (issue === 'too_large') part.tooLarge = true;
    } else if (part.isForwardedMail && bytes) {
      const inner = await parseEmail(bytes, { maxAttachmentBytes: options.maxAttachmentBytes });
      part.forwardOpened = true;
      if (inner.messageId) part.forwardedMessageId = inner.messageId;
      for (const p of inner.problems) problems.add(p);
      for (const innerPart of inner.parts) {
        parts.push({
          ...innerPart,
          index: parts.length,
          location: innerPart.location === 'top-level' ? 'forwarded' : innerPart.location,
          forwardDepth: innerPart.forwardDepth + 1,
        });
      }
    }
  }

  const headers = item.headers;
  const threadIndex = first(headers, 'thread-index');
  const parsed: ParsedEmail = {
    references: item.references,
    to: item.to,
    cc: item.cc,
    deliveredTo: [],
    xOriginalTo: [],
    envelopeRecipients: item.recipients,
    subject: item.subject,
    text: (item.rawTextBody ?? '').slice(0, 100_000),
    textBytes: Buffer.byteLength(item.rawTextBody ?? ''),
    htmlBytes: 0,
    htmlContentIds: [...cids],
    policyHeaders: policyHeadersOf(headers),
    receivedCount: headers.received?.length ?? 0,
    idempotencyChecksum: '',
    rawSize: 0,
    parts,
    problems: [...problems],
    from: item.from,
  };
  if (item.messageId) parsed.messageId = item.messageId;
  const inReplyTo =
    item.inReplyTo ??
    (first(headers, 'in-reply-to')
      ? normaliseMessageId(first(headers, 'in-reply-to') ?? '')
      : undefined);
  if (inReplyTo) parsed.inReplyTo = inReplyTo;
  if (threadIndex) parsed.threadIndex = threadIndex;
  if (item.replyTo) parsed.replyTo = item.replyTo;
  if (item.sentAt) parsed.date = item.sentAt;
  return { item, parsed, issues, retryable };
}
