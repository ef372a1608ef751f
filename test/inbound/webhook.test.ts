/**
 * The Brevo webhook for real: fetch → express on port 0 → `inbound_emails`, then the processing
 * job downloading the attachments from a fake Brevo API. Corpus mails e01, e02, e05 (and the
 * forwarded e04) turned into webhook items; redeliveries and the same mail by SMTP and webhook
 * make one set of quote checks and one acknowledgement.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/api/app.js';
import { BREVO_WEBHOOK_PATH, createBrevoWebhookRouter } from '../../src/inbound/webhook.js';
import { createSilentLogger } from '../../src/logger.js';
import type { FakeHttp, FakeResponse } from '../support/fake-http.js';
import { startBrevoHarness, type BrevoHarness } from './brevo-harness.js';
import { brevoItemFromEml } from './brevo-item-builder.js';
import { fixturesDir, inboundState, type InboundHarness } from './inbound-harness.js';

let t: BrevoHarness;
let h: InboundHarness;
let brevo: FakeHttp;
let attachments: Map<string, FakeResponse>;

beforeAll(async () => {
  t = await startBrevoHarness();
  ({ h, brevo, attachments } = t);
});
afterAll(async () => {
  await t.close();
});

const post = (body: unknown, token?: string | null) => t.post(body, token);

async function itemOf(eml: string, options: { uuid?: string } = {}) {
  const built = await brevoItemFromEml(readFileSync(join(fixturesDir, eml)), options);
  for (const [key, route] of Object.entries(built.routes)) {
    attachments.set(key.replace(/^GET /u, ''), route as FakeResponse);
  }
  return built.item;
}

async function rowByMessageId(messageId: string) {
  return (await h.db('inbound_emails').where({ message_id: messageId }).orderBy('received_at')).map(
    (r: { id: string; channel: string; status: string }) => r,
  );
}

async function templatesOf(id: string) {
  const rows = (await h
    .db('outbound_emails')
    .where({ inbound_email_id: id })
    .select('template')) as { template: string }[];
  return rows.map((r) => r.template).sort();
}

describe('authentication', () => {
  it('refuses a missing or wrong token with 401 and a French message', async () => {
    const item = await itemOf('e01_devis_unique.eml');
    const missing = await post({ items: [item] }, null);
    expect(missing.status).toBe(401);
    expect(missing.json.error).toMatch(/Authentification/u);
    const wrong = await post({ items: [item] }, 'mauvais-jeton');
    expect(wrong.status).toBe(401);
    expect(await h.db('inbound_emails').count()).toEqual([{ count: '0' }]);
  });
});

describe('configuration', () => {
  it('answers 503 when no token is configured', async () => {
    const app = createApp({
      db: h.db,
      version: 'test',
      logger: createSilentLogger(),
      routers: [createBrevoWebhookRouter({ db: h.db, logger: createSilentLogger() })],
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}${BREVO_WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
        body: '{"items":[]}',
      });
      expect(response.status).toBe(503);
    } finally {
      server.close();
    }
  });
});

describe('corpus mails by webhook', () => {
  it.each([
    ['e01_devis_unique.eml', 1, 'quote_check_created', false, 'geste'],
    ['e02_trois_devis_dossier.eml', 3, 'quotes_case_created', false, 'ampleur'],
    ['e05_sans_piece_jointe.eml', 0, 'no_attachment', true, null],
    ['e04_transfert_message_rfc822.eml', 1, 'quote_check_created', false, 'geste'],
    ['e08_signature_image_inline.eml', 1, 'quote_check_created', false, 'geste'],
  ] as const)('%s', async (eml, checks, template, forwarded, renovationType) => {
    const item = await itemOf(eml);
    const first = await post({ items: [item] });
    expect(first).toEqual({ status: 200, json: { received: 1, duplicates: 0 } });
    const again = await post({ items: [item] });
    expect(again).toEqual({ status: 200, json: { received: 0, duplicates: 1 } });
    await h.processAll();
    const [row, ...others] = await rowByMessageId(String(item.MessageId));
    expect(others).toHaveLength(0);
    const state = await inboundState(h.db, row?.id ?? '');
    expect(state.status).toBe('processed');
    expect(state.checks).toBe(checks);
    const expected = forwarded ? [template, 'forward'].sort() : [template];
    expect(await templatesOf(row?.id ?? '')).toEqual(expected);
    if (renovationType) {
      const quotesCase = (await h.db('quotes_cases').where({ id: state.case_id }).first()) as {
        renovation_type: string;
      };
      expect(quotesCase.renovation_type).toBe(renovationType);
    }
  });

  it('downloads attachments in the job, not in the request', async () => {
    const before = brevo.requests.length;
    const item = await itemOf('e07_pieces_jointes_non_pdf.eml');
    await post({ items: [item] });
    expect(brevo.requests.length).toBe(before);
    await h.processAll();
    expect(brevo.requests.length).toBe(before + 2);
    expect(brevo.requests.at(-1)?.headers['api-key']).toBe('cle-brevo-de-test');
  });
});

describe('one mail by two channels', () => {
  it('SMTP first, then the webhook: one set of checks, one acknowledgement', async () => {
    const built = await brevoItemFromEml(
      readFileSync(join(fixturesDir, 'e03_reponse_meme_fil_devis_supplementaire.eml')),
    );
    for (const [key, route] of Object.entries(built.routes)) {
      attachments.set(key.replace(/^GET /u, ''), route as FakeResponse);
    }
    await h.sendSmtp(
      readFileSync(join(fixturesDir, 'e03_reponse_meme_fil_devis_supplementaire.eml')),
    );
    await h.processAll();
    expect((await post({ items: [built.item] })).json).toEqual({ received: 1, duplicates: 0 });
    await h.processAll();
    const rows = await rowByMessageId(String(built.item.MessageId));
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['smtp', 'processed'],
      ['brevo', 'duplicate'],
    ]);
    const checks = await h.db('quote_checks').where({
      email: 'm.lebrun-hamel@espace-renov-calvados.fr',
    });
    // e02 (3 quotes) by webhook above, e03 (1 quote) once.
    expect(checks).toHaveLength(4);
    const acks = await h.db('outbound_emails').whereIn(
      'inbound_email_id',
      rows.map((r) => r.id),
    );
    expect(acks.map((a: { template: string }) => a.template)).toEqual(['quotes_case_updated']);
  });

  it('webhook first, then SMTP: the SMTP copy is stored, then found a duplicate', async () => {
    // e01 came by webhook above. The listener keys a mail on (Message-ID, checksum) only: the
    // attachments are hashed by processing, which finds the twin and sends nothing more.
    const messageId = '<20261116091402.7c41e2a9@isocombles-armor.fr>';
    const checksBefore = await h.db('quote_checks').count<{ count: string }[]>();
    const response = await h.sendSmtp(readFileSync(join(fixturesDir, 'e01_devis_unique.eml')));
    expect(response).toMatch(/^250 /u);
    await h.processAll();
    const rows = await rowByMessageId(messageId);
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['brevo', 'processed'],
      ['smtp', 'duplicate'],
    ]);
    expect(await templatesOf(rows[1]?.id ?? '')).toEqual([]);
    expect(await h.db('quote_checks').count<{ count: string }[]>()).toEqual(checksBefore);
  });
});

describe('failures', () => {
  it('retries a failed download, then names the attachment as unreadable', async () => {
    const item = await itemOf('e01_devis_unique.eml');
    const fresh = {
      ...item,
      MessageId: '<telechargement-en-echec@exemple-mail.fr>',
      Attachments: [
        {
          Name: 'devis.pdf',
          ContentType: 'application/pdf',
          ContentLength: 1000,
          ContentID: null,
          DownloadToken: 'jeton-en-panne',
        },
      ],
    };
    attachments.set('/v3/inbound/attachments/jeton-en-panne', { status: 503, body: {} });
    await post({ items: [fresh] });
    await h.processAll();
    const [row] = await rowByMessageId('<telechargement-en-echec@exemple-mail.fr>');
    const state = await inboundState(h.db, row?.id ?? '');
    expect(brevo.requests.filter((r) => r.path.endsWith('/jeton-en-panne'))).toHaveLength(3);
    expect(state.status).toBe('processed');
    expect(state.parts).toEqual([
      expect.objectContaining({
        filename: 'devis.pdf',
        outcome: 'not_checked',
        reason: 'download_failed',
      }),
    ]);
    expect(await templatesOf(row?.id ?? '')).toEqual(['unreadable_file']);
  });

  it('stores the valid items of a batch and lists the invalid ones, still 200', async () => {
    const item = await itemOf('e05_sans_piece_jointe.eml');
    const answer = await post({
      items: [{ ...item, Uuid: ['autre-uuid'] }, { Subject: 'sans expéditeur' }],
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ received: 1, duplicates: 0 });
    expect(answer.json.invalid).toEqual([expect.objectContaining({ index: 1 })]);
  });
});
