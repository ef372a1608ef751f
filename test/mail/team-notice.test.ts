/**
 * The team's notice of each new quote check (spec/email.md §5.1): through the composition root
 * and the real pipeline, one mail per address of QUOTE_CHECK_EMAIL_RECIPIENTS, once per check,
 * linking to the result; nothing when the setting is empty.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { createDeps } from '../../src/deps.js';
import { createSilentLogger } from '../../src/logger.js';
import { buildNewCheckNotice } from '../../src/mail/team-mail.js';
import { processChecksUntilFinal } from '../../src/pipeline/process-checks.js';
import { runClaimedCheck } from '../../src/pipeline/runner.js';
import { submitFiles } from '../../src/pipeline/submit-files.js';
import { getQuoteCheck } from '../../src/db/quote-checks-repo.js';
import { createTestOutbox, header, type Outbox } from '../support/mail-deps.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

const QUOTE = new TextEncoder().encode(
  'DEVIS n° 2026-7\nSARL Exemple, SIRET 123 456 789 00012\nIsolation des combles, 2 500,00 € HT\n',
);

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

async function depsWith(recipients: string) {
  const config = loadConfig({
    DATABASE_URL: database.url,
    ADEME_API_BASE_URL: '',
    SIRENE_API_BASE_URL: '',
    MAIL_TRANSPORT: 'outbox',
    OUTBOX_DIR: outbox.dir,
    APPLICATION_HOST: 'https://mdso.test',
    QUOTE_CHECK_EMAIL_RECIPIENTS: recipients,
  });
  const deps = await createDeps(config, { logger: createSilentLogger(), migrate: false });
  return { ...deps, workerId: 'notice-test' };
}

describe('team notice of a new quote check', () => {
  it('sends one mail per team address when a worker takes the check, once', async () => {
    const deps = await depsWith('equipe@mdso.test, suivi@mdso.test');
    try {
      const before = (await outbox.files()).length;
      const { checks } = await submitFiles(deps.db, [{ filename: 'devis.txt', bytes: QUOTE }], {
        profile: 'artisan',
        sourceName: 'partenaire',
      });
      const id = checks[0]!.id;
      await processChecksUntilFinal(deps, [id], { timeoutMs: 30_000 });
      const mails = (await outbox.mails()).slice(before);
      const notices = mails.filter((m) => header(m, 'x-mdso-template') === 'team_new_quote_check');
      expect(notices.map((m) => header(m, 'to')).sort()).toEqual([
        'equipe@mdso.test',
        'suivi@mdso.test',
      ]);
      const check = await getQuoteCheck(deps.db, id);
      for (const mail of notices) {
        expect(mail.subject).toBe(`[Mon Devis Sans Oublis] Nouveau devis soumis : ${id}`);
        expect(mail.text).toContain('source « partenaire »');
        expect(mail.text).toContain(`https://mdso.test/resultats/${check!.resultToken}`);
        expect(header(mail, 'auto-submitted')).toBe('auto-generated');
      }
      // taken again at its first stage (a crash before the first step): no second notice
      await runClaimedCheck({ ...check!, stage: 'received' }, deps).catch(() => undefined);
      const again = (await outbox.mails()).slice(before);
      expect(
        again.filter((m) => header(m, 'x-mdso-template') === 'team_new_quote_check'),
      ).toHaveLength(2);
    } finally {
      await deps.close();
    }
  }, 60_000);

  it('sends nothing when no team address is set', async () => {
    const deps = await depsWith('');
    try {
      const before = (await outbox.files()).length;
      const { checks } = await submitFiles(deps.db, [{ filename: 'devis.txt', bytes: QUOTE }], {
        profile: 'artisan',
        sourceName: 'email',
      });
      await processChecksUntilFinal(deps, [checks[0]!.id], { timeoutMs: 30_000 });
      const mails = (await outbox.mails()).slice(before);
      expect(mails.filter((m) => header(m, 'x-mdso-template') === 'team_new_quote_check')).toEqual(
        [],
      );
    } finally {
      await deps.close();
    }
  }, 60_000);

  it('links to the frontend with the team campaign when one is deployed', () => {
    const notice = buildNewCheckNotice(
      { id: 'c1', resultToken: 't', profile: 'email', sourceName: 'email' },
      { frontendHost: 'https://front.example/', applicationHost: 'https://mdso.test' },
    );
    expect(notice.text).toContain(
      'https://front.example/conseiller/devis/c1?mtm_campaign=mail_admin',
    );
    expect(notice.text).toContain('reçu par e-mail');
    expect(notice.html).toContain(
      'href="https://front.example/conseiller/devis/c1?mtm_campaign=mail_admin"',
    );
  });
});
