/**
 * Processing streams a raw mail's big attachments to `inbound_attachment_pieces` as it parses
 * (never holding one whole) and the database builds the quote file from them: the bytes stored
 * are the bytes sent, and no piece is left once the quotes are stored. A failure in the middle
 * of storing (injected by a trigger) is retried without a duplicate file or check, and without
 * leftover pieces, whatever an earlier attempt left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { claimDueInbound } from '../../src/db/inbound-emails-repo.js';
import { countAttachmentPieces, insertAttachmentPiece } from '../../src/db/inbound-pieces-repo.js';
import { purgeRawEmails } from '../../src/db/retention-repo.js';
import { decideAndStore } from '../../src/inbound/decide-and-store.js';
import { loadMail } from '../../src/inbound/load-mail.js';
import { composeMail } from './compose.js';
import { inboundState, startInboundHarness, type InboundHarness } from './inbound-harness.js';

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let h: InboundHarness;
beforeAll(async () => {
  h = await startInboundHarness();
});
afterAll(async () => {
  await h.close();
});

function bigPdf(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), randomBytes(size - 9)]);
}

async function sendMail(messageId: string, pdf: Buffer): Promise<string> {
  const raw = await composeMail({
    from: 'artisan@exemple-mail.fr',
    to: 'devis@mail.mdso.local',
    subject: `Devis ${messageId}`,
    messageId: `<${messageId}@exemple-mail.fr>`,
    text: 'Notre devis en pièce jointe.',
    attachments: [{ filename: 'devis.pdf', content: pdf }],
  });
  await h.sendSmtp(raw, { from: 'artisan@exemple-mail.fr', to: ['devis@mail.mdso.local'] });
  const row = (await h
    .db('inbound_emails')
    .where({ message_id: `<${messageId}@exemple-mail.fr>` })
    .first('id')) as { id: string };
  return row.id;
}

async function filesOf(hexdigest: string) {
  return (await h
    .db('quote_files as f')
    .leftJoin('quote_checks as q', 'q.file_id', 'f.id')
    .where('f.hexdigest', hexdigest)
    .select('f.id', 'f.data', 'f.content_type', 'q.id as check_id')) as {
    id: string;
    data: Buffer;
    content_type: string;
    check_id: string | null;
  }[];
}

describe('attachments stored in pieces while the mail is parsed', () => {
  it('a 3 MiB attachment is stored byte for byte from its pieces, which are then deleted', async () => {
    const pdf = bigPdf(3 * MiB);
    const id = await sendMail('pieces-3mib', pdf);
    const [claimed] = await claimDueInbound(h.db, {
      workerId: h.deps.workerId,
      limit: 1,
      leaseMs: 60_000,
      ids: [id],
    });
    if (!claimed) throw new Error('not claimed');
    const loaded = await loadMail(h.deps, claimed);
    if (loaded.kind !== 'mail') throw new Error(`not loaded: ${loaded.kind}`);
    const [part] = loaded.mail.parsed.parts;
    // Streamed to the database, not kept: three pieces of 1 MiB.
    expect(part?.bytes).toBeUndefined();
    expect(part).toMatchObject({ size: pdf.length, sha256: sha256(pdf), sentToSink: true });
    expect(loaded.mail.pieces?.sizes.get(0)).toBe(pdf.length);
    expect(await countAttachmentPieces(h.db, id)).toBe(3);

    const decision = await decideAndStore(h.deps, h.deps.workerId, id, loaded.mail);
    expect(decision).toMatchObject({ status: 'replying', errorCode: null });
    expect(await countAttachmentPieces(h.db, id)).toBe(0);
    const files = await filesOf(sha256(pdf));
    expect(files).toHaveLength(1);
    expect(files[0]?.content_type).toBe('application/pdf');
    expect(sha256(files[0]?.data ?? Buffer.alloc(0))).toBe(sha256(pdf));
    expect(files[0]?.data.length).toBe(pdf.length);

    await h.processAll();
    const state = await inboundState(h.db, id);
    expect(state.status).toBe('processed');
    expect(state.checks).toBe(1);
    expect(state.parts?.[0]?.check_id).toBe(files[0]?.check_id);
  });

  it('a failure while storing is retried: one file, one check, no piece left behind', async () => {
    const pdf = bigPdf(2 * MiB + 12_345);
    // The first quote check insert fails (a sequence is not rolled back with the transaction).
    await h.db.raw('CREATE SEQUENCE test_fail_once');
    await h.db.raw(`
      CREATE FUNCTION test_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('test_fail_once') = 1 THEN RAISE EXCEPTION 'injected failure'; END IF;
        RETURN NEW;
      END $$`);
    await h.db.raw(`
      CREATE TRIGGER test_fail_once BEFORE INSERT ON quote_checks
        FOR EACH ROW EXECUTE FUNCTION test_fail_once()`);
    try {
      const id = await sendMail('pieces-retry', pdf);
      // What a crashed earlier attempt could have left (no cleanup ran).
      await insertAttachmentPiece(
        h.db,
        { inboundEmailId: id, attempt: 0 },
        { partIndex: 0, seq: 0, data: randomBytes(1000) },
      );
      await h.processAll();
      const row = (await h.db('inbound_emails').where({ id }).first('attempts')) as {
        attempts: number;
      };
      expect(row.attempts).toBe(2);
      const state = await inboundState(h.db, id);
      expect(state.status).toBe('processed');
      expect(state.checks).toBe(1);
      const files = await filesOf(sha256(pdf));
      expect(files).toHaveLength(1);
      expect(files[0]?.check_id).toBe(state.parts?.[0]?.check_id);
      expect(sha256(files[0]?.data ?? Buffer.alloc(0))).toBe(sha256(pdf));
      const checks = (await h
        .db('quote_checks')
        .where({ case_id: state.case_id })
        .count<{ count: string }[]>('* as count')) as { count: string }[];
      expect(Number(checks[0]?.count)).toBe(1);
      expect(await countAttachmentPieces(h.db, id)).toBe(0);

      // Pieces of a mail no longer waiting for processing go with retention.
      await insertAttachmentPiece(
        h.db,
        { inboundEmailId: id, attempt: 9 },
        { partIndex: 0, seq: 0, data: randomBytes(10) },
      );
      await purgeRawEmails(h.db, 30);
      expect(await countAttachmentPieces(h.db, id)).toBe(0);
    } finally {
      await h.db.raw('DROP TRIGGER IF EXISTS test_fail_once ON quote_checks');
      await h.db.raw('DROP FUNCTION IF EXISTS test_fail_once()');
      await h.db.raw('DROP SEQUENCE IF EXISTS test_fail_once');
    }
  });
});
