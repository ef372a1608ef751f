/** The outbound mail templates (DESIGN.md §10): one folder each under `templates/`. */

export const TEMPLATE_NAMES = [
  'quote_check_created',
  'quotes_case_created',
  'quotes_case_updated',
  'results_available',
  'no_attachment',
  'wrong_address',
  'attachment_too_large',
  'unsupported_attachment',
  'quota_exceeded',
  'unreadable_file',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && (TEMPLATE_NAMES as readonly string[]).includes(value);
}
