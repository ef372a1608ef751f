/**
 * File names of attachments as people will read them in a reply: mailparser has already decoded
 * RFC 2231 / RFC 2047; here they become one safe UTF-8 NFC segment (no directory, no control
 * character), or a French fallback built from the content type when the part has no name.
 */

const MAX_NAME_LENGTH = 180;

/** Extension for a nameless part, by declared content type. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/tiff': 'tif',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'image/webp': 'webp',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/calendar': 'ics',
  'text/vcard': 'vcf',
  'text/x-vcard': 'vcf',
  'message/rfc822': 'eml',
  'application/ms-tnef': 'dat',
  'application/zip': 'zip',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/pkcs7-signature': 'p7s',
  'application/x-pkcs7-signature': 'p7s',
  'application/pgp-signature': 'asc',
};

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

/**
 * `index` is the 1-based position of the part in the mail, used in the fallback name
 * (`piece-jointe-2.pdf`).
 */
export function sanitiseAttachmentName(
  declared: string | undefined,
  contentType: string,
  index: number,
): string {
  const cleaned = (declared ?? '')
    .normalize('NFC')
    .replace(/\p{Cc}|\p{Cf}/gu, '')
    .replace(/^.*[/\\]/u, '')
    .replace(/[<>:"|?*]/gu, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[.\s]+|[.\s]+$/gu, '')
    .trim();
  if (cleaned && cleaned.replace(/\uFFFD/gu, '').trim()) {
    if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
    const extension = extensionOf(cleaned);
    const keep = MAX_NAME_LENGTH - extension.length - 1;
    return extension ? `${cleaned.slice(0, keep)}.${extension}` : cleaned.slice(0, MAX_NAME_LENGTH);
  }
  const extension = EXTENSIONS[contentType.toLowerCase()] ?? 'bin';
  return `piece-jointe-${index}.${extension}`;
}
