import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAdemeClient } from '../../src/adapters/ademe.js';
import { createLlmClient } from '../../src/adapters/llm/llm-client.js';
import { buildLlmProviders } from '../../src/adapters/llm/providers.js';
import { createClamavClient } from '../../src/adapters/clamav.js';
import { listStepLogs } from '../../src/db/processing-logs-repo.js';
import {
  claimDueChecks,
  getQuoteCheck,
  resetForRecheck,
  writeStep,
} from '../../src/db/quote-checks-repo.js';
import { getQuotesCase } from '../../src/db/quotes-cases-repo.js';
import { serializeQuoteCheck } from '../../src/api/serializers/quote-check.js';
import { createSilentLogger } from '../../src/logger.js';
import { closeTimedOutChecks } from '../../src/pipeline/close-stale-checks.js';
import { processChecksUntilFinal } from '../../src/pipeline/process-checks.js';
import { runClaimedCheck, type RunnerDeps } from '../../src/pipeline/runner.js';
import { publicStatus } from '../../src/pipeline/stages.js';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import { EICAR, startFakeClamd } from '../support/fake-clamd.js';
import { startFakeHttp } from '../support/fake-http.js';
import { closeTestReader, runnerDeps } from '../support/runner-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;
let dev02: Uint8Array;

/** A plain-text quote with a valid SIRET, so the enrich step has something to look up. */
const TEXT_QUOTE = [
  'DEVIS N° T-2026-001 du 02/11/2026',
  'ISOLATIONS DU TEST SARL au capital de 10 000 €',
  'SIRET 811 766 179 00014 - RCS Lyon 811 766 179',
  'Client : Mme Jeanne Exemple, 3 rue des Essais, 69001 Lyon',
  '1  Isolation des combles perdus laine soufflée R = 7 m².K/W  80 m²  2 400,00 €',
  'Total HT 2 400,00 €  TVA 5,5 %  Total TTC 2 532,00 €',
].join('\n');

async function submitOne(bytes: Uint8Array, filename: string, deps: RunnerDeps): Promise<string> {
  const { checks } = await submitFiles(database.knex, [{ filename, bytes }], {
    profile: 'artisan',
  });
  const id = checks[0]?.id ?? '';
  await processChecksUntilFinal(deps, [id], { timeoutMs: 30_000, pollMs: 5 });
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dev02 = new Uint8Array(await readFile(new URL('../fixtures/files/dev-02.pdf', import.meta.url)));
});

afterAll(async () => {
  await closeTestReader();
  await database.drop();
});

