import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSmtpTransport } from '../../src/adapters/mail-transport/smtp.js';
import { getOutbound } from '../../src/db/outbound-emails-repo.js';
import { InvalidInputError } from '../../src/errors.js';
import { createSilentLogger } from '../../src/logger.js';
import { SAMPLE_DATA } from '../../src/mail/preview-samples.js';
import {
  retryDelayMs,
  sendPendingMails,
  sendTemplatedMail,
  type MailRequest,
} from '../../src/mail/send-mail.js';
import { forwardToTeam } from '../../src/mail/team-mail.js';
import { freePort } from '../support/free-port.js';
import { createTestOutbox, header, testMailDeps, type Outbox } from '../support/mail-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;
let outbox: Outbox;

beforeAll(async () => {
  database = await createTestDatabase();
  outbox = await createTestOutbox();
});

afterAll(async () => {
  await outbox.remove();
  await database.drop();
});

function request(dedupeKey: string): MailRequest<'quote_check_created'> {
  return {
    template: 'quote_check_created',
    data: SAMPLE_DATA.quote_check_created,
    to: 'Camille Martin <camille@client.example>',
    dedupeKey,
    inReplyTo: '<first@client.example>',
    references: ['<root@client.example>', '<first@client.example>'],
    originalSubject: 'Mes devis',
    caseToken: 'abc234defg',
  };
}

async function outboundRow(messageId: string) {
  const row = (await database
    .knex('outbound_emails')
    .where({ message_id: messageId })
    .first('id')) as { id: string } | undefined;
  return row ? getOutbound(database.knex, row.id) : undefined;
}

describe('sendTemplatedMail', () => {
  it('sends once per dedupe key, with threading and loop-prevention headers', async () => {
    const deps = await testMailDeps(database.knex, outbox.transport);
    const before = (await outbox.files()).length;
    const first = await sendTemplatedMail(deps, request('test:once'));
    const second = await sendTemplatedMail(deps, request('test:once'));

    expect(first.status).toBe('sent');
    expect(second).toEqual({ status: 'duplicate', messageId: first.messageId });
    expect(first.messageId).toMatch(/^<[0-9a-f-]+@mdso\.test>$/u);
    const files = await outbox.files();
    expect(files).toHaveLength(before + 1);

    const mail = (await outbox.mails()).find((m) => m.messageId === first.messageId);
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('Re: Mes devis');
    expect(mail!.inReplyTo).toBe('<first@client.example>');
    expect(header(mail!, 'references')).toBe('<root@client.example> <first@client.example>');
    expect(mail!.replyTo?.text).toBe('devis+abc234defg@mail.mdso.test');
    expect(header(mail!, 'auto-submitted')).toBe('auto-replied');
    expect(header(mail!, 'x-mdso-template')).toBe('quote_check_created');

    const row = await outboundRow(first.messageId);
    expect(row).toMatchObject({
      status: 'sent',
      template: 'quote_check_created',
      dedupeKey: 'test:once',
      transport: 'outbox',
      attempts: 1,
      payload: null,
    });
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(row?.providerId).toMatch(/-quote_check_created-[0-9a-f]{8}\.eml$/u);
  });

  it('sends one mail when five workers claim the same key at once', async () => {
    const deps = await testMailDeps(database.knex, outbox.transport);
    const before = (await outbox.files()).length;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => sendTemplatedMail(deps, request('test:concurrent'))),
    );
    expect(results.filter((r) => r.status === 'sent')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(4);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(await outbox.files()).toHaveLength(before + 1);
  });

  it('rejects an invalid request without using up its key', async () => {
    const deps = await testMailDeps(database.knex, outbox.transport);
    await expect(
      sendTemplatedMail(deps, { ...request('test:invalid'), caseToken: 'bad token' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await database.knex('outbound_emails').where({ dedupe_key: 'test:invalid' })).toEqual(
      [],
    );
    expect((await sendTemplatedMail(deps, request('test:invalid'))).status).toBe('sent');
  });

  it('keeps a mail pending when the transport fails, and the retry job sends it once', async () => {
    const closedPort = await freePort();
    const failing = createSmtpTransport({
      url: `smtp://127.0.0.1:${closedPort}`,
      logger: createSilentLogger(),
    });
    const failingDeps = await testMailDeps(database.knex, failing);
    const before = (await outbox.files()).length;

    const started = Date.now();
    const result = await sendTemplatedMail(failingDeps, request('test:retry'));
    expect(result.status).toBe('retry_later');
    const pending = await outboundRow(result.messageId);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, transport: 'smtp' });
    expect(pending?.lastError).toMatch(/^upstream_error/u);
    expect(pending?.lastError).not.toContain('@');
    expect(pending?.nextAttemptAt?.getTime()).toBeGreaterThanOrEqual(started + retryDelayMs(1));
    expect(pending?.payload).toMatchObject({ kind: 'template', template: 'quote_check_created' });
    await failing.close?.();

    // Not due yet: nothing is retried.
    const deps = await testMailDeps(database.knex, outbox.transport);
    expect(await sendPendingMails(deps, { limit: 10 })).toBe(0);
    // A claim again returns the same Message-ID and sends nothing.
    expect(await sendTemplatedMail(deps, request('test:retry'))).toEqual({
      status: 'duplicate',
      messageId: result.messageId,
    });

    const later = new Date(Date.now() + retryDelayMs(1) + 1000);
    const [a, b] = await Promise.all([
      sendPendingMails(deps, { limit: 10, now: later }),
      sendPendingMails(deps, { limit: 10, now: later }),
    ]);
    expect(a + b).toBe(1);
    expect(await sendPendingMails(deps, { limit: 10, now: later })).toBe(0);

    const files = await outbox.files();
    expect(files).toHaveLength(before + 1);
    const mail = (await outbox.mails()).find((m) => m.messageId === result.messageId);
    expect(mail?.subject).toBe('Re: Mes devis');
    expect(mail?.inReplyTo).toBe('<first@client.example>');
    const sent = await outboundRow(result.messageId);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, transport: 'outbox', payload: null });
  });
});

