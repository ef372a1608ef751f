/**
 * Size-only decoders for the PDF filters that expand data without zlib: LZWDecode (each 12-bit
 * code can stand for thousands of bytes) and RunLengthDecode (up to 128 times). They count the
 * bytes a decoder would produce, chunk by chunk, without producing them: the bomb guard
 * (pdf-streams.ts) needs sizes, not content.
 */

export interface ByteCounter {
  /** Feeds the next chunk of encoded data; returns how many decoded bytes it adds. */
  push(chunk: Uint8Array): number;
}

/** LZW as PDF uses it (codes of 9 to 12 bits, 256 = clear, 257 = end, early change 1). */
export function createLzwCounter(earlyChange = 1): ByteCounter {
  const lengths = new Float64Array(4096);
  lengths.fill(1, 0, 256);
  let width = 9;
  let nextCode = 258;
  let previous = -1;
  let buffer = 0;
  let bits = 0;
  let ended = false;

  function take(code: number): number {
    if (code === 256) {
      width = 9;
      nextCode = 258;
      previous = -1;
      return 0;
    }
    if (code === 257) {
      ended = true;
      return 0;
    }
    let length: number;
    if (previous < 0) {
      if (code > 255) return 0;
      length = 1;
    } else if (code < nextCode) {
      length = lengths[code]!;
    } else if (code === nextCode) {
      length = lengths[previous]! + 1;
    } else {
      ended = true;
      return 0;
    }
    if (previous >= 0) {
      if (nextCode < 4096) lengths[nextCode] = lengths[previous]! + 1;
      nextCode += 1;
      if (nextCode + earlyChange >= 1 << width && width < 12) width += 1;
    }
    previous = code;
    return length;
  }

  return {
    push(chunk) {
      let total = 0;
      for (const byte of chunk) {
        if (ended) break;
        buffer = ((buffer << 8) | byte) & 0xffffff;
        bits += 8;
        while (bits >= width && !ended) {
          const code = (buffer >>> (bits - width)) & ((1 << width) - 1);
          bits -= width;
          total += take(code);
        }
      }
      return total;
    },
  };
}

/** RunLengthDecode: a length byte n, then n+1 literal bytes (n < 128) or one byte 257-n times. */
export function createRunLengthCounter(): ByteCounter {
  let literalLeft = 0;
  let repeat = 0;
  let ended = false;
  return {
    push(chunk) {
      let total = 0;
      for (const byte of chunk) {
        if (ended) break;
        if (literalLeft > 0) {
          literalLeft -= 1;
        } else if (repeat > 0) {
          total += repeat;
          repeat = 0;
        } else if (byte < 128) {
          literalLeft = byte + 1;
          total += byte + 1;
        } else if (byte > 128) {
          repeat = 257 - byte;
        } else {
          ended = true;
        }
      }
      return total;
    },
  };
}
