/**
 * A global feedback on a quote check (spec/domain.md §8, spec/api.md §5.14): a rating from 0 to 5,
 * an optional comment (≤ 1000 characters) and an optional contact address. One zod schema with
 * French messages, for the API route and the result page's form alike; blank strings (what an
 * HTML form sends for an empty field) count as absent.
 */
import { z } from 'zod';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const RATING_MESSAGE = 'La note est obligatoire : choisissez une note de 0 à 5.';

export const globalFeedbackSchema = z.object({
  rating: z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      return typeof v === 'string' ? Number(v.trim()) : v;
    },
    z
      .number({ error: RATING_MESSAGE })
      .int({ error: 'La note doit être un nombre entier de 0 à 5.' })
      .min(0, { error: 'La note doit être comprise entre 0 et 5.' })
      .max(5, { error: 'La note doit être comprise entre 0 et 5.' }),
  ),
  comment: z.preprocess(
    blankToUndefined,
    z
      .string({ error: 'Le commentaire doit être un texte.' })
      .max(1000, { error: 'Le commentaire ne doit pas dépasser 1 000 caractères.' })
      .optional(),
  ),
  email: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim()) : value),
    z.email({ error: "L'adresse e-mail n'est pas valide (exemple : nom@domaine.fr)." }).optional(),
  ),
});

export type GlobalFeedback = z.infer<typeof globalFeedbackSchema>;
