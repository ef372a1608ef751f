/**
 * Big mails: a 57 MB mail streamed to a sink must not be held in memory, and an attachment
 * over the limit is measured and marked too large (the corpus e09 case, generated here rather
 * than copied: its .eml weighs 17 MB).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseEmail } from '../../src/inbound/parse-email.js';
import { triageParts } from '../../src/inbound/triage.js';
import { composeMailStream } from './compose.js';

const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'mdso-large-mail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A PDF-looking stream of `size` random bytes, generated chunk by chunk. */
function pdfStream(size: number): Readable {
  let left = size;
  let first = true;
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const chunk = randomBytes(Math.min(256 * 1024, left));
      if (first) {
        chunk.write('%PDF-1.7\n', 0, 'latin1');
        first = false;
      }
      left -= chunk.length;
      this.push(chunk);
    },
  });
}

async function writeMail(name: string, attachmentBytes: number): Promise<string> {
  const path = join(dir, name);
  const mail = composeMailStream({
    from: 'Artisan <artisan@example.org>',
    to: 'devis@mail.mdso.local',
    subject: 'Dossier complet + photos',
    messageId: `<${name}@example.org>`,
    text: 'Dossier complet en pièce jointe.',
    attachments: [{ filename: 'dossier complet.pdf', content: pdfStream(attachmentBytes) }],
  });
  await pipeline(mail, createWriteStream(path));
  return path;
}

/** Node script: writes a mail with a 40 MiB PDF-looking attachment (about 57 MB raw) to argv[1]. */
const WRITE_BIG_MAIL = `
import MailComposer from 'nodemailer/lib/mail-composer';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
let left = 40 * 1024 * 1024;
let first = true;
const content = new Readable({ read() {
  if (left <= 0) return this.push(null);
  const chunk = randomBytes(Math.min(262144, left));
  if (first) { chunk.write('%PDF-1.7\\n', 0, 'latin1'); first = false; }
  left -= chunk.length;
  this.push(chunk);
} });
const mail = new MailComposer({ from: 'artisan@example.org', to: 'devis@mail.mdso.local',
  subject: 'Dossier complet', text: 'Dossier en pièce jointe.',
  attachments: [{ filename: 'dossier complet.pdf', content }] }).compile().createReadStream();
await pipeline(mail, createWriteStream(process.argv[1]));
`;

describe('large mails', () => {
  it('a 57 MB mail streamed to a sink stays well under 250 MB of memory growth', async () => {
    // Written by another process, so that this one's memory is not inflated before measuring.
    const path = join(dir, 'big.eml');
    const written = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', WRITE_BIG_MAIL, path],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        encoding: 'utf8',
      },
    );
    expect(written.status).toBe(0);
    const rawSize = statSync(path).size;
    expect(rawSize).toBeGreaterThan(57_000_000);
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    let sunk = 0;
    const parsed = await parseEmail(createReadStream(path), {
      maxAttachmentBytes: 50 * MiB,
      onAttachment: async (_meta, content) => {
        for await (const chunk of content) sunk += (chunk as Buffer).length;
      },
    });
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMiB = (peak - before) / MiB;
    console.log(
      `57 MB mail: raw ${(rawSize / 1e6).toFixed(1)} MB, attachment ${(sunk / MiB).toFixed(1)} MiB, rss growth ${growthMiB.toFixed(1)} MiB`,
    );
    expect(growthMiB).toBeLessThan(150);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rawSize).toBe(rawSize);
    expect(parsed.parts).toHaveLength(1);
    expect(parsed.parts[0]).toMatchObject({ size: 40 * MiB, sentToSink: true });
    expect(sunk).toBe(40 * MiB);
    const [decision] = triageParts(parsed, { maxQuoteFileBytes: 50 * MiB });
    expect(decision).toMatchObject({ outcome: 'quote', kind: 'pdf' });
  }, 120_000);

  it('an attachment of about 12 MB over a 10 MiB limit is measured and marked too large (e09)', async () => {
    const path = await writeMail('e09-like', 12_790_981);
    const limit = 10 * MiB;
    const parsed = await parseEmail(createReadStream(path), { maxAttachmentBytes: limit });
    expect(parsed.parts[0]).toMatchObject({ size: 12_790_981, tooLarge: true });
    expect(parsed.parts[0]?.bytes).toBeUndefined();
    expect(parsed.parts[0]?.sha256).toMatch(/^[0-9a-f]{64}$/u);
    const [decision] = triageParts(parsed, { maxQuoteFileBytes: limit });
    expect(decision).toMatchObject({ outcome: 'not_checked', reason: 'too_large' });
    // With the default limit of 50 MiB the same mail gives a quote (truth: with_default_limit).
    const accepted = await parseEmail(createReadStream(path), { maxAttachmentBytes: 50 * MiB });
    expect(triageParts(accepted, { maxQuoteFileBytes: 50 * MiB })[0]?.outcome).toBe('quote');
  }, 60_000);
});
