/**
 * Response schemas shared by several route modules (spec/api.md §3.1 error bodies, §6.4
 * option), declared once as named OpenAPI components.
 */
import { z } from '../openapi.js';

export const OptionSchema = z
  .object({
    group: z.string().optional().openapi({ description: "Groupe de l'option, pour l'affichage" }),
    label: z.string().openapi({ description: "Libellé de l'option à afficher" }),
    value: z.string(),
  })
  .openapi('Option', { description: 'Une valeur possible et son libellé en français' });

export const GenericErrorSchema = z
  .object({
    error: z.string().openapi({ description: "Nature de l'erreur", example: 'Bad request' }),
    message: z.array(z.string()).optional().openapi({ description: 'Détail, en français' }),
  })
  .openapi('ApiError', { description: "Corps d'erreur générique" });

export const CodeErrorSchema = z
  .object({
    error_details: z
      .array(z.object({ code: z.string() }))
      .openapi({ description: "Un seul élément : le code de l'erreur" }),
    valid: z.literal(false),
  })
  .openapi('DataCheckError', { description: "Corps d'erreur d'une vérification de données" });

/** `{ content: application/json }` of an OpenAPI response. */
export function json(schema: z.ZodType, description: string) {
  return { description, content: { 'application/json': { schema } } };
}
