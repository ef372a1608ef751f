/**
 * Feedback on a quote check (table `quote_check_feedbacks`, spec/api.md §5.14–5.15): a global
 * one (rating, optional e-mail and comment) or one about a finding (its error-detail id and a
 * comment).
 */
import type { Knex } from 'knex';

export interface NewFeedback {
  quoteCheckId: string;
  validationErrorDetailsId?: string | null;
  rating?: number | null;
  email?: string | null;
  comment?: string | null;
}

export interface Feedback {
  id: string;
  quoteCheckId: string;
  validationErrorDetailsId: string | null;
  rating: number | null;
  email: string | null;
  comment: string | null;
}

export async function createFeedback(db: Knex, feedback: NewFeedback): Promise<Feedback> {
  const [row] = (await db('quote_check_feedbacks')
    .insert({
      quote_check_id: feedback.quoteCheckId,
      validation_error_details_id: feedback.validationErrorDetailsId ?? null,
      rating: feedback.rating ?? null,
      email: feedback.email ?? null,
      comment: feedback.comment ?? null,
    })
    .returning([
      'id',
      'quote_check_id',
      'validation_error_details_id',
      'rating',
      'email',
      'comment',
    ])) as {
    id: string;
    quote_check_id: string;
    validation_error_details_id: string | null;
    rating: number | null;
    email: string | null;
    comment: string | null;
  }[];
  if (!row) throw new Error('quote_check_feedbacks: insert returned nothing');
  return {
    id: row.id,
    quoteCheckId: row.quote_check_id,
    validationErrorDetailsId: row.validation_error_details_id,
    rating: row.rating,
    email: row.email,
    comment: row.comment,
  };
}
