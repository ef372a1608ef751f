/**
 * One attachment of the streaming parser, consumed as a stream: measured (SHA-256, size, head),
 * then kept in memory, handed to the caller's sink, opened as a winmail.dat, or parsed as a
 * forwarded mail. The parser waits until the attachment is released, so this runs one at a time.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AttachmentStream } from 'mailparser';
import { extensionOf, sanitiseAttachmentName } from './attachment-name.js';
import type {
  AttachmentMeta,
  AttachmentPart,
  ParseEmailOptions,
  ParseProblem,
  PartLocation,
} from './parsed-email.js';
import { createPartMeter, type PartMeasure } from './part-meter.js';
import { readTnef } from './tnef.js';

/** Forwarded mails nested deeper than this are not opened. */
export const MAX_FORWARD_DEPTH = 5;

export interface ParseContext {
  opts: ParseEmailOptions;
  /** Every part of the mail, nested ones included, in order. */
  parts: AttachmentPart[];
  problems: Set<ParseProblem>;
}

/** Parses a nested message into the same context; returns its Message-ID. */
export type NestedParser = (
  source: Readable,
  ctx: ParseContext,
  depth: number,
) => Promise<string | undefined>;

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, callback) => callback() });
}

function isTnefType(contentType: string, filename: string | undefined): boolean {
  return (
    contentType === 'application/ms-tnef' ||
    contentType === 'application/vnd.ms-tnef' ||
    (filename ?? '').toLowerCase() === 'winmail.dat'
  );
}

function applyMeasure(part: AttachmentPart, measure: PartMeasure, max: number): void {
  part.size = measure.size;
  part.sha256 = measure.sha256;
  part.head = measure.head;
  part.tooLarge = measure.size > max;
  if (measure.bytes && !part.tooLarge) part.bytes = measure.bytes;
}

function newPart(
  att: AttachmentStream,
  ctx: ParseContext,
  depth: number,
  location: PartLocation,
): AttachmentPart {
  const contentType = (att.contentType || 'application/octet-stream').toLowerCase();
  const index = ctx.parts.length;
  const part: AttachmentPart = {
    index,
    filename: sanitiseAttachmentName(att.filename, contentType, index + 1),
    hasDeclaredFilename: Boolean(att.filename?.trim()),
    contentType,
    disposition: att.contentDisposition === 'inline' ? 'inline' : 'attachment',
    location,
    forwardDepth: depth,
    size: 0,
    sha256: '',
    head: Buffer.alloc(0),
    tooLarge: false,
    sentToSink: false,
    related: att.related === true,
    referencedFromHtml: false,
    isForwardedMail: contentType === 'message/rfc822',
    forwardOpened: false,
    isTnef: isTnefType(contentType, att.filename),
    tnefOpened: false,
  };
  if (att.cid) part.contentId = att.cid.toLowerCase();
  return part;
}

/** The caller's sink failed: an I/O error of the caller, not a problem of the mail. */
export class AttachmentSinkError extends Error {
  constructor(readonly original: unknown) {
    super('attachment sink failed');
    this.name = 'AttachmentSinkError';
  }
}

async function toSink(part: AttachmentPart, content: Readable, ctx: ParseContext): Promise<void> {
  const meter = createPartMeter();
  const piping = pipeline(content, meter.stream);
  let sinkError: unknown;
  const sink = ctx.opts.onAttachment;
  if (sink) {
    part.sentToSink = true;
    const meta: AttachmentMeta = {
      index: part.index,
      filename: part.filename,
      contentType: part.contentType,
      disposition: part.disposition,
      location: part.location,
      forwardDepth: part.forwardDepth,
    };
    if (part.contentId) meta.contentId = part.contentId;
    try {
      await sink(meta, meter.stream);
    } catch (err) {
      sinkError = err ?? new Error('sink failed');
    }
  }
  // Whatever the sink left unread is drained, so that the parser can go on.
  meter.stream.resume();
  await piping.catch((err: unknown) => {
    if (sinkError === undefined) throw err;
  });
  applyMeasure(part, meter.measure(), ctx.opts.maxAttachmentBytes);
  if (sinkError !== undefined) throw new AttachmentSinkError(sinkError);
}

async function toMemory(part: AttachmentPart, content: Readable, ctx: ParseContext): Promise<void> {
  const meter = createPartMeter(ctx.opts.maxAttachmentBytes);
  await pipeline(content, meter.stream, discard());
  applyMeasure(part, meter.measure(), ctx.opts.maxAttachmentBytes);
}

async function openTnef(
  part: AttachmentPart,
  content: Readable,
  ctx: ParseContext,
  depth: number,
): Promise<void> {
  await toMemory(part, content, ctx);
  const tnef = part.bytes ? readTnef(part.bytes) : { attachments: [], complete: false };
  part.tnefOpened = tnef.attachments.length > 0;
  if (!part.tnefOpened) ctx.problems.add('winmail_unreadable');
  for (const file of tnef.attachments) {
    const contentType =
      extensionOf(file.filename ?? '') === 'pdf' ? 'application/pdf' : 'application/octet-stream';
    const inner: AttachmentPart = {
      ...part,
      index: ctx.parts.length,
      filename: sanitiseAttachmentName(file.filename, contentType, ctx.parts.length + 1),
      hasDeclaredFilename: Boolean(file.filename),
      contentType,
      location: 'winmail',
      forwardDepth: depth,
      isTnef: false,
      tnefOpened: false,
      referencedFromHtml: false,
    };
    delete inner.contentId;
    delete inner.bytes;
    ctx.parts.push(inner);
    await (ctx.opts.onAttachment ? toSink : toMemory)(inner, Readable.from([file.bytes]), ctx);
  }
  // The container's own bytes are not needed any more.
  delete part.bytes;
}

async function openForward(
  part: AttachmentPart,
  content: Readable,
  ctx: ParseContext,
  depth: number,
  parseNested: NestedParser,
): Promise<void> {
  const meter = createPartMeter();
  const piping = pipeline(content, meter.stream);
  if (depth + 1 > MAX_FORWARD_DEPTH) {
    ctx.problems.add('forward_depth_limit');
  } else {
    const messageId = await parseNested(meter.stream, ctx, depth + 1);
    part.forwardOpened = true;
    if (messageId) part.forwardedMessageId = messageId;
  }
  meter.stream.resume();
  await piping;
  applyMeasure(part, meter.measure(), ctx.opts.maxAttachmentBytes);
}

/** Adds the attachment (and what it contains) to `ctx.parts`; returns the top part. */
export async function readAttachment(
  att: AttachmentStream,
  ctx: ParseContext,
  depth: number,
  parseNested: NestedParser,
): Promise<AttachmentPart> {
  const location: PartLocation = depth > 0 ? 'forwarded' : 'top-level';
  const part = newPart(att, ctx, depth, location);
  ctx.parts.push(part);
  try {
    if (part.isForwardedMail) await openForward(part, att.content, ctx, depth, parseNested);
    else if (part.isTnef) await openTnef(part, att.content, ctx, depth);
    else if (ctx.opts.onAttachment) await toSink(part, att.content, ctx);
    else await toMemory(part, att.content, ctx);
  } catch (err) {
    if (err instanceof AttachmentSinkError) throw err;
    // A part that breaks while decoding is kept with what was measured; the mail goes on.
    ctx.problems.add('malformed_mime');
  }
  return part;
}
