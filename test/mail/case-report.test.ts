import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Knex } from 'knex';
import { jsonb, validationColumns } from '../../src/db/quote-check-row.js';
import { createQuoteCheck, getQuoteCheck } from '../../src/db/quote-checks-repo.js';
import { saveQuoteFile } from '../../src/db/quote-files-repo.js';
import { createQuotesCase, reopenQuotesCase } from '../../src/db/quotes-cases-repo.js';
import type { QuoteAttributes } from '../../src/domain/attributes.js';
import type { ErrorDetail } from '../../src/domain/finding.js';
import type { FindingEdits } from '../../src/domain/quote-check.js';
import { createSilentLogger } from '../../src/logger.js';
import { sendCaseReport } from '../../src/mail/case-report.js';
import type { MailDeps } from '../../src/mail/send-mail.js';
import { closeTimedOutChecks } from '../../src/pipeline/close-stale-checks.js';
import { validateCaseIfComplete } from '../../src/pipeline/validate-case.js';
import { createTestOutbox, header, testMailDeps, type Outbox } from '../support/mail-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;
let outbox: Outbox;
let deps: MailDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  outbox = await createTestOutbox();
  deps = await testMailDeps(database.knex, outbox.transport);
});

afterAll(async () => {
  await outbox.remove();
  await database.drop();
});

const caseDeps = () => ({ db: database.knex, logger: createSilentLogger(), workerId: 'test' });

function detail(id: string, extra: Partial<ErrorDetail> & Pick<ErrorDetail, 'code'>): ErrorDetail {
  return { id, category: 'admin', type: 'missing', title: id, from_case: false, ...extra };
}

async function newCase(db: Knex, options: { email?: string | null } = {}) {
  const caseId = await createQuotesCase(db, {
    profile: 'email',
    email: options.email === undefined ? 'camille@client.example' : options.email,
    emailSubject: 'Devis pour la maison',
  });
  const [token] = (await db('quotes_cases').where({ id: caseId }).select('mail_token')) as {
    mail_token: string;
  }[];
  return { caseId, token: token!.mail_token };
}

interface SeedCheck {
  filename: string;
  attributes?: QuoteAttributes;
  details?: (checkId: string) => ErrorDetail[];
  edits?: (checkId: string) => FindingEdits;
  finished?: boolean;
  startedMinutesAgo?: number;
}

async function addCheck(db: Knex, caseId: string, seed: SeedCheck): Promise<string> {
  const fileId = await saveQuoteFile(db, {
    filename: seed.filename,
    contentType: 'application/pdf',
    data: Buffer.from(`%PDF ${seed.filename} ${Math.random()}`),
  });
  const id = await createQuoteCheck(db, { fileId, caseId, profile: 'email' });
  const details = seed.details?.(id) ?? [];
  await db('quote_checks')
    .where({ id })
    .update({
      read_attributes: jsonb(seed.attributes ?? {}),
      validation_error_edits: jsonb(seed.edits?.(id) ?? null),
      ...(seed.finished === false
        ? {
            started_at: db.raw(`now() - ?::interval`, [`${seed.startedMinutesAgo ?? 0} minutes`]),
          }
        : {
            ...validationColumns({
              errors: details.map((d) => d.code),
              errorDetails: details,
              controlCodes: [],
              controlsCount: 10,
              version: 'test',
            }),
            stage: 'final',
            finished_at: db.fn.now(),
          }),
    });
  return id;
}

async function addInbound(
  db: Knex,
  caseId: string,
  messageId: string,
  receivedAt: string,
  parts: unknown[] = [],
) {
  await db('inbound_emails').insert({
    channel: 'smtp',
    raw: Buffer.from('raw'),
    message_id: messageId,
    case_id: caseId,
    received_at: receivedAt,
    parts: JSON.stringify(parts),
  });
}

async function mailsFor(caseId: string) {
  const ids = (
    (await database.knex('outbound_emails').where({ case_id: caseId }).select('message_id')) as {
      message_id: string;
    }[]
  ).map((r) => r.message_id);
  return (await outbox.mails()).filter((m) => m.messageId && ids.includes(m.messageId));
}

