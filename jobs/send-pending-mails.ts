/** Retries the mails whose transport failed (outbound_emails rows pending, back-off passed). */
import { runJob } from '../src/job-runtime.js';
import { sendPendingMails } from '../src/mail/send-mail.js';

await runJob('send-pending-mails', async (deps) => ({
  sent: await sendPendingMails(deps, { limit: 50 }),
}));
