/**
 * The mails of the fuzz suite, from the seed: each one a tree of MIME parts whose headers,
 * boundaries, transfer encodings, charsets, nesting depth and attachment names are picked by
 * the generator (mail-variations.ts), then sometimes damaged as bytes (truncated, flipped, bare
 * line ends). Quote-like attachments come from a small pool of real and generated files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rng } from '../generator/prng.js';
import { mutate, PDF_MUTATORS } from './file-mutations.js';
import { TEXT_QUOTE } from './fuzz-files.js';
import { fuzzRng } from './fuzz-seed.js';
import {
  attachmentPart,
  bodyParts,
  mailHeaders,
  wrapInMultiparts,
  type PoolFile,
} from './mail-variations.js';
import { writeMime, type MimeMultipart } from './mime-writer.js';
import { onePagePdf } from './pdf-assembler.js';

export interface FuzzMail {
  /** What the generator did, to find the mail again: `#<index> <choices…>`. */
  name: string;
  raw: Buffer;
  /** Envelope sender (SMTP) and `From` of a webhook item. */
  from: string;
  /** Attachments given (not all become checks: the triage skips some on purpose). */
  attachments: PoolFile[];
}

const fixture = (path: string): Buffer =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)));

/** Files attached to the fuzz mails: mostly small text PDFs (fast to check), a few others. */
export function attachmentPool(): PoolFile[] {
  return [
    { kind: 'pdf', name: 'Devis_test.pdf', bytes: fixture('files/Devis_test.pdf'), weight: 4 },
    { kind: 'pdf', name: 'devis.pdf', bytes: onePagePdf({}), weight: 6 },
    {
      kind: 'pdf',
      name: 'attestation.pdf',
      bytes: fixture('files/dev-10-attestation.pdf'),
      weight: 2,
    },
    { kind: 'image', name: 'devis.png', bytes: fixture('files/Devis_test.png'), weight: 1 },
    { kind: 'text', name: 'devis.txt', bytes: Buffer.from(TEXT_QUOTE, 'utf8'), weight: 2 },
    { kind: 'other', name: 'vide.pdf', bytes: Buffer.alloc(0), weight: 1 },
    {
      kind: 'other',
      name: 'programme.exe',
      bytes: Buffer.from('MZ\x90\x00 not a quote'),
      weight: 1,
    },
  ];
}

function pickWeighted(rng: Rng, pool: readonly PoolFile[]): PoolFile {
  const total = pool.reduce((n, f) => n + f.weight, 0);
  let ticket = rng.next() * total;
  for (const file of pool) {
    ticket -= file.weight;
    if (ticket < 0) return file;
  }
  return pool[pool.length - 1]!;
}

/** Byte-level damage applied after writing the mail. */
const RAW_DAMAGE: Readonly<Record<string, (rng: Rng, raw: Buffer) => Buffer>> = {
  truncate: (rng, raw) => raw.subarray(0, rng.int(1, raw.length)),
  flipBytes: (rng, raw) => PDF_MUTATORS.flipAnywhere!(rng, raw),
  bareLf: (_rng, raw) => Buffer.from(raw.toString('latin1').replace(/\r\n/gu, '\n'), 'latin1'),
  bareCr: (_rng, raw) => Buffer.from(raw.toString('latin1').replace(/\r\n/gu, '\r'), 'latin1'),
  nulBytes: (rng, raw) => {
    const out = Buffer.from(raw);
    for (let i = 0; i < rng.int(1, 50); i += 1) out[rng.int(0, out.length - 1)] = 0;
    return out;
  },
  duplicateChunk: (rng, raw) => PDF_MUTATORS.duplicateChunk!(rng, raw),
};

export function buildFuzzMail(rng: Rng, index: number, pool: readonly PoolFile[]): FuzzMail {
  const choices: string[] = [];
  const attachments: PoolFile[] = [];
  for (let i = rng.pick([0, 1, 1, 1, 2, 3]); i > 0; i -= 1) {
    const file = pickWeighted(rng, pool);
    if (file.kind === 'pdf' && rng.chance(0.15)) {
      const mutated = mutate(rng, PDF_MUTATORS, file.bytes, 2);
      choices.push(`pdf:${mutated.mutations.join('+')}`);
      attachments.push({ ...file, bytes: mutated.bytes });
    } else {
      attachments.push(file);
    }
  }
  const { headers, from } = mailHeaders(rng, index, choices);
  const leaves = [
    ...bodyParts(rng, choices),
    ...attachments.map((f) => attachmentPart(rng, f, choices)),
  ];
  const root: MimeMultipart = wrapInMultiparts(rng, leaves, choices);
  root.headers = [...headers, ...root.headers];
  const eol = rng.chance(0.1) ? '\n' : '\r\n';
  let raw = writeMime(root, eol);
  if (rng.chance(0.15)) {
    const damage = rng.pick(Object.keys(RAW_DAMAGE));
    choices.push(`raw:${damage}`);
    raw = RAW_DAMAGE[damage]!(rng, raw);
  }
  return { name: `#${index} ${choices.join(' ')}`, raw, from, attachments };
}

export function buildFuzzMails(count: number, label: string): FuzzMail[] {
  const rng = fuzzRng(label);
  const pool = attachmentPool();
  return Array.from({ length: count }, (_, index) => buildFuzzMail(rng, index, pool));
}
