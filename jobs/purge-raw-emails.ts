/** Retention: raw mails older than 30 days and expired registry answers are deleted. */
import { runJob } from '../src/job-runtime.js';
import { purgeExpiredLookups } from '../src/db/lookup-cache-repo.js';
import { purgeRawEmails } from '../src/db/retention-repo.js';

export const RAW_EMAIL_RETENTION_DAYS = 30;

await runJob('purge-raw-emails', async (deps) => ({
  rawEmails: await purgeRawEmails(deps.db, RAW_EMAIL_RETENTION_DAYS),
  lookups: await purgeExpiredLookups(deps.db),
}));
