/** PostgreSQL SQLSTATE codes we decide on, translated in one place (STYLE.md §7). */

function sqlState(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

/** 23505: a unique index refused a duplicate ("already there"). */
export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === '23505';
}

/** 23503: a foreign key points to nothing. */
export function isForeignKeyViolation(err: unknown): boolean {
  return sqlState(err) === '23503';
}

/** 22P02: a malformed value, e.g. an id that is not a UUID. */
export function isInvalidTextRepresentation(err: unknown): boolean {
  return sqlState(err) === '22P02';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** Ids are UUIDs: anything else cannot exist, and must not reach a uuid column. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
