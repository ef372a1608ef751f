/**
 * A pass-through that measures one attachment while it streams: SHA-256, size, the first bytes
 * (for sniffing the type) and, up to a limit, the whole content. Past the limit the content
 * is dropped and only counted, so a 50 MB part costs no more memory than the limit.
 */
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** Enough for every magic number and for the text heuristics of `sniffFileType`. */
export const HEAD_BYTES = 64 * 1024;

export interface PartMeasure {
  sha256: string;
  size: number;
  head: Buffer;
  /** The whole content, when it was collected and stayed within the limit. */
  bytes?: Buffer;
  /** The content went past `collectUpTo`. */
  overLimit: boolean;
}

export interface PartMeter {
  stream: Transform;
  /** Valid once the stream has ended. */
  measure(): PartMeasure;
}

/** `collectUpTo`: keep the content up to this many bytes; `undefined` keeps only the head. */
export function createPartMeter(collectUpTo?: number): PartMeter {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let kept: Buffer[] | undefined = collectUpTo === undefined ? undefined : [];
  let size = 0;
  let overLimit = false;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      hash.update(chunk);
      size += chunk.length;
      if (headLength < HEAD_BYTES) {
        const slice = chunk.subarray(0, HEAD_BYTES - headLength);
        head.push(Buffer.from(slice));
        headLength += slice.length;
      }
      if (kept && collectUpTo !== undefined) {
        if (size > collectUpTo) {
          kept = undefined;
          overLimit = true;
        } else {
          kept.push(chunk);
        }
      } else if (collectUpTo !== undefined && size > collectUpTo) {
        overLimit = true;
      }
      callback(null, chunk);
    },
  });
  let result: PartMeasure | undefined;
  return {
    stream,
    measure: () => {
      if (!result) {
        const headBytes = Buffer.concat(head, headLength);
        result = { sha256: hash.digest('hex'), size, head: headBytes, overLimit };
        if (kept) result.bytes = Buffer.concat(kept, size);
        // The joined copy is the one kept: the chunks must not stay alive with this meter.
        kept = undefined;
        head.length = 0;
      }
      return result;
    },
  };
}
