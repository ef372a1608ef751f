/**
 * What `parseEmail` returns: the facts of one inbound mail that triage, the auto-reply policy,
 * recipient selection and thread matching need. Bodies are reduced to sizes (and a bounded
 * plain text); attachment contents are kept only when the caller asked for them.
 */
import type { Readable } from 'node:stream';
import type { Mailbox } from './mail-headers.js';

export type { Mailbox } from './mail-headers.js';

/** Where a part was found: in the mail itself, in a forwarded mail, in a winmail.dat. */
export type PartLocation = 'top-level' | 'forwarded' | 'winmail';

export type ParseProblem =
  | 'malformed_mime'
  | 'bad_base64'
  | 'unknown_charset'
  | 'raw_8bit_header'
  | 'header_too_large'
  | 'forward_depth_limit'
  | 'winmail_unreadable';

/** What a sink learns about an attachment before reading it. */
export interface AttachmentMeta {
  /** Position in `ParsedEmail.parts`. */
  index: number;
  filename: string;
  contentType: string;
  contentId?: string;
  disposition: 'inline' | 'attachment';
  location: PartLocation;
  /** 0 for the mail itself, 1 for a mail forwarded in it, and so on. */
  forwardDepth: number;
}

/**
 * Receives every leaf attachment (not the forwarded-mail and winmail.dat containers, which are
 * opened instead) and must consume `content` (or leave it: the rest is drained after it returns).
 */
export type AttachmentSink = (meta: AttachmentMeta, content: Readable) => Promise<void>;

export interface ParseEmailOptions {
  /** Parts up to this size are kept in memory (without a sink); larger ones are only measured. */
  maxAttachmentBytes: number;
  onAttachment?: AttachmentSink;
  /** RCPT TO of the SMTP session, when the mail came by SMTP. */
  envelopeRecipients?: string[];
}

export interface AttachmentPart extends AttachmentMeta {
  /** A name was declared in the mail (otherwise `filename` is a `piece-jointe-N.ext` fallback). */
  hasDeclaredFilename: boolean;
  size: number;
  sha256: string;
  /** First bytes (up to 64 KiB), to sniff the type. */
  head: Buffer;
  /** The content, when kept (no sink, within `maxAttachmentBytes`). */
  bytes?: Buffer;
  /** Larger than `maxAttachmentBytes`: the content was not kept. */
  tooLarge: boolean;
  /** The content went to the caller's sink. */
  sentToSink: boolean;
  /** Inside a `multipart/related` (images of an HTML body). */
  related: boolean;
  /** Its Content-ID is referenced by a `cid:` URL of the HTML body of its message. */
  referencedFromHtml: boolean;
  /** A `message/rfc822` part: its own parts follow, with location `forwarded`. */
  isForwardedMail: boolean;
  /** The forwarded mail was parsed (false past the depth limit). */
  forwardOpened: boolean;
  forwardedMessageId?: string;
  /** An `application/ms-tnef` (winmail.dat) part; `tnefOpened` when files came out of it. */
  isTnef: boolean;
  tnefOpened: boolean;
}

/** The headers the auto-reply policy reads (RFC 3834 and common practice). */
export interface PolicyHeaders {
  autoSubmitted?: string;
  precedence?: string;
  xAutoreply?: string;
  xAutoResponseSuppress?: string;
  /** `X-MDSO-Template`: set on every mail we send. */
  mdsoTemplate?: string;
  returnPath?: string;
  /** Lower-cased names of the `List-*` headers present. */
  listHeaders: string[];
  /** Lower-cased root content type, e.g. `multipart/report`. */
  contentType: string;
}

export interface ParsedEmail {
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  /** Outlook's `Thread-Index`, as received (base64). */
  threadIndex?: string;
  from?: Mailbox;
  replyTo?: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  /** `Delivered-To` addresses (lower-cased). */
  deliveredTo: string[];
  xOriginalTo: string[];
  envelopeRecipients: string[];
  subject: string;
  date?: Date;
  /** Plain text body, truncated to 100 000 characters. */
  text: string;
  textBytes: number;
  htmlBytes: number;
  /** Content-IDs referenced by `cid:` URLs of the HTML body (lower-cased, no brackets). */
  htmlContentIds: string[];
  policyHeaders: PolicyHeaders;
  receivedCount: number;
  /** SHA-256 of the raw bytes without Received, Return-Path, Delivered-To, X-Original-To. */
  idempotencyChecksum: string;
  rawSize: number;
  /** Every attachment, forwarded and winmail.dat contents included, in order. */
  parts: AttachmentPart[];
  problems: ParseProblem[];
}
