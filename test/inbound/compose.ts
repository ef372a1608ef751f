/** Builds test mails with nodemailer's MailComposer (no network, no transport). */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Readable } from 'node:stream';

export type ComposeOptions = ConstructorParameters<typeof MailComposer>[0];

export function composeMail(options: ComposeOptions): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

export function composeMailStream(options: ComposeOptions): Readable {
  return new MailComposer(options).compile().createReadStream();
}

/** A minimal valid-looking PDF of about `size` bytes (only the magic bytes matter to triage). */
export function fakePdf(size = 20_000, seed = 1): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  const body = Buffer.alloc(Math.max(size - head.length - tail.length, 0), 0x21 + (seed % 90));
  return Buffer.concat([head, body, tail]);
}

/** A PNG signature followed by filler: enough for the sniffer. */
export function fakePng(size: number): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, Buffer.alloc(Math.max(size - 8, 0), 7)]);
}
