/**
 * The attachment sink of processing (DESIGN.md §3): each attachment goes to PostgreSQL in ~1 MiB
 * pieces as the parser decodes it (`inbound_attachment_pieces`), so a 40 MiB PDF is never held
 * whole. A part that ends within one piece stays in memory (within a budget for the whole mail):
 * small files, logos and signatures cost no write. A part over the size cap is only drained
 * (its pieces already written are deleted): it will not become a quote.
 */
import type { Knex } from 'knex';
import {
  deleteAttachmentPieces,
  insertAttachmentPiece,
  type PiecesOwner,
} from '../db/inbound-pieces-repo.js';
import type { AttachmentSink } from './parsed-email.js';

export const PIECE_BYTES = 1024 * 1024;
/** Small parts kept in memory, for the whole mail; past it they go to pieces too. */
const MEMORY_BUDGET_BYTES = 8 * PIECE_BYTES;

export interface AttachmentPieces {
  sink: AttachmentSink;
  /** Small parts by part index: their whole content. */
  inMemory: Map<number, Buffer>;
  /** Parts stored in pieces by part index: the bytes the pieces hold. */
  stored: Map<number, number>;
}

export function createAttachmentPieces(
  db: Knex,
  owner: PiecesOwner,
  opts: { maxBytes: number },
): AttachmentPieces {
  const inMemory = new Map<number, Buffer>();
  const stored = new Map<number, number>();
  let memoryLeft = MEMORY_BUDGET_BYTES;

  // One staging piece for the whole mail (parts come one at a time): the driver copies the
  // piece into its message, so it can be filled again once the insert is done.
  let staging: Buffer | undefined;

  const sink: AttachmentSink = async (meta, content) => {
    const partIndex = meta.index;
    const piece = (staging ??= Buffer.allocUnsafe(PIECE_BYTES));
    let filled = 0;
    let seq = 0;
    let size = 0;
    let overCap = false;
    const flush = async () => {
      await insertAttachmentPiece(db, owner, { partIndex, seq, data: piece.subarray(0, filled) });
      seq += 1;
      filled = 0;
    };
    for await (const chunk of content as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (overCap) continue; // drained, not stored
      if (size > opts.maxBytes) {
        overCap = true;
        if (seq > 0) await deleteAttachmentPieces(db, owner, partIndex);
        continue;
      }
      for (let offset = 0; offset < chunk.length;) {
        const copied = chunk.copy(piece, filled, offset);
        filled += copied;
        offset += copied;
        if (filled === PIECE_BYTES) await flush();
      }
    }
    if (overCap) return;
    if (seq === 0 && filled <= memoryLeft) {
      memoryLeft -= filled;
      inMemory.set(partIndex, Buffer.from(piece.subarray(0, filled)));
      return;
    }
    if (filled > 0) await flush();
    stored.set(partIndex, size);
  };

  return { sink, inMemory, stored };
}