describe('the runner', () => {
  it('takes a quote through every step to a final result, each step logged once', async () => {
    const id = await submitOne(dev02, 'dev-02.pdf', runnerDeps(database));
    const check = await getQuoteCheck(database.knex, id);
    expect(check?.stage).toBe('final');
    expect(check?.finishedAt).not.toBeNull();
    expect(publicStatus(check!)).toBe('invalid');
    expect(check?.validation?.errors).toEqual(
      expect.arrayContaining(['chauffage_etas_manquant', 'pac_regime_temperature_manquant']),
    );
    const logs = await listStepLogs(database.knex, id);
    expect(logs.map((l) => l.step)).toEqual([
      'scan',
      'read',
      'extract',
      'private_llm',
      'enrich',
      'anonymise',
      'works_llm',
      'merge',
      'validate',
      'finalise',
    ]);
    // no ClamAV, no LLM, no SIRET to look up: those steps say they were skipped
    expect(logs.filter((l) => l.outcome === 'skipped').map((l) => l.step)).toEqual([
      'scan',
      'private_llm',
      'enrich',
      'works_llm',
    ]);
    expect(logs.find((l) => l.step === 'extract')?.version).toBeTruthy();
  });

  it('stores the à vérifier list: a mention seen but not read is no finding (DESIGN §5)', async () => {
    const text = `${TEXT_QUOTE}\nAssurance décennale : voir l’attestation jointe au présent devis`;
    const id = await submitOne(
      Buffer.from(text, 'utf8'),
      'devis-assurance.txt',
      runnerDeps(database),
    );
    const check = await getQuoteCheck(database.knex, id);
    expect(check?.stage).toBe('final');
    expect(check?.validation?.errors).not.toContain('pro_assurance_manquant');
    expect(check?.validation?.toVerify).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'pro_assurance_manquant',
          label: "l'assurance professionnelle (décennale)",
        }),
      ]),
    );
    // the API representation (and `mdso show --json`) carries it as the extra key a_verifier
    const json = serializeQuoteCheck(check!, {}, { applicationHost: 'http://localhost:3000' });
    expect(json.a_verifier).toEqual(check?.validation?.toVerify);
    const bare = await submitOne(
      Buffer.from(TEXT_QUOTE, 'utf8'),
      'devis-nu.txt',
      runnerDeps(database),
    );
    const without = await getQuoteCheck(database.knex, bare);
    expect(without?.validation?.errors).toContain('pro_assurance_manquant');
  });

  it('resumes a check at the step that did not finish when its lease expired', async () => {
    const { checks } = await submitFiles(database.knex, [{ filename: 'a.pdf', bytes: dev02 }], {
      profile: 'artisan',
    });
    const id = checks[0]!.id;
    // worker A claims it, completes scan and read, then dies (its lease is short)
    const deadWorker = runnerDeps(database, { workerId: 'dead', leaseMs: 50 });
    const [claimed] = await claimDueChecks(database.knex, {
      workerId: 'dead',
      limit: 1,
      leaseMs: 50,
      ids: [id],
    });
    expect(claimed).toBeDefined();
    await writeStep(database.knex, {
      id,
      workerId: 'dead',
      leaseMs: 50,
      stage: 'scanned',
      patch: {},
    });
    // while the lease runs, nobody else may take it
    expect(
      await claimDueChecks(database.knex, { workerId: 'b', limit: 5, leaseMs: 1000, ids: [id] }),
    ).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 80));
    const [retaken] = await claimDueChecks(database.knex, {
      workerId: 'b',
      limit: 5,
      leaseMs: 30_000,
      ids: [id],
    });
    expect(retaken?.stage).toBe('scanned');
    expect(await runClaimedCheck(retaken!, runnerDeps(database, { workerId: 'b' }))).toBe('final');
    // the dead worker's late write is refused: its lease is gone
    expect(await writeStep(database.knex, { ...deadWorker, id, stage: 'read', patch: {} })).toBe(
      false,
    );
    const steps = (await listStepLogs(database.knex, id)).map((l) => l.step);
    expect(steps[0]).toBe('read'); // resumed after scan, which the dead worker had persisted
    expect(steps.filter((s) => s === 'finalise')).toHaveLength(1);
  });

  it('retries a failing LLM, then gives up with llm_error and keeps the deterministic reading', async () => {
    const llm = await startFakeHttp({
      'POST /v1/chat/completions': { status: 503, body: { error: 'overloaded' } },
      'GET /v1/models': { status: 503, body: {} },
    });
    try {
      const provider = buildLlmProviders({
        OLLAMA_BASE_URL: llm.url,
        OLLAMA_MODEL: 'm',
        ALBERT_MODEL: 'a',
        MISTRAL_MODEL: 'm',
        OPENAI_MODEL: 'o',
      } as never).ollama!;
      const client = createLlmClient({
        provider,
        timeoutMs: 2000,
        maxRetries: 0,
        logger: createSilentLogger(),
      });
      const deps = runnerDeps(database, { llm: { privateData: client }, maxAttempts: 3 });
      const id = await submitOne(dev02, 'llm.pdf', deps);
      const check = await getQuoteCheck(database.knex, id);
      expect(check?.stage).toBe('final');
      expect(check?.validation?.errors).toContain('llm_error');
      // the deterministic reading still judged the quote
      expect(check?.validation?.errors).toContain('chauffage_etas_manquant');
      const outcomes = (await listStepLogs(database.knex, id))
        .filter((l) => l.step === 'private_llm')
        .map((l) => l.outcome);
      expect(outcomes).toEqual(['retry', 'retry', 'gave_up']);
      expect(llm.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(3);
    } finally {
      await llm.close();
    }
  });

  it('looks the company up once, through the cache; an outage leaves RGE "not verified"', async () => {
    const ademe = await startFakeHttp({
      'GET /datasets/historique-rge/lines': {
        body: {
          results: [
            {
              _id: 'Q1',
              siret: '81176617900014',
              domaine: 'Isolation des combles perdus',
              date_debut: '2025-01-01',
              date_fin: '2027-12-31',
              nom_certificat: 'Qualibat-RGE',
            },
          ],
        },
      },
    });
    try {
      const client = createAdemeClient({
        baseUrl: `${ademe.url}/datasets`,
        timeoutMs: 2000,
        logger: createSilentLogger(),
        retries: 0,
      });
      const deps = runnerDeps(database, { ademe: client });
      const bytes = new TextEncoder().encode(TEXT_QUOTE);
      const first = await submitOne(bytes, 'un.txt', deps);
      const second = await submitOne(new TextEncoder().encode(`${TEXT_QUOTE}\n`), 'deux.txt', deps);
      expect(ademe.requests).toHaveLength(1);
      for (const id of [first, second]) {
        const check = await getQuoteCheck(database.knex, id);
        expect(check?.enrichment?.rge?.qualifications).toHaveLength(1);
        expect(check?.enrichment?.unavailable).toBeUndefined();
      }
    } finally {
      await ademe.close();
    }
    // a registry that does not answer: the check is judged all the same, RGE not verified
    await database.knex('lookup_cache').delete();
    const down = createAdemeClient({
      baseUrl: 'http://127.0.0.1:9/datasets',
      timeoutMs: 500,
      logger: createSilentLogger(),
      retries: 0,
    });
    const id = await submitOne(
      new TextEncoder().encode(`${TEXT_QUOTE}\n\n`),
      'trois.txt',
      runnerDeps(database, { ademe: down }),
    );
    const check = await getQuoteCheck(database.knex, id);
    expect(check?.stage).toBe('final');
    expect(check?.enrichment?.unavailable).toEqual(['ademe']);
    expect(check?.validation?.errors).not.toContain('geste_rge_non_correspondant');
  });

  it('stops an infected file before anything reads it', async () => {
    const clamd = await startFakeClamd();
    try {
      const clamav = createClamavClient({
        host: '127.0.0.1',
        port: clamd.port,
        timeoutMs: 2000,
        logger: createSilentLogger(),
      });
      const id = await submitOne(
        new TextEncoder().encode(`${TEXT_QUOTE}\n${EICAR}\n`),
        'virus.txt',
        runnerDeps(database, { clamav }),
      );
      const check = await getQuoteCheck(database.knex, id);
      expect(check?.reading?.kind).toBe('infected');
      expect(check?.text).toBeNull();
      expect(check?.document).toBeNull();
      expect(check?.validation?.errors).toEqual(['file_reading_error']);
      expect(check?.validation?.errorDetails[0]?.problem).toMatch(/antivirus/u);
    } finally {
      await clamd.close();
    }
  });
});

