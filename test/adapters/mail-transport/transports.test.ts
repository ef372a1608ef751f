import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createBrevoTransport } from '../../../src/adapters/mail-transport/brevo.js';
import { createMailTransport } from '../../../src/adapters/mail-transport/index.js';
import type { OutboundMessage } from '../../../src/adapters/mail-transport/message.js';
import { createOutboxTransport } from '../../../src/adapters/mail-transport/outbox.js';
import { createSmtpTransport } from '../../../src/adapters/mail-transport/smtp.js';
import { loadConfig } from '../../../src/config.js';
import { UpstreamError } from '../../../src/errors.js';
import { createSilentLogger } from '../../../src/logger.js';
import { buildOutboundMessage } from '../../../src/mail/outbound-message.js';
import { startFakeHttp } from '../../support/fake-http.js';

const logger = createSilentLogger();

function message(): OutboundMessage {
  return buildOutboundMessage({
    template: 'results_available',
    rendered: {
      subject: '[Mon Devis Sans Oublis] Résultats de votre dossier « été »',
      html: '<p>Résultat : à corriger</p>',
      text: 'Résultat : à corriger\n',
    },
    from: 'Mon Devis Sans Oublis <devis@exemple-envoi.fr>',
    to: 'Camille Exemple <camille@exemple.org>',
    inReplyTo: '<parent@client.example>',
    references: ['<root@client.example>'],
    originalSubject: 'Mes devis de rénovation',
    caseToken: 'tok123',
    inboundDomain: 'in.exemple.fr',
  });
}

async function expectThreadHeaders(raw: Buffer | string, sent: OutboundMessage) {
  const parsed = await simpleParser(raw);
  expect(parsed.messageId).toBe(sent.messageId);
  expect(parsed.inReplyTo).toBe('<parent@client.example>');
  expect(parsed.references).toEqual(['<root@client.example>', '<parent@client.example>']);
  expect(parsed.subject).toBe('Re: Mes devis de rénovation');
  expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
  expect(parsed.headers.get('x-mdso-template')).toBe('results_available');
  expect(parsed.replyTo?.text).toBe('devis+tok123@in.exemple.fr');
  expect(parsed.html).toContain('Résultat : à corriger');
  expect(parsed.text).toContain('Résultat : à corriger');
}

describe('outbox transport', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mdso-outbox-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one parseable .eml per mail, named <timestamp>-<template>-<id>.eml', async () => {
    const transport = createOutboxTransport({ dir: join(dir, 'outbox'), logger });
    const sent = message();
    const result = await transport.send(sent);
    expect(result.messageId).toBe(sent.messageId);
    const files = await readdir(join(dir, 'outbox'));
    expect(files).toEqual([result.providerId]);
    expect(files[0]).toMatch(/^\d{8}T\d{9}Z-results_available-[0-9a-f]{8}\.eml$/u);
    const raw = await readFile(join(dir, 'outbox', files[0]!));
    expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?/mu); // non-ASCII header encoded
    await expectThreadHeaders(raw, sent);
  });

  it('createMailTransport resolves a relative OUTBOX_DIR from the root', async () => {
    const transport = createMailTransport(
      loadConfig({ MAIL_TRANSPORT: 'outbox', OUTBOX_DIR: 'mails' }),
      logger,
      { rootDir: dir },
    );
    expect(transport.name).toBe('outbox');
    await transport.send(message());
    expect(await readdir(join(dir, 'mails'))).toHaveLength(1);
  });

  it('createMailTransport refuses smtp without SMTP_URL and brevo without a key', () => {
    expect(() =>
      createMailTransport(loadConfig({ MAIL_TRANSPORT: 'smtp' }), logger, { rootDir: dir }),
    ).toThrow(/SMTP_URL/u);
    expect(() =>
      createMailTransport(loadConfig({ MAIL_TRANSPORT: 'brevo' }), logger, { rootDir: dir }),
    ).toThrow(/BREVO_API_KEY/u);
  });
});

describe('smtp transport', () => {
  const received: string[] = [];
  let rejectNext = false;
  let server: SMTPServer;
  let url: string;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (rejectNext) {
            const err = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
            callback(err);
            return;
          }
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers the message with our headers', async () => {
    const transport = createSmtpTransport({ url, logger });
    const sent = message();
    const result = await transport.send(sent);
    await transport.close?.();
    expect(result.messageId).toBe(sent.messageId);
    expect(received).toHaveLength(1);
    await expectThreadHeaders(received[0]!, sent);
  });

  it('a 5xx answer is a non-retryable UpstreamError', async () => {
    rejectNext = true;
    const transport = createSmtpTransport({ url, logger });
    const error = await transport.send(message()).catch((e: unknown) => e);
    await transport.close?.();
    rejectNext = false;
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).upstreamStatus).toBe(550);
    expect((error as UpstreamError).retryable).toBe(false);
  });
});

describe('brevo transport', () => {
  it('posts to /v3/smtp/email and returns the Brevo message id', async () => {
    const fake = await startFakeHttp({
      'POST /v3/smtp/email': {
        status: 201,
        body: { messageId: '<202603120930.1@smtp-relay.mailin.fr>' },
      },
    });
    try {
      const transport = createBrevoTransport({
        apiKey: 'test-key',
        baseUrl: `${fake.url}/v3`,
        logger,
      });
      const sent = message();
      const result = await transport.send(sent);
      expect(result).toEqual({
        messageId: '<202603120930.1@smtp-relay.mailin.fr>',
        providerId: '<202603120930.1@smtp-relay.mailin.fr>',
      });
      expect(fake.requests).toHaveLength(1);
      const req = fake.requests[0]!;
      expect(req.headers['api-key']).toBe('test-key');
      expect(req.json).toMatchObject({
        sender: { email: 'devis@exemple-envoi.fr', name: 'Mon Devis Sans Oublis' },
        to: [{ email: 'camille@exemple.org', name: 'Camille Exemple' }],
        replyTo: { email: 'devis+tok123@in.exemple.fr' },
        subject: 'Re: Mes devis de rénovation',
        htmlContent: sent.html,
        textContent: sent.text,
        headers: {
          'Auto-Submitted': 'auto-replied',
          'X-MDSO-Template': 'results_available',
          'In-Reply-To': '<parent@client.example>',
          References: '<root@client.example> <parent@client.example>',
        },
      });
    } finally {
      await fake.close();
    }
  });

  it.each([
    [500, true],
    [429, true],
    [400, false],
  ])(
    'HTTP %i becomes an UpstreamError (retryable: %s), without retry',
    async (status, retryable) => {
      const fake = await startFakeHttp({
        'POST /v3/smtp/email': { status, body: { code: 'error', message: 'refusé' } },
      });
      try {
        const transport = createBrevoTransport({ apiKey: 'k', baseUrl: `${fake.url}/v3`, logger });
        const error = await transport.send(message()).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UpstreamError);
        expect((error as UpstreamError).adapter).toBe('brevo');
        expect((error as UpstreamError).upstreamStatus).toBe(status);
        expect((error as UpstreamError).retryable).toBe(retryable);
        expect(fake.requests).toHaveLength(1);
      } finally {
        await fake.close();
      }
    },
  );
});
