/**
 * Text from a mail as PostgreSQL can store and compare it: PostgreSQL text holds no NUL
 * character and its JSON no `\u0000` and no lone surrogate, so one such character in a subject,
 * a file name or a webhook field made every query with it fail (the SMTP sender was told to
 * retry forever, the webhook answered 500 and Brevo dropped the mail). Mail text is cleaned
 * where it enters (inbound/parse-email.ts, inbound/webhook.ts, Message-IDs), and every JSON
 * value on its way to a jsonb column (quote-check-row.ts `jsonb`): NUL removed, lone surrogates
 * replaced by U+FFFD.
 */

import { mapStringsDeep } from '../domain/deep-strings.js';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function storableText(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\ufffd');
}

/** `value` with every string (object keys included) made storable, at any depth. */
export function storableDeep<T>(value: T): T {
  return mapStringsDeep(value, storableText, { keys: true });
}
