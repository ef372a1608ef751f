/**
 * The choices the mail fuzzer makes, one function per layer of a mail: top-level headers
 * (missing, duplicated, huge, 8-bit, broken encoded words), text bodies (charsets, transfer
 * encodings, broken ones included), attachments (names with paths and control characters,
 * misleading types) and the multipart tree (depth, boundaries, forwarded messages). Each choice
 * is appended to `choices`, which names the mail in failure messages.
 */
import type { Rng } from '../generator/prng.js';
import {
  base64Lines,
  encodedWord,
  quotedPrintable,
  type Header,
  type MimeLeaf,
  type MimeMultipart,
  type MimePart,
  writeMime,
} from './mime-writer.js';

export interface PoolFile {
  kind: 'pdf' | 'image' | 'text' | 'other';
  name: string;
  bytes: Buffer;
  weight: number;
}

export const DOMAIN = 'mail.mdso.local';

const SENDERS = [
  'artisan@exemple-renov.fr',
  'Jean Dupont <jean.dupont@exemple-renov.fr>',
  `${encodedWord('Société Énergie & Fils')} <contact@energie-fils.fr>`,
  '=?utf-8?B?broken base64?= <x@exemple.fr>',
  '"Quote \\" inside" <quote@exemple.fr>',
  'noreply@exemple.fr',
  'MAILER-DAEMON@exemple.fr',
  '<>',
  'pas une adresse',
  'a@b@c.fr',
];

const SUBJECTS = [
  'Devis isolation',
  encodedWord('Devis pompe à chaleur — version 2'),
  '=?iso-8859-1?Q?Devis_r=E9novation?=',
  '=?x-unknown?B?ZGV2aXM=?=',
  '=?utf-8?Q?unterminated',
  'Re: Re: Fwd: TR: devis',
  'Devis\u0000avec\u0007contrôle',
  '',
];

const CHARSETS = [
  'utf-8',
  'iso-8859-1',
  'windows-1252',
  'utf-16',
  'iso-2022-jp',
  'x-no-such-charset',
  '',
];
const ENCODINGS = ['7bit', '8bit', 'quoted-printable', 'base64', 'x-uuencode', 'binary', 'gzip'];

const ATTACHMENT_NAMES = [
  '../../x.pdf',
  '..\\..\\windows\\x.pdf',
  '/etc/passwd',
  'C:\\Users\\devis.pdf',
  'devis\u0000.pdf',
  'devis\r\nX-Injected: oui.pdf',
  'devis\u001b[31m.pdf',
  'devis\u202efdp.exe',
  'a'.repeat(5000) + '.pdf',
  '',
  '.pdf',
  'CON.pdf',
  'devis%00.pdf',
  encodedWord('Devis signé n°2.pdf'),
];

function uniqueMessageId(rng: Rng, index: number): string {
  return `<fuzz-${index}-${rng.int(0, 1e9)}@exemple-renov.fr>`;
}

function hugeValue(rng: Rng): string {
  const size = rng.int(20_000, 300_000);
  return rng.chance(0.5)
    ? 'x'.repeat(size)
    : Array.from({ length: size / 50 }, () => 'mot '.repeat(12)).join('\r\n ');
}