const EVIL = '<script>alert(1)</script>.pdf';

async function seedTwoQuoteCase() {
  const { caseId, token } = await newCase(database.knex);
  await addInbound(database.knex, caseId, '<m1@client.example>', '2026-11-24T08:00:00Z', [
    { filename: 'devis-pac.pdf', outcome: 'quote' },
    { filename: 'photo.heic', outcome: 'not_checked', reason: 'format non pris en charge' },
    { filename: 'logo.png', outcome: 'ignored' },
  ]);
  await addInbound(database.knex, caseId, '<m2@client.example>', '2026-11-24T09:00:00Z', [
    { filename: 'scan.pdf', outcome: 'not_checked' },
  ]);
  const pac = await addCheck(database.knex, caseId, {
    filename: 'devis-pac.pdf',
    attributes: {
      pro: { raison_sociale: 'Chaleur Exemple SARL' },
      gestes: [{ type: 'pac_air_eau', intitule: 'PAC air/eau 8 kW', numero_ligne: '2' }],
    },
    details: (id) => [
      detail(`${id}-1`, { code: 'pro_assurance_manquant', title: 'Assurance décennale absente' }),
      detail(`${id}-2`, {
        code: 'chauffage_etas_manquant',
        category: 'gestes',
        geste_id: `${id}-geste-1`,
        title: 'ETAS non indiqué',
      }),
      detail(`${id}-3`, {
        code: 'geste_prix_inhabituel',
        category: 'geste_prices',
        type: 'warning',
        geste_id: `${id}-geste-1`,
        title: 'Prix inhabituel caché',
      }),
      detail(`${id}-4`, { code: 'siret_manquant', title: 'Constat supprimé par un relecteur' }),
    ],
    edits: (id) => ({ [`${id}-4`]: { deleted: true, reason: 'faux positif' } }),
  });
  const evil = await addCheck(database.knex, caseId, {
    filename: EVIL,
    attributes: { pro: { raison_sociale: 'Isolation <b>Modèle</b>' } },
  });
  expect(await validateCaseIfComplete(caseId, caseDeps())).toBe(true);
  return { caseId, token, pac, evil };
}

