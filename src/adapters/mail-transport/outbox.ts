/**
 * Outbox transport (default): one RFC 5322 `.eml` file per mail under OUTBOX_DIR, named
 * `<UTC timestamp>-<template>-<short id>.eml` (DESIGN.md §10), written to a temporary name in
 * the same folder then renamed, so a reader never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import type { Logger } from '../../logger.js';
import type { MailTransport, OutboundMessage, SendResult } from './message.js';
import { toNodemailerOptions } from './mime.js';

/** `20260312T093000123Z`: sortable, no colon (valid on every file system). */
export function outboxTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/gu, '').replace('.', '');
}

function safeTemplate(name: string): string {
  return name.replace(/[^a-z0-9_]/giu, '_') || 'mail';
}

/** The full message (headers, text and HTML alternatives), as nodemailer composes it. */
export async function composeEml(message: OutboundMessage): Promise<Buffer> {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await composer.sendMail(toNodemailerOptions(message));
  if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer did not return a buffer');
  return info.message;
}

export function createOutboxTransport(options: { dir: string; logger: Logger }): MailTransport {
  return {
    name: 'outbox',
    async send(message: OutboundMessage): Promise<SendResult> {
      const eml = await composeEml(message);
      await mkdir(options.dir, { recursive: true });
      const shortId = randomBytes(4).toString('hex');
      const name = `${outboxTimestamp(new Date())}-${safeTemplate(message.template)}-${shortId}.eml`;
      const temporary = join(options.dir, `.${name}.${process.pid}.tmp`);
      try {
        await writeFile(temporary, eml, { flag: 'wx' });
        await rename(temporary, join(options.dir, name));
      } catch (err) {
        await rm(temporary, { force: true });
        throw err;
      }
      options.logger.info(
        {
          transport: 'outbox',
          template: message.template,
          messageId: message.messageId,
          bytes: eml.length,
          file: name,
        },
        'mail written to outbox',
      );
      return { messageId: message.messageId, providerId: name };
    },
  };
}
