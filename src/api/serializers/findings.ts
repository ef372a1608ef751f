/**
 * The findings part of a QuoteCheck or QuotesCase representation (spec/api.md §6.1, §6.3):
 * only findings shown to users (price-plausibility warnings never are), each with its human
 * edit (`deleted`, `comment`), and the French message of each code.
 */
import { isShownToUsers, type ErrorDetail, type ToVerify } from '../../domain/finding.js';
import type { FindingEdits, ValidationOutput } from '../../domain/quote-check.js';

export interface SerializedFindings {
  errors?: string[];
  error_details?: (ErrorDetail & { deleted: boolean; comment?: string })[];
  error_messages?: Record<string, string>;
  /** Mentions seen but not read, for a person to check (DESIGN.md §5): an extra key. */
  a_verifier?: ToVerify[];
  control_codes?: string[];
  controls_count?: number;
}

export function shownDetails(validation: ValidationOutput | null): ErrorDetail[] {
  return (validation?.errorDetails ?? []).filter(isShownToUsers);
}

export function serializeFindings(
  validation: ValidationOutput | null,
  edits: FindingEdits | null,
): SerializedFindings {
  if (!validation) return {};
  const details = shownDetails(validation).map((detail) => {
    const edit = edits?.[detail.id];
    const comment = edit?.comment ?? undefined;
    return { ...detail, deleted: edit?.deleted === true, ...(comment ? { comment } : {}) };
  });
  const messages: Record<string, string> = {};
  for (const detail of details) messages[detail.code] ??= detail.title;
  return {
    errors: details.map((d) => d.code),
    error_details: details,
    error_messages: messages,
    ...(validation.toVerify?.length ? { a_verifier: validation.toVerify } : {}),
    control_codes: validation.controlCodes,
    controls_count: validation.controlsCount,
  };
}

/** JSON output omits null and undefined keys, as the API does (DESIGN.md §10). */
export function withoutNulls<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined),
  ) as T;
}