describe('sendCaseReport', () => {
  it('sends the report of a validated case once, in reply to the thread', async () => {
    const { caseId, token, pac, evil } = await seedTwoQuoteCase();

    const first = await sendCaseReport(deps, caseId);
    const second = await sendCaseReport(deps, caseId);
    expect(first.status).toBe('sent');
    expect(second.status).toBe('duplicate');

    const mails = await mailsFor(caseId);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('camille@client.example');
    expect(mail.subject).toBe('Re: Devis pour la maison');
    expect(mail.inReplyTo).toBe('<m2@client.example>');
    expect(header(mail, 'references')).toBe('<m1@client.example> <m2@client.example>');
    expect(mail.replyTo?.text).toBe(`devis+${token}@mail.mdso.test`);
    expect(header(mail, 'auto-submitted')).toBe('auto-replied');
    expect(header(mail, 'x-mdso-template')).toBe('results_available');

    const html = String(mail.html);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.pdf');
    expect(html).not.toContain('<b>Modèle</b>');
    for (const body of [html, mail.text ?? '']) {
      expect(body).toContain('Chaleur Exemple SARL');
      expect(body).toContain('Assurance décennale absente');
      expect(body).toContain('ETAS non indiqué');
      expect(body).toContain('Pompe à chaleur');
      expect(body).toContain('photo.heic');
      expect(body).toContain('format non pris en charge');
      expect(body).toContain('scan.pdf');
      expect(body).not.toContain('logo.png');
      expect(body).not.toContain('Prix inhabituel caché');
      expect(body).not.toContain('Constat supprimé par un relecteur');
      expect(body).toContain(`https://front.mdso.test/conseiller/dossier/${caseId}`);
    }
    expect(mail.text).toContain(EVIL);

    const caseRow = (await database.knex('quotes_cases').where({ id: caseId }).first()) as {
      result_sent_at: Date | null;
    };
    expect(caseRow.result_sent_at).toBeInstanceOf(Date);
    expect((await getQuoteCheck(database.knex, pac))?.resultSentAt).toBeInstanceOf(Date);
    expect((await getQuoteCheck(database.knex, evil))?.resultSentAt).toBeInstanceOf(Date);
  });

  it('sends a new report when a reply adds a quote and the case is validated again', async () => {
    const { caseId } = await seedTwoQuoteCase();
    expect((await sendCaseReport(deps, caseId)).status).toBe('sent');

    // A reply in the thread adds a quote: the case reopens, then is validated again.
    await addInbound(database.knex, caseId, '<m3@client.example>', '2026-11-24T10:00:00Z', [
      { filename: 'devis-fenetres.pdf', outcome: 'quote' },
    ]);
    await reopenQuotesCase(database.knex, caseId);
    expect(await sendCaseReport(deps, caseId)).toEqual({
      status: 'skipped',
      reason: 'not_finished',
    });
    await addCheck(database.knex, caseId, { filename: 'devis-fenetres.pdf' });
    expect(await validateCaseIfComplete(caseId, caseDeps())).toBe(true);

    expect((await sendCaseReport(deps, caseId)).status).toBe('sent');
    expect((await sendCaseReport(deps, caseId)).status).toBe('duplicate');
    const mails = await mailsFor(caseId);
    expect(mails).toHaveLength(2);
    const latest = mails.find((m) => m.text?.includes('devis-fenetres.pdf'));
    expect(latest?.inReplyTo).toBe('<m3@client.example>');
    expect(latest?.text).toContain('devis-pac.pdf');
    const keys = (await database
      .knex('outbound_emails')
      .where({ case_id: caseId })
      .pluck('dedupe_key')) as string[];
    expect(new Set(keys).size).toBe(2);
    for (const key of keys) expect(key).toMatch(new RegExp(`^results:${caseId}:\\d{4}-`, 'u'));
  });

  it('sends one report when five workers finish the case at once', async () => {
    const { caseId } = await seedTwoQuoteCase();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => sendCaseReport(deps, caseId)),
    );
    expect(results.filter((r) => r.status === 'sent')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(4);
    expect(await mailsFor(caseId)).toHaveLength(1);
  });

  it('reports a single quote with its own link, and skips cases without e-mail', async () => {
    const { caseId } = await newCase(database.knex);
    const check = await addCheck(database.knex, caseId, { filename: 'seul.pdf' });
    await validateCaseIfComplete(caseId, caseDeps());
    expect((await sendCaseReport(deps, caseId)).status).toBe('sent');
    const [mail] = await mailsFor(caseId);
    expect(mail?.text).toContain(`https://front.mdso.test/conseiller/devis/${check}`);
    expect(mail?.subject).not.toMatch(/^Re:/u); // no inbound Message-ID known: not a reply

    const api = await newCase(database.knex, { email: null });
    await addCheck(database.knex, api.caseId, { filename: 'api.pdf' });
    await validateCaseIfComplete(api.caseId, caseDeps());
    expect(await sendCaseReport(deps, api.caseId)).toEqual({
      status: 'skipped',
      reason: 'no_email',
    });
    expect(await sendCaseReport(deps, '00000000-0000-4000-8000-000000000000')).toEqual({
      status: 'skipped',
      reason: 'not_found',
    });
  });

  it('is sent after the timeout job closed the last check of the case', async () => {
    const { caseId } = await newCase(database.knex);
    await addInbound(database.knex, caseId, '<t1@client.example>', '2026-11-24T08:00:00Z');
    await addCheck(database.knex, caseId, { filename: 'fini.pdf' });
    await addCheck(database.knex, caseId, {
      filename: 'bloque.pdf',
      finished: false,
      startedMinutesAgo: 30,
    });
    const reports: string[] = [];
    await closeTimedOutChecks(
      {
        ...caseDeps(),
        onCaseFinal: async (id) => {
          const result = await sendCaseReport(deps, id);
          reports.push(result.status);
        },
      },
      { olderThanMinutes: 15 },
    );
    expect(reports).toEqual(['sent']);
    const [mail] = await mailsFor(caseId);
    expect(mail?.text).toContain('bloque.pdf');
    expect(mail?.inReplyTo).toBe('<t1@client.example>');
  });
});
