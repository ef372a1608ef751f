/**
 * Named regression tests for what the fuzz suite found in mail reception (issue 9, item 5):
 * characters PostgreSQL cannot store (NUL, lone surrogates) in a header, a file name or a
 * webhook field made the SMTP listener answer 451 forever, the webhook answer 500 (Brevo then
 * drops the mail) and processing fail. Real SMTP listener and webhook on 127.0.0.1, real
 * database, smallest inputs found.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import {
  WEBHOOK_TOKEN,
  inboundState,
  startInboundHarness,
  type InboundHarness,
} from '../inbound/inbound-harness.js';
import { onePagePdf } from './pdf-assembler.js';

let h: InboundHarness;

beforeAll(async () => {
  h = await startInboundHarness();
});

afterAll(async () => {
  await h.close();
});

function mailWith(header: string): string {
  return [
    'From: artisan@exemple-renov.fr',
    'To: devis@mail.mdso.local',
    header,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Bonjour, voici mon devis.',
    '',
  ].join('\r\n');
}

async function postItem(item: Record<string, unknown>): Promise<number> {
  const res = await fetch(h.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${WEBHOOK_TOKEN}` },
    body: JSON.stringify({ items: [item] }),
  });
  return res.status;
}

describe('text PostgreSQL cannot store never stops a mail', () => {
  it.each([
    ['a NUL byte in the Message-ID (was: 451 forever)', 'Message-ID: <a\u0000b@exemple-renov.fr>'],
    ['a NUL byte in the subject (was: processing_error)', 'Subject: Devis\u0000isolation'],
  ])('%s', async (_name, header) => {
    const response = await h.sendSmtp(mailWith(header));
    expect(response).toMatch(/^250 /u);
    await h.processAll();
    const row = (await h.db('inbound_emails').orderBy('seq', 'desc').first('id')) as { id: string };
    expect((await inboundState(h.db, row.id)).status).toBe('processed');
  });

  it('a webhook item with NUL and a lone surrogate is stored (was: 500, mail dropped)', async () => {
    const status = await postItem({
      Uuid: ['fuzz-nul-1'],
      From: { Address: 'artisan@exemple-renov.fr', Name: 'Art\u0000isan \ud800' },
      To: [{ Address: 'devis@mail.mdso.local' }],
      Recipients: ['devis@mail.mdso.local'],
      Subject: 'Devis\u0000 \udc00',
      RawTextBody: 'Bonjour\u0000',
      Headers: { 'X-Nul\u0000': 'v\u0000' },
    });
    expect(status).toBe(200);
    await h.processAll();
    const row = (await h
      .db('inbound_emails')
      .where({ provider_uuid: 'fuzz-nul-1' })
      .first('id')) as {
      id: string;
    };
    expect((await inboundState(h.db, row.id)).status).toBe('processed');
  });

  it('a file name holding a NUL character is stored without it', async () => {
    const { checks } = await submitFiles(
      h.db,
      [{ filename: 'a\u0000b.pdf', bytes: onePagePdf({}) }],
      {
        profile: 'artisan',
      },
    );
    const file = (await h.db('quote_files').orderBy('created_at', 'desc').first('filename')) as {
      filename: string;
    };
    expect(checks).toHaveLength(1);
    expect(file.filename).toBe('ab.pdf');
  });
});
