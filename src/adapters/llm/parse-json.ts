/**
 * Finds and parses the JSON object of an LLM answer (spec/pipeline.md §9, "Response parsing"):
 * a ```jsx block (bare keys quoted), else a ```json block, else the outermost `{…}`; a bare
 * dotted `version` number is quoted; NUL bytes are removed on a failed parse. Empty or
 * whitespace-only strings and empty lists become null; `false` is kept.
 */
export type JsonObject = Record<string, unknown>;

export type ParsedAnswer = { ok: true; value: JsonObject } | { ok: false; reason: string };

function outermostObject(text: string): string | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? text.slice(start, end + 1) : undefined;
}

function quoteBareKeys(text: string): string {
  return text.replace(/([{,]\s*)([A-Za-z_][\w-]*)\s*:/gu, '$1"$2":');
}

function candidate(content: string): string | undefined {
  if (/```jsx/iu.test(content)) {
    const object = outermostObject(content);
    return object === undefined ? undefined : quoteBareKeys(object);
  }
  const fenced = /```json\s*([\s\S]*?)```/iu.exec(content)?.[1];
  return outermostObject(fenced ?? content);
}

/** Empty strings and empty lists become null, recursively. */
export function blankToNull(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map(blankToNull);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blankToNull(v)]));
  }
  return value;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function parseJsonAnswer(content: string | null | undefined): ParsedAnswer {
  if (!content || content.trim() === '') return { ok: false, reason: 'réponse vide' };
  const raw = candidate(content);
  if (raw === undefined) return { ok: false, reason: 'aucun objet JSON dans la réponse' };
  const text = raw.replace(/("version"\s*:\s*)(\d+(?:\.\d+)+)/u, '$1"$2"');
  let parsed = tryParse(text);
  if (parsed === undefined && text.includes('\0')) parsed = tryParse(text.replace(/\0/gu, ''));
  if (parsed === undefined) return { ok: false, reason: 'JSON invalide' };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'un objet JSON est attendu' };
  }
  if (Object.keys(parsed).length === 0) return { ok: false, reason: 'objet JSON vide' };
  return { ok: true, value: blankToNull(parsed) as JsonObject };
}
