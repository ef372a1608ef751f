/**
 * Every string inside plain objects and arrays, at any depth, passed through one function: the
 * mails' typography (mail/template-context.ts) and the text PostgreSQL can store
 * (db/storable-text.ts) both need it. Anything that is not a plain object, an array or a string
 * (Buffer, Date, streams) is kept as it is, by reference.
 */
export function mapStringsDeep<T>(
  value: T,
  fix: (s: string) => string,
  options: { keys?: boolean } = {},
): T {
  if (typeof value === 'string') return fix(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStringsDeep(v, fix, options)) as T;
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      options.keys ? fix(k) : k,
      mapStringsDeep(v as unknown, fix, options),
    ]),
  ) as T;
}
