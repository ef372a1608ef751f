/**
 * Reading header values out of what mailparser and the raw tap give: addresses, Message-IDs,
 * raw single-valued fields. No network, no state.
 */
import type { AddressObject, EmailAddress, HeaderValue, Headers } from 'mailparser';
import type { RawHeaderField } from './raw-checksum.js';
import { storableText } from '../db/storable-text.js';

export interface Mailbox {
  address: string;
  name?: string;
}

function isAddressObject(value: unknown): value is AddressObject {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as AddressObject).value)
  );
}

function flatten(list: EmailAddress[]): EmailAddress[] {
  return list.flatMap((entry) => (entry.group ? flatten(entry.group) : [entry]));
}

/** Every mailbox of an address header (groups flattened), addresses trimmed. */
export function readMailboxes(headers: Headers, name: string): Mailbox[] {
  const value: HeaderValue | undefined = headers.get(name);
  const objects = (Array.isArray(value) ? value : [value]).filter(isAddressObject);
  return objects.flatMap((object) =>
    flatten(object.value)
      .filter((entry) => entry.address && entry.address.includes('@'))
      .map((entry) => {
        const address = (entry.address ?? '').trim();
        return entry.name ? { address, name: entry.name } : { address };
      }),
  );
}

/** `<local@Domain.FR>` → `<local@domain.fr>`: brackets ensured, domain lower-cased. */
export function normaliseMessageId(raw: string): string | undefined {
  const id = storableText(raw)
    .trim()
    .replace(/^<+|>+$/gu, '')
    .trim();
  if (!id || /\s/u.test(id)) return undefined;
  const at = id.lastIndexOf('@');
  return at < 0 ? `<${id}>` : `<${id.slice(0, at)}@${id.slice(at + 1).toLowerCase()}>`;
}

/** Message-IDs of a References / In-Reply-To value, in order, normalised, without duplicates. */
export function readMessageIds(value: unknown): string[] {
  const text = (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .join(' ');
  const bracketed = text.match(/<[^<>\s]+>/gu);
  const tokens = bracketed ?? text.split(/[\s,]+/u);
  const ids = tokens.map(normaliseMessageId).filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/** Unfolded values of a root header field, decoded as UTF-8 (Latin-1 when not UTF-8). */
export function rawHeaderValues(fields: readonly RawHeaderField[], name: string): string[] {
  return fields
    .filter((field) => field.name === name)
    .map((field) => {
      const colon = field.raw.indexOf(0x3a);
      const bytes = field.raw.subarray(colon + 1);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder('windows-1252').decode(bytes);
      }
      return text.replace(/\r?\n[ \t]+/gu, ' ').trim();
    });
}

/** Bare addresses of a trace header (`Delivered-To`, `X-Original-To`), lower-cased. */
export function readTraceAddresses(fields: readonly RawHeaderField[], name: string): string[] {
  return rawHeaderValues(fields, name)
    .map((value) => value.replace(/^.*</u, '').replace(/>.*$/u, '').trim())
    .filter((address) => address.includes('@'));
}

/** The optional headers the auto-reply policy reads (RFC 3834 and loop markers), by field. */
const POLICY_HEADER_NAMES = {
  autoSubmitted: 'auto-submitted',
  precedence: 'precedence',
  xAutoreply: 'x-autoreply',
  xAutoResponseSuppress: 'x-auto-response-suppress',
  mdsoTemplate: 'x-mdso-template',
  returnPath: 'return-path',
} as const;

export type PolicyHeaderField = keyof typeof POLICY_HEADER_NAMES;

/** Reads those headers through `first(name)` (the first value of a header, lower-case name). */
export function readPolicyHeaderFields(
  first: (name: string) => string | undefined,
): Partial<Record<PolicyHeaderField, string>> {
  const fields: Partial<Record<PolicyHeaderField, string>> = {};
  for (const [key, header] of Object.entries(POLICY_HEADER_NAMES) as [
    PolicyHeaderField,
    string,
  ][]) {
    const value = first(header);
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}
