/**
 * Brevo inbound-parsing payloads for the fuzz suite, from the seed: items with odd or missing
 * fields (Uuid as a list, a number, absent; duplicated items; huge subjects and bodies; header
 * maps with lists and control characters) and attachments whose names carry paths and control
 * characters, whose types lie, whose download fails. Attachment bytes are served by the fake
 * Brevo API under their download token.
 */
import type { Rng } from '../generator/prng.js';
import { mutate, PDF_MUTATORS } from './file-mutations.js';
import { attachmentPool } from './fuzz-mails.js';
import { fuzzRng } from './fuzz-seed.js';
import { DOMAIN } from './mail-variations.js';

export interface FuzzPayload {
  name: string;
  body: unknown;
  /** Items in the payload: each is stored, a duplicate, or listed invalid in the answer. */
  items: number;
}

const NAMES = [
  'devis.pdf',
  '../../x.pdf',
  'a/b/c.pdf',
  'devis\u0000\u0007.pdf',
  '\u202efdp.pdf',
  '',
  'x'.repeat(3000),
];
const TYPES = [
  'application/pdf',
  'application/octet-stream',
  'image/png',
  'text/plain',
  '',
  'n/importe/quoi',
];

function oddString(rng: Rng): string {
  return rng.pick([
    'Devis',
    '',
    'é'.repeat(rng.int(1, 50_000)),
    'contrôle\u0000\u0001\u001f',
    '\ud800 lone surrogate',
    '<script>alert(1)</script>',
    '=?utf-8?B?????=',
  ]);
}

function item(rng: Rng, index: number, choices: string[], attachments: Map<string, Buffer>) {
  const pool = attachmentPool();
  const files = Array.from({ length: rng.pick([0, 1, 1, 2, 3]) }, (_, k) => {
    const file = rng.pick(pool.filter((f) => f.kind !== 'image'));
    const token = `tok-${index}-${k}-${rng.int(0, 1e9)}`;
    const bytes =
      file.kind === 'pdf' && rng.chance(0.2)
        ? mutate(rng, PDF_MUTATORS, file.bytes, 2).bytes
        : file.bytes;
    if (rng.chance(0.9)) attachments.set(token, bytes);
    else choices.push('download-404');
    const name = rng.chance(0.7) ? file.name : rng.pick(NAMES);
    if (name !== file.name) choices.push(`name:${JSON.stringify(name.slice(0, 20))}`);
    return {
      Name: name,
      ContentType: rng.chance(0.8)
        ? file.kind === 'pdf'
          ? 'application/pdf'
          : 'text/plain'
        : rng.pick(TYPES),
      ContentLength: rng.pick([bytes.length, bytes.length, 0, -1, '12ko', 1e12]),
      DownloadToken: token,
      ...(rng.chance(0.1) ? { ContentID: `<cid-${k}>` } : {}),
    };
  });
  const uuid = `fuzz-${index}-${rng.int(0, 1e9)}`;
  const subject = rng.chance(0.8) ? 'Devis' : oddString(rng);
  const headers: Record<string, unknown> = { 'Message-ID': `<webhook-${uuid}@exemple.fr>` };
  if (rng.chance(0.2))
    headers['X-Liste'] = Array.from({ length: rng.int(1, 500) }, (_, i) => `v${i}`);
  if (rng.chance(0.1)) headers[oddString(rng) || 'vide'] = oddString(rng);
  if (rng.chance(0.05)) headers['Auto-Submitted'] = 'auto-replied';
  return {
    Uuid: rng.chance(0.8) ? [uuid] : uuid,
    MessageId: `<webhook-${uuid}@exemple.fr>`,
    From: {
      Address: rng.chance(0.9) ? 'artisan@exemple-renov.fr' : 'noreply@exemple.fr',
      Name: rng.chance(0.8) ? 'Artisan' : oddString(rng),
    },
    To: [{ Address: `devis@${DOMAIN}`, Name: null }],
    Recipients: [rng.chance(0.9) ? `devis@${DOMAIN}` : `autre@${DOMAIN}`],
    Subject: subject,
    RawTextBody: rng.chance(0.9) ? 'Bonjour, voici mon devis.' : oddString(rng),
    RawHtmlBody: rng.chance(0.5) ? null : `<p>${oddString(rng)}</p>`,
    SentAtDate: rng.pick(['Mon, 16 Nov 2026 09:14:02 +0100', 'pas une date', '']),
    SpamScore: rng.pick([0.1, -5, 1e9]),
    Attachments: files,
    Headers: headers,
  } as Record<string, unknown>;
}

/** Breaks an item so that the webhook must refuse it (and keep the others of the payload). */
function breakItem(rng: Rng, value: Record<string, unknown>, choices: string[]): void {
  const broken = rng.pick(['no-uuid', 'uuid-number', 'no-from', 'bad-attachments']);
  choices.push(`invalid:${broken}`);
  if (broken === 'no-uuid') delete value['Uuid'];
  if (broken === 'uuid-number') value['Uuid'] = 42;
  if (broken === 'no-from') delete value['From'];
  if (broken === 'bad-attachments') value['Attachments'] = [{ Name: 'x.pdf' }];
}

export function buildWebhookPayloads(
  count: number,
  attachments: Map<string, Buffer>,
): FuzzPayload[] {
  const rng = fuzzRng('webhook');
  const payloads: FuzzPayload[] = [];
  let previous: Record<string, unknown> | undefined;
  for (let index = 0; index < count; index += 1) {
    const choices: string[] = [];
    const items: Record<string, unknown>[] = [];
    for (let k = rng.pick([1, 1, 1, 2, 3]); k > 0; k -= 1) {
      const value = item(rng, index * 10 + k, choices, attachments);
      if (rng.chance(0.08)) breakItem(rng, value, choices);
      items.push(value);
    }
    if (previous && rng.chance(0.05)) {
      items.push(previous);
      choices.push('duplicate-item');
    }
    previous = items[0];
    const bare = items.length === 1 && rng.chance(0.3);
    payloads.push({
      name: `#${index} ${choices.join(' ')}`,
      body: bare ? items[0] : { items },
      items: items.length,
    });
  }
  return payloads;
}
