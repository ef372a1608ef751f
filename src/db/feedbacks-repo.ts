/** Feedbacks on quote checks (table `quote_check_feedbacks`, spec/domain.md §3.4, §8). */
import type { Knex } from 'knex';

export interface NewFeedback {
  quoteCheckId: string;
  /** A finding of the check: a per-finding feedback; absent for a global one. */
  findingId?: string;
  rating?: number;
  comment?: string;
  email?: string;
}

export async function insertFeedback(db: Knex, feedback: NewFeedback): Promise<string> {
  const [row] = (await db('quote_check_feedbacks')
    .insert({
      quote_check_id: feedback.quoteCheckId,
      validation_error_details_id: feedback.findingId ?? null,
      rating: feedback.rating ?? null,
      comment: feedback.comment ?? null,
      email: feedback.email ?? null,
    })
    .returning('id')) as { id: string }[];
  if (!row) throw new Error('quote_check_feedbacks: insert returned nothing');
  return row.id;
}
