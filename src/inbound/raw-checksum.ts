/**
 * The idempotency checksum of DESIGN.md §3, fed chunk by chunk: SHA-256 of the raw message
 * without the trace headers a relay adds to the root header block. It keeps the root header
 * block (bounded) and nothing of the body, so the SMTP listener can key a mail while storing it.
 */
import { createHash } from 'node:crypto';
import { normaliseMessageId, rawHeaderValues } from './mail-headers.js';

/** Header fields a relay adds or rewrites: left out of the idempotency checksum. */
const TRACE_HEADERS = new Set(['received', 'return-path', 'delivered-to', 'x-original-to']);
/** A root header block larger than this is not a header block (mailsplit's own cap is 1 MB). */
const MAX_HEADER_BLOCK_BYTES = 1024 * 1024;

export interface RawHeaderField {
  /** Lower-cased field name. */
  name: string;
  /** The whole field as received (name, colon, folded value, line end). */
  raw: Buffer;
}

function endOfHeaderBlock(buffer: Buffer): number {
  if (buffer[0] === 0x0a) return 1;
  if (buffer[0] === 0x0d && buffer[1] === 0x0a) return 2;
  const lf = buffer.indexOf('\n\n');
  const crlf = buffer.indexOf('\n\r\n');
  if (lf < 0 && crlf < 0) return -1;
  if (crlf < 0 || (lf >= 0 && lf < crlf)) return lf + 2;
  return crlf + 3;
}

function splitFields(block: Buffer): RawHeaderField[] {
  const fields: RawHeaderField[] = [];
  let start = 0;
  while (start < block.length) {
    let end = start;
    // A field runs until a line end not followed by folding whitespace.
    for (;;) {
      const nl = block.indexOf(0x0a, end);
      if (nl < 0) {
        end = block.length;
        break;
      }
      end = nl + 1;
      const next = block[end];
      if (next !== 0x20 && next !== 0x09) break;
    }
    const raw = block.subarray(start, end);
    const colon = raw.indexOf(0x3a);
    const name = (colon > 0 ? raw.subarray(0, colon) : raw).toString('latin1').trim().toLowerCase();
    fields.push({ name, raw });
    start = end;
  }
  return fields;
}

export class RawChecksum {
  /** The root header fields, in order, once the block is complete (capped at 1 MB). */
  rootHeaders: RawHeaderField[] = [];
  /** The root header block went over 1 MB: hashed whole, fields unknown. */
  headerTooLarge = false;
  rawSize = 0;
  private readonly hash = createHash('sha256');
  private header: Buffer[] = [];
  private headerLength = 0;
  private inRootHeader = true;
  private digest: string | undefined;

  update(chunk: Buffer): void {
    this.rawSize += chunk.length;
    if (!this.inRootHeader) {
      this.hash.update(chunk);
      return;
    }
    this.header.push(chunk);
    this.headerLength += chunk.length;
    const pending = Buffer.concat(this.header, this.headerLength);
    const end = endOfHeaderBlock(pending);
    if (end >= 0) {
      const blankLine = pending[end - 2] === 0x0d ? 3 : 2;
      const blockEnd = end <= 2 ? 0 : end - blankLine + 1;
      this.hashHeaderBlock(pending.subarray(0, blockEnd));
      this.hash.update(pending.subarray(blockEnd));
    } else if (this.headerLength > MAX_HEADER_BLOCK_BYTES) {
      this.headerTooLarge = true;
      this.hash.update(pending);
    } else {
      return;
    }
    this.inRootHeader = false;
    this.header = [];
  }

  /** At the end of the mail: a mail that is all header block. */
  end(): void {
    if (this.inRootHeader && this.headerLength) {
      this.hashHeaderBlock(Buffer.concat(this.header, this.headerLength));
      this.inRootHeader = false;
      this.header = [];
    }
  }

  /** The hex SHA-256; valid after `end()`. */
  checksum(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }

  /**
   * The root Message-ID as mailparser reads it (first field, brackets ensured), normalised;
   * `<checksum@mdso.invalid>` for a mail without one, so it still deduplicates.
   */
  messageId(): string {
    const value = rawHeaderValues(this.rootHeaders, 'message-id')[0];
    return (value && normaliseMessageId(value)) || `<${this.checksum()}@mdso.invalid>`;
  }

  private hashHeaderBlock(block: Buffer): void {
    this.rootHeaders = splitFields(block);
    for (const field of this.rootHeaders) {
      if (!TRACE_HEADERS.has(field.name)) this.hash.update(field.raw);
    }
  }
}