describe('forwardToTeam', () => {
  const raw = Buffer.from(
    [
      'From: Camille <camille@client.example>',
      'To: devis@wrong.example',
      'Subject: Mon devis <urgent>',
      'Message-ID: <fwd@client.example>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Bonjour, voici <b>mon</b> devis.',
      '',
    ].join('\r\n'),
  );

  it('does nothing when INBOUND_FORWARDING_MAIL is unset', async () => {
    const deps = await testMailDeps(database.knex, outbox.transport);
    const before = (await outbox.files()).length;
    await forwardToTeam(deps, { inboundEmailId: 'e0000000-0000-4000-8000-000000000001', raw });
    expect(await outbox.files()).toHaveLength(before);
  });

  it('forwards once per inbound mail to each team address', async () => {
    const deps = await testMailDeps(database.knex, outbox.transport, {
      INBOUND_FORWARDING_MAIL: 'equipe@mdso.test, support@mdso.test',
    });
    const id = (
      (await database.knex('inbound_emails').insert({ channel: 'smtp', raw }).returning('id')) as {
        id: string;
      }[]
    )[0]!.id;
    const before = (await outbox.files()).length;
    await forwardToTeam(deps, { inboundEmailId: id, raw });
    await forwardToTeam(deps, { inboundEmailId: id, raw });
    const mails = (await outbox.mails()).filter((m) => m.subject === 'Fwd: Mon devis <urgent>');
    expect(await outbox.files()).toHaveLength(before + 2);
    expect(mails.map((m) => m.to && 'text' in m.to && m.to.text).sort()).toEqual([
      'equipe@mdso.test',
      'support@mdso.test',
    ]);
    const mail = mails[0]!;
    expect(mail.replyTo?.text).toBe('camille@client.example');
    expect(header(mail, 'x-mdso-template')).toBe('forward');
    expect(header(mail, 'auto-submitted')).toBe('auto-generated');
    expect(mail.text).toContain('camille@client.example');
    expect(mail.text).toContain('Bonjour, voici <b>mon</b> devis.');
    expect(mail.html).toContain('Bonjour, voici &lt;b&gt;mon&lt;/b&gt; devis.');
    expect(mail.html).not.toContain('<b>mon</b>');
    expect(
      await database.knex('outbound_emails').where({ inbound_email_id: id, status: 'sent' }),
    ).toHaveLength(2);
  });
});
