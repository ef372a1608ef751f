/**
 * Mail threads → QuotesCases (DESIGN.md §3, stack-and-pitfalls.md §B.5): the lookups of each
 * thread key against the case tokens, the Message-IDs we received and sent, Outlook's
 * conversation and the sender's recent subjects; and the per-sender quota count.
 */
import type { Knex } from 'knex';

/** The case whose mail token is `token` (tokens are lower-case; clients may change the case). */
export async function caseIdByMailToken(db: Knex, token: string): Promise<string | undefined> {
  const row = (await db('quotes_cases').where({ mail_token: token.toLowerCase() }).first('id')) as
    { id: string } | undefined;
  return row?.id;
}

/**
 * The case of the first Message-ID of `ids` (most relevant first) that we received or sent as
 * part of a case.
 */
export async function caseIdByMessageIds(
  db: Knex,
  ids: readonly string[],
): Promise<string | undefined> {
  if (ids.length === 0) return undefined;
  const rows = (await db
    .select('message_id', 'case_id')
    .from('inbound_emails')
    .whereIn('message_id', ids)
    .whereNotNull('case_id')
    .unionAll((q) =>
      q
        .select('message_id', 'case_id')
        .from('outbound_emails')
        .whereIn('message_id', ids)
        .whereNotNull('case_id'),
    )
    // Brevo sends our reports under its own Message-ID: replies may cite that one.
    .unionAll((q) =>
      q
        .select(db.raw('lower(provider_id) AS message_id'), 'case_id')
        .from('outbound_emails')
        .whereRaw('lower(provider_id) = ANY(?)', [ids.map((id) => id.toLowerCase())])
        .whereNotNull('case_id'),
    )) as { message_id: string; case_id: string }[];
  const byId = new Map<string, string>();
  for (const row of rows) {
    const key = row.message_id.toLowerCase();
    if (!byId.has(key)) byId.set(key, row.case_id);
  }
  for (const id of ids) {
    const caseId = byId.get(id.toLowerCase());
    if (caseId) return caseId;
  }
  return undefined;
}

/** The case of the latest mail of the same Outlook conversation. */
export async function caseIdByThreadIndexRoot(db: Knex, root: string): Promise<string | undefined> {
  const row = (await db('inbound_emails')
    .where({ thread_index_root: root })
    .whereNotNull('case_id')
    .orderBy([
      { column: 'received_at', order: 'desc' },
      { column: 'seq', order: 'desc' },
    ])
    .first('case_id')) as { case_id: string } | undefined;
  return row?.case_id;
}

/** The case of the sender's latest mail with the same normalised subject within `days`. */
export async function caseIdBySenderSubject(
  db: Knex,
  query: { sender: string; normalisedSubject: string; days: number },
): Promise<string | undefined> {
  if (!query.sender || !query.normalisedSubject) return undefined;
  const row = (await db('inbound_emails')
    .where({ sender: query.sender, normalised_subject: query.normalisedSubject })
    .whereNotNull('case_id')
    .where('received_at', '>', db.raw('now() - ?::interval', [`${query.days} days`]))
    .orderBy([
      { column: 'received_at', order: 'desc' },
      { column: 'seq', order: 'desc' },
    ])
    .first('case_id')) as { case_id: string } | undefined;
  return row?.case_id;
}

export async function caseMailToken(db: Knex, caseId: string): Promise<string | undefined> {
  const row = (await db('quotes_cases').where({ id: caseId }).first('mail_token')) as
    { mail_token: string | null } | undefined;
  return row?.mail_token ?? undefined;
}

export async function countCaseChecks(db: Knex, caseId: string): Promise<number> {
  const row = (await db('quote_checks')
    .where({ case_id: caseId })
    .first(db.raw('count(*)::int AS n'))) as { n: number } | undefined;
  return row?.n ?? 0;
}

/** The inbound address of the case and its checks (`email_to`, kept in clear as upstream). */
export async function setEmailTo(
  db: Knex,
  target: { caseId: string; checkIds: readonly string[] },
  emailTo: string,
): Promise<void> {
  await db('quotes_cases').where({ id: target.caseId }).whereNull('email_to').update({
    email_to: emailTo,
  });
  if (target.checkIds.length > 0) {
    await db('quote_checks').whereIn('id', target.checkIds).update({ email_to: emailTo });
  }
}

/** Quote checks submitted by `email` over the last `hours` (the per-sender quota). */
export async function countRecentChecksBySender(
  db: Knex,
  email: string,
  hours: number,
): Promise<number> {
  const row = (await db('quote_checks')
    .whereRaw('lower(email) = ?', [email.toLowerCase()])
    .where('created_at', '>', db.raw('now() - ?::interval', [`${hours} hours`]))
    .first(db.raw('count(*)::int AS n'))) as { n: number } | undefined;
  return row?.n ?? 0;
}
