/**
 * A pass-through tap on the raw bytes of a mail, run while mailparser reads them: it computes
 * the idempotency checksum of DESIGN.md §3 (SHA-256 of the raw message without the trace
 * headers a relay adds) and notices what mailparser silently tolerates (a multipart never
 * closed, base64 with foreign characters, charsets nobody can decode, raw 8-bit headers).
 * It keeps no body: only the root header block (bounded) and a few counters.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { RawChecksum, type RawHeaderField } from './raw-checksum.js';

export type { RawHeaderField } from './raw-checksum.js';

/** Lines longer than this are not MIME structure; they are skipped by the structure scan. */
const MAX_SCANNED_LINE_BYTES = 64 * 1024;
/** Bytes of the base64 alphabet (`=` apart), and those `String.prototype.trim` drops in Latin-1. */
const BASE64_BYTE = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') {
  BASE64_BYTE[c.charCodeAt(0)] = 1;
}
const TRIMMED_BYTE = new Uint8Array(256);
for (const b of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0]) TRIMMED_BYTE[b] = 1;
const EQUALS = 0x3d;
const HYPHEN = 0x2d;

/**
 * `/^[A-Za-z0-9+/]*={0,2}$/` on the trimmed Latin-1 text of the line, on the bytes: a mail's
 * base64 bodies are most of its lines, and a string and a regular expression per line made
 * this scan as slow as mailparser itself.
 */
function isBase64Line(bytes: Buffer): boolean {
  let start = 0;
  let end = bytes.length;
  while (start < end && TRIMMED_BYTE[bytes[start] ?? 0]) start += 1;
  while (end > start && TRIMMED_BYTE[bytes[end - 1] ?? 0]) end -= 1;
  let i = start;
  while (i < end && BASE64_BYTE[bytes[i] ?? 0]) i += 1;
  const padding = end - i;
  if (padding > 2) return false;
  for (; i < end; i += 1) if (bytes[i] !== EQUALS) return false;
  return true;
}
const BOUNDARY_PARAM = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/iu;
const CHARSET_PARAM = /charset\s*=\s*(?:"([^"]+)"|([^;\s]+))/iu;
const ENCODED_WORD_CHARSET = /=\?([^?*\s]+)(?:\*[^?]*)?\?[bq]\?/giu;

export type MimeProblem =
  'malformed_mime' | 'bad_base64' | 'unknown_charset' | 'raw_8bit_header' | 'header_too_large';

export interface MimeScanResult {
  idempotencyChecksum: string;
  rawSize: number;
  /** `Received` fields of the root header block. */
  receivedCount: number;
  /** The root header fields, in order (the block is capped at 1 MB). */
  rootHeaders: RawHeaderField[];
  problems: MimeProblem[];
}

export interface MimeScan {
  stream: Transform;
  /** Valid once the stream has ended. */
  result(): MimeScanResult;
}

function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label.trim());
    return true;
  } catch {
    return false;
  }
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The MIME structure seen line by line: boundaries declared and closed, base64 bodies. */
class StructureScan {
  readonly problems = new Set<MimeProblem>();
  private readonly declared = new Set<string>();
  private readonly closed = new Set<string>();
  private inHeaders = true;
  private isRoot = true;
  private pendingHeader = '';
  private transferEncoding = '';
  private carry: Buffer = Buffer.alloc(0);
  private skippingLongLine = false;

  write(chunk: Buffer): void {
    let data = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const nl = data.indexOf(0x0a, start);
      if (nl < 0) break;
      if (this.skippingLongLine) this.skippingLongLine = false;
      else this.line(data.subarray(start, nl));
      start = nl + 1;
    }
    data = data.subarray(start);
    if (data.length > MAX_SCANNED_LINE_BYTES) {
      this.skippingLongLine = true;
      data = Buffer.alloc(0);
    }
    this.carry = Buffer.from(data);
  }

  end(): void {
    if (this.carry.length && !this.skippingLongLine) this.line(this.carry);
    this.flushHeader();
    for (const boundary of this.declared) {
      if (!this.closed.has(boundary)) this.problems.add('malformed_mime');
    }
  }

  private line(bytes: Buffer): void {
    // A body line that cannot be a boundary (`--…`): only the base64 check applies.
    if (!this.inHeaders && bytes[0] !== HYPHEN) {
      if (this.transferEncoding === 'base64' && !isBase64Line(bytes)) {
        this.problems.add('bad_base64');
      }
      return;
    }
    const text = bytes.toString('latin1').replace(/\r$/u, '');
    if (text.startsWith('--') && this.boundaryLine(text)) return;
    if (this.inHeaders) {
      if (this.isRoot && !isValidUtf8(bytes)) this.problems.add('raw_8bit_header');
      if (text === '') {
        this.flushHeader();
        this.inHeaders = false;
        this.isRoot = false;
      } else if (/^[ \t]/u.test(text)) {
        this.pendingHeader += ` ${text.trim()}`;
      } else {
        this.flushHeader();
        this.pendingHeader = text;
      }
      return;
    }
    if (this.transferEncoding === 'base64' && !isBase64Line(bytes)) {
      this.problems.add('bad_base64');
    }
  }

  private boundaryLine(text: string): boolean {
    const trimmed = text.trimEnd();
    for (const boundary of this.declared) {
      if (trimmed === `--${boundary}`) {
        this.flushHeader();
        this.inHeaders = true;
        this.transferEncoding = '';
        return true;
      }
      if (trimmed === `--${boundary}--`) {
        this.closed.add(boundary);
        this.inHeaders = false;
        this.transferEncoding = '';
        return true;
      }
    }
    return false;
  }

  private flushHeader(): void {
    const header = this.pendingHeader;
    this.pendingHeader = '';
    if (!header) return;
    const colon = header.indexOf(':');
    const name = header.slice(0, Math.max(colon, 0)).trim().toLowerCase();
    const value = header.slice(colon + 1);
    if (name === 'content-type') {
      const boundary = BOUNDARY_PARAM.exec(value);
      const b = boundary?.[1] ?? boundary?.[2];
      if (b && /^multipart\//iu.test(value.trim())) this.declared.add(b);
      const charset = CHARSET_PARAM.exec(value);
      const c = charset?.[1] ?? charset?.[2];
      if (c && !isKnownCharset(c)) this.problems.add('unknown_charset');
    } else if (name === 'content-transfer-encoding') {
      this.transferEncoding = value.trim().toLowerCase();
    }
    for (const m of value.matchAll(ENCODED_WORD_CHARSET)) {
      if (m[1] && !isKnownCharset(m[1])) this.problems.add('unknown_charset');
    }
  }
}

export function createMimeScan(): MimeScan {
  const checksum = new RawChecksum();
  const structure = new StructureScan();

  const stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      structure.write(chunk);
      checksum.update(chunk);
      if (checksum.headerTooLarge) structure.problems.add('header_too_large');
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      checksum.end();
      structure.end();
      callback();
    },
  });
  return {
    stream,
    result: () => ({
      idempotencyChecksum: checksum.checksum(),
      rawSize: checksum.rawSize,
      receivedCount: checksum.rootHeaders.filter((f) => f.name === 'received').length,
      rootHeaders: checksum.rootHeaders,
      problems: [...structure.problems],
    }),
  };
}
