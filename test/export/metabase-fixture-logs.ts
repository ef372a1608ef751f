/**
 * The log and mail rows of the export fixtures (metabase-fixtures.ts): a step log as the runner
 * writes it, upstream's RGE-checker logs with user agents, referers, SIRETs and the companies'
 * contacts, an OCR log with the quote text, received mails with addresses, subjects and file
 * names, sent mails with recipients and transport errors.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { insertStepLog } from '../../src/db/processing-logs-repo.js';
import { PRIVATE_TEXT, type SourceIds } from './metabase-fixtures.js';

const json = (value: unknown): string => JSON.stringify(value);

export async function seedLogs(db: Knex, ids: SourceIds): Promise<void> {
  const at = new Date('2026-12-01T09:00:00Z');
  await insertStepLog(db, {
    processableType: 'QuoteCheck',
    processableId: ids.check1,
    step: 'extract',
    outcome: 'done',
    version: 'naive-1',
    startedAt: at,
    finishedAt: new Date(at.getTime() + 42),
    attempt: 1,
    workerId: 'poste-de-jeanne-martin:123:abcd',
  });
  const rge = {
    siret: '12345678900012',
    rge: 'E-E123456',
    date: '2026-11-01',
    geste_types: ['pac_air_eau', 'Jean Dupont'],
    user_agent: 'Mozilla/5.0 (Windows NT 10.0) Jeanne',
    referer: 'https://partenaire.example/dossiers/martin',
  };
  await db('processing_logs').insert([
    {
      tags: ['rge_validation', 'success', 'Jean Dupont'],
      input_parameters: json(rge),
      output_result: json({
        results: [
          {
            nom_entreprise: 'Dupont Chauffage',
            email: 'contact@dupont-chauffage.fr',
            telephone: '+33 6 11 22 33 44',
            adresse: '3 avenue Victor Hugo',
          },
        ],
        valid: true,
      }),
      started_at: at,
      finished_at: at,
    },
    {
      tags: ['rge_validation', 'error'],
      input_parameters: json(rge),
      output_result: json({
        error: 'SIRET 123 456 789 00012 inconnu (Jean Dupont)',
        error_code: 'rge_not_found',
      }),
      started_at: at,
    },
    {
      processable_type: 'QuoteFile',
      processable_id: randomUUID(),
      tags: ['MdsoOcr', 'MdsoOcr/Ocr', 'MdsoOcr/Ocr/nanonets'],
      input_parameters: json({ filename: 'devis-jeanne-martin.pdf' }),
      output_result: json({ text: PRIVATE_TEXT, outcome: 'Jeanne Martin' }),
      started_at: at,
    },
  ]);
}

export async function seedMails(db: Knex, ids: SourceIds): Promise<void> {
  const unique = randomUUID(); // the fixtures can be seeded twice
  const [inbound] = (await db('inbound_emails')
    .insert([
      {
        channel: 'smtp',
        raw: Buffer.from(
          `From: jeanne.martin@orange.fr\r\nSubject: ${PRIVATE_TEXT}\r\n\r\nBonjour`,
        ),
        message_id: '<devis-jeanne@orange.fr>',
        checksum: unique,
        status: 'processed',
        sender: 'jeanne.martin@orange.fr',
        envelope_from: 'jeanne.martin@orange.fr',
        envelope_recipients: ['devis@mail.mdso.local'],
        normalised_subject: 'devis jeanne martin 12 rue des lilas',
        case_id: ids.case1,
        has_references: false,
        parts: json([
          { filename: 'devis-jeanne-martin.pdf', outcome: 'quote', check_id: ids.check1 },
          {
            filename: 'photo-maison-12-rue-des-lilas.heic',
            outcome: 'not_checked',
            reason: 'heic_unsupported',
            reason_text: 'La photo de Jeanne Martin n’est pas lue',
          },
        ]),
        replies: json([{ kind: 'mail', request: { to: 'jeanne.martin@orange.fr' } }]),
      },
      {
        channel: 'brevo',
        provider_uuid: `brevo-${unique}`,
        webhook: json({
          From: { Address: 'kevin.lefevre@lefevre-renovation.fr' },
          Subject: 'Devis Kévin',
        }),
        status: 'failed',
        error_code: 'download_failed',
      },
    ])
    .returning('id')) as { id: string }[];
  await db('outbound_emails').insert([
    {
      template: 'results_available',
      message_id: `<report-${unique}@mdso.local>`,
      dedupe_key: `report:${unique}`,
      case_id: ids.case1,
      inbound_email_id: inbound?.id,
      recipient: 'jeanne.martin@orange.fr',
      transport: 'outbox',
      status: 'sent',
      sent_at: new Date('2026-12-01T09:01:00Z'),
      provider_id: 'brevo-<jeanne.martin@orange.fr>',
    },
    {
      template: 'quote_check_created',
      message_id: `<ack-${unique}@mdso.local>`,
      check_id: ids.check2,
      recipient: 'kevin.lefevre@lefevre-renovation.fr',
      transport: 'smtp',
      status: 'pending',
      last_error: 'SMTP 550 mailbox kevin.lefevre@lefevre-renovation.fr unavailable',
      payload: json({ to: 'kevin.lefevre@lefevre-renovation.fr', subject: 'Devis Kévin' }),
    },
  ]);
}
