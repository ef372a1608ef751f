/**
 * Fuzz suite, mails (issue 9, item 5): a few hundred seeded mutated mails through the real
 * service process, by its SMTP listener and its Brevo webhook. Every mail must be accepted and
 * end with a final status, every quote it brought must end final with a French finding, the
 * service must log no error and stay under 400 MB (its children too). `MDSO_FUZZ_SEED=<seed>`
 * replays another run; failures name the seed and the mail (`#<index> <choices>`).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  describeFailures,
  inspectCheck,
  inspectInbound,
  type CheckSummary,
} from './fuzz-expectations.js';
import { buildFuzzMails } from './fuzz-mails.js';
import { fuzzSeed } from './fuzz-seed.js';
import { startFuzzService, type FuzzService } from './fuzz-service.js';
import { buildWebhookPayloads } from './fuzz-webhook.js';

const SMTP_MAILS = 200;
const WEBHOOK_PAYLOADS = 100;
const MAX_RSS_KB = 400 * 1024;

let service: FuzzService;
const failures = new Map<string, string[]>();
const fail = (input: string, problem: string): void => {
  failures.set(input, [...(failures.get(input) ?? []), problem]);
};
/** Inbound mail id → the fuzz mail that made it. */
const mailOf = new Map<string, string>();

beforeAll(async () => {
  service = await startFuzzService();
}, 60_000);

afterAll(async () => {
  await service?.stop();
});

describe(`fuzz: mails (seed ${fuzzSeed()})`, () => {
  it(`accepts ${SMTP_MAILS} mutated mails by SMTP`, async () => {
    const mails = buildFuzzMails(SMTP_MAILS, 'smtp');
    for (const mail of mails) {
      const { code, response } = await service.sendSmtp(mail.raw, mail.from);
      const id = /Message reçu (\S+)/u.exec(response)?.[1];
      if (code !== 250 || !id) fail(`smtp ${mail.name}`, `SMTP answered ${code} ${response}`);
      else mailOf.set(id, `smtp ${mail.name}`);
    }
    expect(describeFailures(fuzzSeed(), failures)).toBe(describeFailures(fuzzSeed(), new Map()));
  }, 120_000);

  it(`accepts ${WEBHOOK_PAYLOADS} mutated Brevo payloads`, async () => {
    for (const payload of buildWebhookPayloads(WEBHOOK_PAYLOADS, service.attachments)) {
      const { status, text } = await service.postWebhook(payload.body);
      const answer = status === 200 ? (JSON.parse(text) as Record<string, unknown>) : {};
      const invalid = Array.isArray(answer['invalid']) ? answer['invalid'].length : 0;
      const counted = Number(answer['received'] ?? 0) + Number(answer['duplicates'] ?? 0) + invalid;
      if (status !== 200)
        fail(`webhook ${payload.name}`, `answered ${status} ${text.slice(0, 200)}`);
      else if (counted !== payload.items) fail(`webhook ${payload.name}`, `items lost: ${text}`);
    }
    const stored = (await service.database
      .knex('inbound_emails')
      .where({ channel: 'brevo' })
      .select('id', 'provider_uuid')) as { id: string; provider_uuid: string }[];
    for (const row of stored) mailOf.set(row.id, `webhook item ${row.provider_uuid}`);
    expect(describeFailures(fuzzSeed(), failures)).toBe(describeFailures(fuzzSeed(), new Map()));
  }, 120_000);

  it('ends every mail and every quote it brought with a status and a French finding', async () => {
    const pending = await service.waitIdle(150_000);
    for (const id of pending.inbound) fail(mailOf.get(id) ?? `mail ${id}`, 'still not processed');
    const summaries: CheckSummary[] = [];
    for (const [id, input] of mailOf) {
      const inbound = await inspectInbound(service.database.knex, id);
      for (const problem of inbound.problems) fail(input, problem);
      for (const checkId of inbound.checkIds) {
        const { problems, summary } = await inspectCheck(service.database.knex, checkId);
        summaries.push(summary);
        for (const problem of problems) fail(`${input} → check ${checkId}`, problem);
      }
    }
    for (const line of service.errorLogs) fail('service log', line);
    const slowest = Math.max(0, ...summaries.map((s) => s.processingMs));
    console.log(
      `fuzz mails (seed ${fuzzSeed()}): ${mailOf.size} mails, ${summaries.length} quote checks, ` +
        `slowest check ${slowest} ms, peak RSS ${JSON.stringify(service.peak())}`,
    );
    expect(describeFailures(fuzzSeed(), failures)).toBe(describeFailures(fuzzSeed(), new Map()));
  }, 200_000);

  it('keeps the service and its children under 400 MB, and stops cleanly', async () => {
    const { peak, exitCode } = await service.stop();
    expect(peak.processKb).toBeLessThanOrEqual(MAX_RSS_KB);
    expect(peak.childKb).toBeLessThanOrEqual(MAX_RSS_KB);
    expect(exitCode).toBe(0);
  }, 60_000);
});
