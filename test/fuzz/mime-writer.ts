/**
 * A deliberately lax MIME writer for the fuzz suite: a mail is a tree of parts with their
 * headers as given (duplicated, missing, unfolded, 8-bit…), bodies encoded as asked (base64,
 * quoted-printable, or raw, even when that is wrong), boundaries as given (even when absent
 * from the headers). nodemailer would fix what the fuzz suite wants broken.
 */

export type Header = [name: string, value: string];

export interface MimeLeaf {
  headers: Header[];
  /** Already encoded body (the writer adds nothing). */
  body: Buffer;
}

export interface MimeMultipart {
  headers: Header[];
  /** The boundary the parts are written with (the headers may claim another one). */
  boundary: string;
  parts: MimePart[];
  /** Leave out the closing `--boundary--`. */
  unterminated?: boolean;
  preamble?: string;
}

export type MimePart = MimeLeaf | MimeMultipart;

export function isMultipart(part: MimePart): part is MimeMultipart {
  return 'parts' in part;
}

export function writeHeaders(headers: readonly Header[], eol: string): Buffer {
  return Buffer.from(headers.map(([name, value]) => `${name}: ${value}${eol}`).join(''), 'latin1');
}

/** Serialises a part (headers, blank line, body) with the given line ending. */
export function writeMime(part: MimePart, eol = '\r\n'): Buffer {
  const chunks: Buffer[] = [writeHeaders(part.headers, eol), Buffer.from(eol)];
  if (!isMultipart(part)) {
    chunks.push(part.body);
    return Buffer.concat(chunks);
  }
  if (part.preamble) chunks.push(Buffer.from(part.preamble + eol, 'latin1'));
  for (const child of part.parts) {
    chunks.push(Buffer.from(`--${part.boundary}${eol}`, 'latin1'), writeMime(child, eol));
    chunks.push(Buffer.from(eol));
  }
  if (!part.unterminated) chunks.push(Buffer.from(`--${part.boundary}--${eol}`, 'latin1'));
  return Buffer.concat(chunks);
}

/** Base64 in 76-character lines. */
export function base64Lines(data: Buffer, eol = '\r\n'): Buffer {
  const text = data.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return Buffer.from(lines.join(eol) + eol, 'latin1');
}

/** Quoted-printable (RFC 2045), soft line breaks at 76 characters. */
export function quotedPrintable(data: Buffer, eol = '\r\n'): Buffer {
  let out = '';
  let line = '';
  for (const byte of data) {
    const piece =
      byte === 0x0a
        ? '\n'
        : (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32
          ? String.fromCharCode(byte)
          : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\n') {
      out += line + eol;
      line = '';
      continue;
    }
    if (line.length + piece.length > 75) {
      out += `${line}=${eol}`;
      line = '';
    }
    line += piece;
  }
  return Buffer.from(out + line, 'latin1');
}

/** An RFC 2047 encoded word (B encoding) for a header value. */
export function encodedWord(text: string, charset = 'utf-8'): string {
  return `=?${charset}?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}