/** Top-level headers; returns the envelope sender too. */
export function mailHeaders(
  rng: Rng,
  index: number,
  choices: string[],
): { headers: Header[]; from: string } {
  const headers: Header[] = [];
  const from = rng.chance(0.8) ? SENDERS[0]! : rng.pick(SENDERS);
  const address = /<([^>]*)>/u.exec(from)?.[1] ?? from;
  // the envelope sender stays a plain address: the SMTP client and server check its syntax
  const plain = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/u.test(address);
  const envelope = plain ? address : 'expediteur@exemple.fr';
  if (!rng.chance(0.05)) headers.push(['From', from]);
  else choices.push('no-from');
  if (rng.chance(0.05)) {
    headers.push(['From', rng.pick(SENDERS)]);
    choices.push('two-from');
  }
  const to = rng.pick([
    `devis@${DOMAIN}`,
    `devis@${DOMAIN}`,
    `devis+abc123@${DOMAIN}`,
    `autre@${DOMAIN}`,
    'devis@ailleurs.fr',
  ]);
  if (!rng.chance(0.05)) headers.push(['To', to]);
  else choices.push('no-to');
  if (rng.chance(0.05)) {
    headers.push(['To', Array.from({ length: 300 }, (_, i) => `r${i}@${DOMAIN}`).join(', ')]);
    choices.push('many-to');
  }
  headers.push(['Subject', rng.chance(0.85) ? SUBJECTS[0]! : rng.pick(SUBJECTS)]);
  if (rng.chance(0.05)) {
    headers.push(['Subject', 'second sujet']);
    choices.push('two-subjects');
  }
  const messageId = rng.pick(['unique', 'unique', 'unique', 'unique', 'none', 'garbage', 'shared']);
  choices.push(`message-id:${messageId}`);
  if (messageId === 'unique') headers.push(['Message-ID', uniqueMessageId(rng, index)]);
  if (messageId === 'garbage')
    headers.push(['Message-ID', '<<<@>>> (commentaire) <a@b'.repeat(rng.int(1, 40))]);
  if (messageId === 'shared') headers.push(['Message-ID', '<le-meme-pour-tous@exemple-renov.fr>']);
  headers.push([
    'Date',
    rng.chance(0.9)
      ? 'Mon, 16 Nov 2026 09:14:02 +0100'
      : rng.pick(['hier', '', '31 Feb 99999 99:99']),
  ]);
  if (rng.chance(0.1)) {
    headers.push([
      'References',
      Array.from({ length: rng.int(1, 2000) }, (_, i) => `<r${i}@x>`).join(' '),
    ]);
    choices.push('references');
  }
  if (rng.chance(0.08)) {
    headers.push([`X-Huge-${index}`, hugeValue(rng)]);
    choices.push('huge-header');
  }
  if (rng.chance(0.05)) {
    for (let i = 0; i < rng.int(500, 3000); i += 1) headers.push([`X-Many-${i}`, 'v']);
    choices.push('many-headers');
  }
  if (rng.chance(0.05)) {
    for (let i = 0; i < 40; i += 1) headers.push(['Received', `from relais${i}.exemple.fr by mx`]);
    choices.push('received-loop');
  }
  if (rng.chance(0.05)) {
    headers.push(['Sujet accentué', 'entête non ASCII']);
    choices.push('8bit-name');
  }
  if (rng.chance(0.9)) headers.push(['MIME-Version', '1.0']);
  return { headers, from: envelope };
}

function textLeaf(rng: Rng, text: string, type: string, choices: string[]): MimeLeaf {
  const charset = rng.chance(0.8) ? 'utf-8' : rng.pick(CHARSETS);
  const encoding = rng.chance(0.7) ? 'quoted-printable' : rng.pick(ENCODINGS);
  if (charset !== 'utf-8' || encoding !== 'quoted-printable')
    choices.push(`${type}:${charset || 'none'}/${encoding}`);
  const bytes = Buffer.from(
    text,
    charset === 'utf-16' ? 'utf16le' : charset.startsWith('iso-8859') ? 'latin1' : 'utf8',
  );
  const body =
    encoding === 'base64'
      ? rng.chance(0.2)
        ? Buffer.from('!!pas du base64!!\r\n====\r\n')
        : base64Lines(bytes)
      : encoding === 'quoted-printable'
        ? rng.chance(0.1)
          ? Buffer.from('=ZZ=4=\r\n=E9t=C3=')
          : quotedPrintable(bytes)
        : bytes;
  return {
    headers: [
      ['Content-Type', `${type}${charset ? `; charset="${charset}"` : ''}`],
      ['Content-Transfer-Encoding', encoding],
    ],
    body,
  };
}

