/**
 * Virus scan through a clamd daemon over TCP (DESIGN.md §4: before any text is read or sent).
 * Protocol: `zINSTREAM\0`, then chunks each prefixed by a 4-byte big-endian length, then a
 * zero-length chunk; clamd answers `stream: OK\0`, `stream: <signature> FOUND\0`, or an error
 * such as `INSTREAM size limit exceeded. ERROR\0`.
 */
import { connect, type Socket } from 'node:net';
import { UpstreamError } from '../errors.js';
import type { Logger } from '../logger.js';

export type ScanResult = { clean: true } | { clean: false; signature: string };

export interface ClamavClient {
  scan(bytes: Uint8Array): Promise<ScanResult>;
}

export interface ClamavClientOptions {
  host: string;
  port: number;
  timeoutMs: number;
  logger: Logger;
  /** Bytes per INSTREAM chunk (default 64 KiB; must stay below clamd's StreamMaxLength). */
  chunkSize?: number;
}

const ADAPTER = 'clamav';

/** Reads clamd's one-line reply; exported for tests of the reply grammar. */
export function parseClamdReply(reply: string): ScanResult {
  const line = reply.replace(/\0/gu, '').trim();
  if (/^(stream: )?OK$/u.test(line)) return { clean: true };
  const found = /^(?:stream: )?(.+) FOUND$/u.exec(line);
  if (found?.[1]) return { clean: false, signature: found[1] };
  // The size limit is final; an empty or other error reply (daemon busy, reloading) may pass.
  const limit = /size limit exceeded/iu.test(line);
  const message = limit ? 'ClamAV: fichier trop gros pour clamd' : 'ClamAV: réponse en erreur';
  throw new UpstreamError(ADAPTER, message, {
    retryable: !limit,
    cause: new Error(line.slice(0, 200) || 'empty reply'),
  });
}

function frame(bytes: Uint8Array, chunkSize: number): Buffer[] {
  const frames: Buffer[] = [Buffer.from('zINSTREAM\0', 'latin1')];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    const chunk = bytes.subarray(offset, Math.min(offset + chunkSize, bytes.length));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.length, 0);
    frames.push(length, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  }
  frames.push(Buffer.alloc(4));
  return frames;
}

export function createClamavClient(options: ClamavClientOptions): ClamavClient {
  const { host, port, timeoutMs, logger, chunkSize = 64 * 1024 } = options;

  function exchange(bytes: Uint8Array): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let settled = false;
      const socket: Socket = connect({ host, port });
      const timer = setTimeout(() => {
        finish(new UpstreamError(ADAPTER, 'ClamAV: délai dépassé', { retryable: true }));
      }, timeoutMs);
      const reply = () => Buffer.concat(chunks).toString('utf8');
      function finish(error?: Error): void {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve(reply());
      }
      socket.on('connect', () => {
        for (const part of frame(bytes, chunkSize)) socket.write(part);
      });
      socket.on('data', (data: Buffer) => {
        chunks.push(data);
        if (data.includes(0)) finish();
      });
      socket.on('end', () => finish());
      socket.on('error', (cause) => {
        // clamd may close while we still write (size limit); its reply then already arrived.
        if (chunks.length > 0) return finish();
        finish(
          new UpstreamError(ADAPTER, 'ClamAV: connexion impossible', { retryable: true, cause }),
        );
      });
    });
  }

  return {
    async scan(bytes) {
      const started = Date.now();
      const result = parseClamdReply(await exchange(bytes));
      const durationMs = Date.now() - started;
      const fields = { adapter: ADAPTER, sizeBytes: bytes.length, durationMs, clean: result.clean };
      if (result.clean) logger.debug(fields, 'clamav scan');
      else logger.warn({ ...fields, signature: result.signature }, 'clamav found a virus');
      return result;
    },
  };
}
