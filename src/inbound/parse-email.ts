/**
 * Parses one inbound mail with mailparser's streaming `MailParser` (never `simpleParser`,
 * which buffers every attachment: stack-and-pitfalls.md §A.3): each attachment is measured
 * while it streams and kept, dropped or handed to a sink; forwarded `message/rfc822` parts are
 * parsed in turn (depth limit 5) and winmail.dat files opened. Broken MIME never throws: what
 * can be read is returned, with `problems` codes. Only a failing source stream or sink throws.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MailParser, type AttachmentStream, type Headers, type MessageText } from 'mailparser';
import {
  normaliseMessageId,
  rawHeaderValues,
  readMailboxes,
  readMessageIds,
  readPolicyHeaderFields,
  readTraceAddresses,
} from './mail-headers.js';
import { createMimeScan, type MimeScanResult } from './mime-scan.js';
import type {
  AttachmentPart,
  ParsedEmail,
  ParseEmailOptions,
  PolicyHeaders,
} from './parsed-email.js';
import { readAttachment, type ParseContext } from './read-attachment.js';
import { storableDeep } from '../db/storable-text.js';

export type * from './parsed-email.js';

const MAX_TEXT_CHARS = 100_000;
/** HTML beyond this is not searched for `cid:` links (mailparser's own default is 1.5 MB). */
const MAX_HTML_CHARS = 5 * 1024 * 1024;
const CID_URL = /\bcid:([^'"\s>)]{1,256})/giu;

interface MessageRead {
  headers: Headers;
  scan: MimeScanResult;
  text: string;
  textBytes: number;
  htmlBytes: number;
  htmlContentIds: string[];
}

function contentIdsOf(html: string): string[] {
  const ids = new Set<string>();
  for (const m of html.slice(0, MAX_HTML_CHARS).matchAll(CID_URL)) {
    let id = m[1] ?? '';
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep it as written
    }
    ids.add(id.replace(/^<|>$/gu, '').trim().toLowerCase());
  }
  return [...ids];
}

/** A Buffer is fed in slices (views, no copy) the size of a socket read. */
const BUFFER_SLICE_BYTES = 64 * 1024;

/**
 * A mail held in one Buffer goes to the parser in slices: given as a single chunk of tens of
 * MB, the MIME splitter and the scan copy it several times over (a 57 MB mail peaked at about
 * 390 MB more; in 64 KiB slices, about 30 MB).
 */
function asReadable(source: Readable | Buffer): Readable {
  if (!Buffer.isBuffer(source)) return source;
  return Readable.from(
    (function* slices() {
      for (let offset = 0; offset < source.length; offset += BUFFER_SLICE_BYTES) {
        yield source.subarray(offset, offset + BUFFER_SLICE_BYTES);
      }
    })(),
    { objectMode: false },
  );
}

/** Reads one message (the mail or a forwarded one) into `ctx`; never throws on bad MIME. */
async function readMessage(
  source: Readable,
  ctx: ParseContext,
  depth: number,
): Promise<MessageRead> {
  const scan = createMimeScan();
  const parser = new MailParser({
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
    checksumAlgo: false,
    ignoreEmbedded: true,
  });
  const own: AttachmentPart[] = [];
  const read: Omit<MessageRead, 'scan'> = {
    headers: new Map(),
    text: '',
    textBytes: 0,
    htmlBytes: 0,
    htmlContentIds: [],
  };
  let chain: Promise<void> = Promise.resolve();
  let current: AttachmentStream | undefined;
  // The first stream to fail says whose fault it is: the source (the caller's) or the parser (the mail's).
  let firstFailure: 'source' | 'parser' | undefined;
  let sinkFailure: unknown;

  parser.on('headers', (headers: Headers) => {
    read.headers = headers;
  });
  parser.on('data', (data: AttachmentStream | MessageText) => {
    if (data.type === 'text') {
      read.text = (data.text ?? '').slice(0, MAX_TEXT_CHARS);
      read.textBytes = Buffer.byteLength(data.text ?? '');
      const html = typeof data.html === 'string' ? data.html : '';
      read.htmlBytes = Buffer.byteLength(html);
      read.htmlContentIds = contentIdsOf(html);
      return;
    }
    chain = chain.then(async () => {
      current = data;
      try {
        // After a sink failure the rest of the mail is only drained (release() drains).
        if (sinkFailure === undefined)
          own.push(await readAttachment(data, ctx, depth, nestedParser));
      } catch (err) {
        sinkFailure ??= err;
      } finally {
        current = undefined;
        data.release?.();
      }
    });
  });
  parser.on('error', (err: Error) => {
    firstFailure ??= 'parser';
    current?.content.destroy(err);
  });

  source.once('error', () => {
    firstFailure ??= 'source';
  });
  try {
    await pipeline(source, scan.stream, parser);
  } catch (err) {
    if (firstFailure !== 'parser') {
      current?.content.destroy();
      throw err;
    }
    ctx.problems.add(/max header size/iu.test(String(err)) ? 'header_too_large' : 'malformed_mime');
  }
  await chain;
  if (sinkFailure !== undefined) throw sinkFailure;

  const contentIds = new Set(read.htmlContentIds);
  for (const part of own) {
    if (part.contentId && contentIds.has(part.contentId)) part.referencedFromHtml = true;
  }
  const result = scan.result();
  for (const problem of result.problems) ctx.problems.add(problem);
  return { ...read, scan: result };
}

async function nestedParser(
  source: Readable,
  ctx: ParseContext,
  depth: number,
): Promise<string | undefined> {
  const message = await readMessage(source, ctx, depth);
  const id = message.headers.get('message-id');
  return typeof id === 'string' ? normaliseMessageId(id) : undefined;
}

function firstRaw(message: MessageRead, name: string): string | undefined {
  return rawHeaderValues(message.scan.rootHeaders, name)[0];
}

function policyHeadersOf(message: MessageRead): PolicyHeaders {
  const contentType = message.headers.get('content-type');
  const type =
    contentType && typeof contentType === 'object' && 'value' in contentType
      ? String(contentType.value)
      : (firstRaw(message, 'content-type')?.split(';')[0] ?? 'text/plain');
  const policy: PolicyHeaders = {
    listHeaders: [
      ...new Set(message.scan.rootHeaders.map((f) => f.name).filter((n) => n.startsWith('list-'))),
    ],
    contentType: type.trim().toLowerCase(),
  };
  return { ...policy, ...readPolicyHeaderFields((name) => firstRaw(message, name)) };
}

function subjectOf(message: MessageRead, problems: Set<string>): string {
  const parsed = message.headers.get('subject');
  const subject = typeof parsed === 'string' ? parsed : '';
  // Raw Latin-1 bytes in the header: mailparser read them as UTF-8; re-read them as Windows-1252.
  const raw = firstRaw(message, 'subject');
  if (problems.has('raw_8bit_header') && raw !== undefined && !raw.includes('=?')) return raw;
  return subject;
}

function dateOf(message: MessageRead): Date | undefined {
  const raw = firstRaw(message, 'date');
  const date = raw ? new Date(raw) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function summarise(message: MessageRead, ctx: ParseContext): ParsedEmail {
  const { headers, scan } = message;
  const messageId = headers.get('message-id');
  const inReplyTo = readMessageIds(headers.get('in-reply-to'))[0];
  const threadIndex = firstRaw(message, 'thread-index');
  const from = readMailboxes(headers, 'from')[0];
  const replyTo = readMailboxes(headers, 'reply-to')[0];
  const date = dateOf(message);
  const parsed: ParsedEmail = {
    references: readMessageIds(headers.get('references')),
    to: readMailboxes(headers, 'to'),
    cc: readMailboxes(headers, 'cc'),
    deliveredTo: readTraceAddresses(scan.rootHeaders, 'delivered-to').map((a) => a.toLowerCase()),
    xOriginalTo: readTraceAddresses(scan.rootHeaders, 'x-original-to').map((a) => a.toLowerCase()),
    envelopeRecipients: (ctx.opts.envelopeRecipients ?? []).map((a) => a.trim().toLowerCase()),
    subject: subjectOf(message, ctx.problems),
    text: message.text,
    textBytes: message.textBytes,
    htmlBytes: message.htmlBytes,
    htmlContentIds: message.htmlContentIds,
    policyHeaders: policyHeadersOf(message),
    receivedCount: scan.receivedCount,
    idempotencyChecksum: scan.idempotencyChecksum,
    rawSize: scan.rawSize,
    parts: ctx.parts,
    problems: [...ctx.problems],
  };
  const id = typeof messageId === 'string' ? normaliseMessageId(messageId) : undefined;
  if (id) parsed.messageId = id;
  if (inReplyTo) parsed.inReplyTo = inReplyTo;
  if (threadIndex) parsed.threadIndex = threadIndex;
  if (from) parsed.from = from;
  if (replyTo) parsed.replyTo = replyTo;
  if (date) parsed.date = date;
  return storableDeep(parsed);
}

export async function parseEmail(
  source: Readable | Buffer,
  opts: ParseEmailOptions,
): Promise<ParsedEmail> {
  const ctx: ParseContext = { opts, parts: [], problems: new Set() };
  const message = await readMessage(asReadable(source), ctx, 0);
  return summarise(message, ctx);
}