describe('first final result wins', () => {
  it('a worker finishing a check the timeout job closed discards its result', async () => {
    const { checks } = await submitFiles(database.knex, [{ filename: 'slow.pdf', bytes: dev02 }], {
      profile: 'artisan',
    });
    const id = checks[0]!.id;
    const deps = runnerDeps(database);
    const [claimed] = await claimDueChecks(database.knex, {
      workerId: deps.workerId,
      limit: 1,
      leaseMs: 30_000,
      ids: [id],
    });
    await database
      .knex('quote_checks')
      .where({ id })
      .update({ started_at: new Date(0) });
    const closed = await closeTimedOutChecks(
      { db: database.knex, logger: createSilentLogger(), workerId: 'timeout' },
      { olderThanMinutes: 15 },
    );
    expect(closed).toContain(id);
    expect(await runClaimedCheck(claimed!, deps)).toBe('lease_lost');
    const check = await getQuoteCheck(database.knex, id);
    expect(check?.validation?.errors).toEqual(['server_timeout_error']);
    const logs = await listStepLogs(database.knex, id);
    expect(logs.some((l) => l.step === 'finalise')).toBe(false);
  });
});

describe('cases', () => {
  it('are validated once the last of their checks is final, and only then', async () => {
    const text = new TextEncoder().encode(TEXT_QUOTE);
    const other = new TextEncoder().encode(TEXT_QUOTE.replace('Jeanne', 'Paule'));
    const { caseId, checks } = await submitFiles(
      database.knex,
      [
        { filename: 'a.txt', bytes: text },
        { filename: 'b.txt', bytes: other },
      ],
      { profile: 'conseiller' },
    );
    const deps = runnerDeps(database);
    await processChecksUntilFinal(deps, [checks[0]!.id], { timeoutMs: 30_000, pollMs: 5 });
    expect((await getQuotesCase(database.knex, caseId!))?.finishedAt).toBeNull();
    await processChecksUntilFinal(deps, [checks[1]!.id], { timeoutMs: 30_000, pollMs: 5 });
    const quotesCase = await getQuotesCase(database.knex, caseId!);
    expect(quotesCase?.finishedAt).not.toBeNull();
    expect(quotesCase?.renovationType).toBe('ampleur');
    expect(quotesCase?.validation?.errors).toContain('client_prenom_incoherent');
    const logs = await listStepLogs(database.knex, caseId!);
    expect(logs.map((l) => l.step)).toEqual(['validate_case']);
  });
});

describe('re-check', () => {
  it('keeps the human edits of findings that still exist, drops the others', async () => {
    const id = await submitOne(dev02, 'edit.pdf', runnerDeps(database));
    const before = await getQuoteCheck(database.knex, id);
    const etas = before!.validation!.errorDetails.find(
      (d) => d.code === 'chauffage_etas_manquant',
    )!;
    const edits = {
      [etas.id]: { comment: 'ETAS fourni à part', commented_at: '2026-11-24T10:00:00Z' },
      [`${id}-99`]: { deleted: true, reason: 'ne_correspond_pas' },
    };
    await database
      .knex('quote_checks')
      .where({ id })
      .update({
        validation_error_edits: JSON.stringify(edits),
      });
    expect(await resetForRecheck(database.knex, id)).toBe(true);
    expect(await resetForRecheck(database.knex, id)).toBe(false); // one run at a time
    await processChecksUntilFinal(runnerDeps(database), [id], { timeoutMs: 30_000, pollMs: 5 });
    const after = await getQuoteCheck(database.knex, id);
    expect(after?.stage).toBe('final');
    expect(after?.validationErrorEdits).toEqual({ [etas.id]: edits[etas.id] });
  });
});
