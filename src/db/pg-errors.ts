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

/** Network failures of a connection, by their Node error code. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

/** What went wrong with a database, in French, for an operator (export failures, CLI lines). */
export function describeDatabaseFailure(err: unknown): string {
  const code = sqlState(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code && UNREACHABLE.has(code)) return 'base de données injoignable';
  if (
    code === 'ECONNRESET' ||
    /connection terminated|connection ended|not queryable/iu.test(message)
  ) {
    return 'connexion à la base de données coupée';
  }
  switch (code) {
    case '57P01':
    case '57P02':
    case '57P03':
      return 'connexion coupée par le serveur PostgreSQL';
    case '28P01':
    case '28000':
      return 'identifiants refusés par la base de données';
    case '3D000':
      return 'base de données inexistante';
    case '42501':
      return 'droits insuffisants sur la base de données';
    case '42704':
      return 'objet inexistant (rôle ou type inconnu)';
    case '55P03':
      return 'verrou non obtenu à temps (requêtes encore en cours sur l’export précédent ?)';
    case '53100':
      return 'disque plein sur le serveur de base de données';
    case '57014':
      return 'requête annulée (délai dépassé ou annulation)';
    default:
      return code ? `erreur de la base de données (code ${code})` : 'erreur technique';
  }
}