export function bodyParts(rng: Rng, choices: string[]): MimePart[] {
  const text = 'Bonjour,\nVeuillez trouver ci-joint mon devis.\nCordialement,\nJean Dupont\n';
  const parts: MimePart[] = [textLeaf(rng, text, 'text/plain', choices)];
  if (rng.chance(0.4))
    parts.push(
      textLeaf(
        rng,
        `<p>${text.replace(/\n/gu, '<br>')}</p><img src="cid:logo">`,
        'text/html',
        choices,
      ),
    );
  return parts;
}

export function attachmentPart(rng: Rng, file: PoolFile, choices: string[]): MimeLeaf {
  const name = rng.chance(0.7) ? file.name : rng.pick(ATTACHMENT_NAMES);
  if (name !== file.name) choices.push(`name:${JSON.stringify(name.slice(0, 30))}`);
  const type = rng.chance(0.8)
    ? {
        pdf: 'application/pdf',
        image: 'image/png',
        text: 'text/plain',
        other: 'application/octet-stream',
      }[file.kind]
    : rng.pick([
        'application/octet-stream',
        'image/jpeg',
        'application/pdf',
        'text/html',
        'message/rfc822',
        'garbage',
      ]);
  const disposition = rng.pick([
    'attachment',
    'attachment',
    'attachment',
    'inline',
    'form-data',
    '',
  ]);
  const encoding = rng.chance(0.9) ? 'base64' : rng.pick(ENCODINGS);
  if (encoding !== 'base64') choices.push(`attachment-encoding:${encoding}`);
  const rfc2231 = rng.chance(0.1);
  const nameParam = rfc2231
    ? `filename*=utf-8''${encodeURIComponent(name).slice(0, rng.int(1, 200))}`
    : `filename="${name}"`;
  return {
    headers: [
      ['Content-Type', `${type}; name="${name}"`],
      ['Content-Disposition', `${disposition}; ${nameParam}`],
      ['Content-Transfer-Encoding', encoding],
    ],
    body:
      encoding === 'base64'
        ? base64Lines(file.bytes)
        : encoding === 'quoted-printable'
          ? quotedPrintable(file.bytes)
          : file.bytes,
  };
}

const BOUNDARIES = [
  '=_fuzz_',
  'simple',
  '',
  ' espace ',
  '"',
  '----=_Part_0_' + 'x'.repeat(300),
  '(){}<>@,;:\\"/[]?=',
];

/** Wraps the leaves in one multipart, sometimes deeply nested or inside forwarded messages. */
export function wrapInMultiparts(rng: Rng, leaves: MimePart[], choices: string[]): MimeMultipart {
  const boundaryOf = (depth: number): string =>
    rng.chance(0.9) ? `=_fuzz_${depth}_${rng.int(0, 1e6)}` : rng.pick(BOUNDARIES);
  const multipart = (parts: MimePart[], depth: number): MimeMultipart => {
    const boundary = boundaryOf(depth);
    const declared = rng.chance(0.95) ? boundary : rng.pick(['', 'autre', boundary.slice(1)]);
    return {
      headers: [
        [
          'Content-Type',
          `multipart/${rng.pick(['mixed', 'mixed', 'alternative', 'related', 'x-weird'])}; boundary="${declared}"`,
        ],
      ],
      boundary,
      parts,
      unterminated: rng.chance(0.05),
      ...(rng.chance(0.05) ? { preamble: 'This is a multi-part message in MIME format.' } : {}),
    };
  };
  let root = multipart(leaves, 0);
  const depth = rng.chance(0.1) ? rng.int(2, rng.chance(0.3) ? 400 : 30) : 0;
  if (depth > 0) choices.push(`depth:${depth}`);
  for (let d = 1; d <= depth; d += 1) {
    if (rng.chance(0.2)) {
      // a forwarded message: message/rfc822 holding the mail so far
      const inner: MimeMultipart = {
        ...root,
        headers: [['From', 'ancien@exemple.fr'], ['Subject', 'Fwd'], ...root.headers],
      };
      root = multipart(
        [{ headers: [['Content-Type', 'message/rfc822']], body: writeMime(inner) }],
        d,
      );
    } else {
      root = multipart([root], d);
    }
  }
  return root;
}
