/**
 * Brevo inbound webhook items built from `.eml` files (payload shape of stack-and-pitfalls.md
 * §B.3), with the attachments served by a fake Brevo API under `/v3/inbound/attachments/<token>`.
 */
import { randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import type { FakeRoute } from '../support/fake-http.js';

export interface BuiltItem {
  item: Record<string, unknown>;
  /** Routes of the fake Brevo API serving this item's attachments. */
  routes: Record<string, FakeRoute>;
}

function mailboxes(value: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((o) => o.value).map((a) => ({ Name: a.name || null, Address: a.address }));
}

export async function brevoItemFromEml(
  raw: Buffer,
  options: { uuid?: string; recipients?: string[] } = {},
): Promise<BuiltItem> {
  // Keep `cid:` links in the HTML as Brevo does (simpleParser inlines the images otherwise).
  const mail = await simpleParser(raw, { skipImageLinks: true });
  const routes: Record<string, FakeRoute> = {};
  const attachments = mail.attachments.map((a, i) => {
    const token = `tok-${randomUUID()}-${i}`;
    routes[`GET /v3/inbound/attachments/${token}`] = {
      body: a.content,
      headers: { 'content-type': a.contentType },
    };
    return {
      Name: a.filename ?? null,
      ContentType: a.contentType,
      ContentLength: a.size,
      ContentID: a.contentId ?? null,
      DownloadToken: token,
    };
  });
  const headers: Record<string, string | string[]> = {};
  for (const line of mail.headerLines) {
    const value = line.line.slice(line.line.indexOf(':') + 1).trim();
    const existing = headers[line.key];
    headers[line.key] =
      existing === undefined
        ? value
        : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const to = mailboxes(mail.to);
  const item = {
    Uuid: [options.uuid ?? randomUUID()],
    MessageId: mail.messageId ?? null,
    InReplyTo: mail.inReplyTo ?? null,
    From: mailboxes(mail.from)[0],
    To: to,
    Cc: mailboxes(mail.cc),
    ReplyTo: null,
    SentAtDate: mail.date?.toUTCString() ?? null,
    Subject: mail.subject ?? '',
    RawHtmlBody: typeof mail.html === 'string' ? mail.html : null,
    RawTextBody: mail.text ?? null,
    ExtractedMarkdownMessage: mail.text ?? '',
    ExtractedMarkdownSignature: null,
    SpamScore: 0.4,
    Attachments: attachments,
    Headers: headers,
    Recipients: options.recipients ?? to.map((m) => m.Address),
  };
  return { item, routes };
}
