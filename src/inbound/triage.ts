/**
 * Which parts of a mail become QuoteChecks (DESIGN.md §3): PDFs, JPEG/PNG/HEIC/TIFF images and
 * plain-text attachments, decided from the bytes. Signature logos, tiny images, invitations,
 * vCards, signatures and opened containers are ignored; anything else is named in the reply as
 * not checked, never dropped in silence.
 */
import { IMAGE_KINDS, sniffFileType, type SniffedKind } from '../reading/sniff.js';
import { extensionOf } from './attachment-name.js';
import type { AttachmentPart, ParsedEmail } from './parsed-email.js';

/** Images under this size are logos, icons or tracking pixels, not quotes. */
export const SMALL_IMAGE_BYTES = 10 * 1024;

/**
 * HEIC (iPhone photos) is not among them: no decoder we ship reads it, so the sender is told at
 * once to send a PDF or a JPEG rather than getting « fichier illisible » later.
 */
const QUOTE_KINDS: ReadonlySet<SniffedKind> = new Set(['pdf', 'jpeg', 'png', 'tiff']);

export type IgnoredReason =
  | 'inline_image'
  | 'small_image'
  | 'calendar'
  | 'vcard'
  | 'signature'
  | 'winmail_container'
  | 'forwarded_mail';

export type NotCheckedReason =
  'unsupported_format' | 'too_large' | 'empty' | 'winmail_unreadable' | 'forward_too_deep';

export type PartDecision =
  | { outcome: 'quote'; kind: SniffedKind; mime: string }
  | { outcome: 'ignored'; reason: IgnoredReason }
  /** `formatLabel`: French name of the format ("un document Word (.docx)"), for the reply. */
  | { outcome: 'not_checked'; reason: NotCheckedReason; formatLabel?: string };

export type TriagedPart = PartDecision & { part: AttachmentPart };

export interface TriageOptions {
  /** `MDSO_QUOTE_FILE_MAX_SIZE` in bytes. */
  maxQuoteFileBytes: number;
}

/** Formats the sniffer does not name, by extension. */
const EXTENSION_LABELS: Readonly<Record<string, string>> = {
  exe: 'un programme Windows (.exe)',
  msi: 'un programme d’installation Windows (.msi)',
  bat: 'un script Windows (.bat)',
  js: 'un script (.js)',
  zip: 'une archive ZIP',
  rar: 'une archive RAR',
  '7z': 'une archive 7-Zip',
  gz: 'une archive compressée (.gz)',
  csv: 'un tableau CSV',
  eml: 'un message électronique (.eml)',
  mp4: 'une vidéo',
  mov: 'une vidéo',
  mp3: 'un fichier audio',
};

const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics']);
const VCARD_TYPES = new Set(['text/vcard', 'text/x-vcard', 'text/directory']);
const SIGNATURE_TYPES = new Set([
  'application/pkcs7-signature',
  'application/x-pkcs7-signature',
  'application/pgp-signature',
  'application/pgp-keys',
]);

function declaredDecision(part: AttachmentPart): PartDecision | undefined {
  const extension = extensionOf(part.filename);
  if (part.isForwardedMail) {
    return part.forwardOpened
      ? { outcome: 'ignored', reason: 'forwarded_mail' }
      : { outcome: 'not_checked', reason: 'forward_too_deep' };
  }
  if (part.isTnef) {
    if (part.tnefOpened) return { outcome: 'ignored', reason: 'winmail_container' };
    return part.tooLarge
      ? { outcome: 'not_checked', reason: 'too_large' }
      : { outcome: 'not_checked', reason: 'winmail_unreadable' };
  }
  if (CALENDAR_TYPES.has(part.contentType) || extension === 'ics') {
    return { outcome: 'ignored', reason: 'calendar' };
  }
  if (VCARD_TYPES.has(part.contentType) || extension === 'vcf') {
    return { outcome: 'ignored', reason: 'vcard' };
  }
  if (SIGNATURE_TYPES.has(part.contentType) || ['p7s', 'sig'].includes(extension)) {
    return { outcome: 'ignored', reason: 'signature' };
  }
  return undefined;
}

function isDeclaredPlainText(part: AttachmentPart): boolean {
  return part.contentType === 'text/plain' || extensionOf(part.filename) === 'txt';
}

export function triagePart(part: AttachmentPart, opts: TriageOptions): PartDecision {
  const declared = declaredDecision(part);
  if (declared) return declared;
  if (part.size === 0) return { outcome: 'not_checked', reason: 'empty' };
  const sniffed = sniffFileType(part.bytes ?? part.head);
  if (IMAGE_KINDS.has(sniffed.kind)) {
    if (part.referencedFromHtml) return { outcome: 'ignored', reason: 'inline_image' };
    if (part.size < SMALL_IMAGE_BYTES) return { outcome: 'ignored', reason: 'small_image' };
  }
  const isQuote =
    QUOTE_KINDS.has(sniffed.kind) || (sniffed.kind === 'text' && isDeclaredPlainText(part));
  if (!isQuote) {
    const label =
      sniffed.kind === 'unknown' || sniffed.kind === 'zip'
        ? (EXTENSION_LABELS[extensionOf(part.filename)] ?? sniffed.label)
        : sniffed.label;
    return { outcome: 'not_checked', reason: 'unsupported_format', formatLabel: label };
  }
  if (part.size > opts.maxQuoteFileBytes || part.tooLarge) {
    return { outcome: 'not_checked', reason: 'too_large' };
  }
  return { outcome: 'quote', kind: sniffed.kind, mime: sniffed.mime };
}

/** One decision per part of `parsed.parts`, in the same order. */
export function triageParts(parsed: ParsedEmail, opts: TriageOptions): TriagedPart[] {
  return parsed.parts.map((part) => ({ ...triagePart(part, opts), part }));
}
