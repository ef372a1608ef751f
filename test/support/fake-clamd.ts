/**
 * A loopback clamd for tests (STYLE.md §14): speaks INSTREAM on 127.0.0.1, port 0, flags the
 * EICAR test string, enforces a stream size limit, and can stay silent to test time-outs.
 */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** The standard antivirus test file (harmless by design). */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export interface FakeClamdOptions {
  /** Like clamd's StreamMaxLength (default 1 MiB). */
  maxStreamBytes?: number;
  /** Read everything but never answer. */
  silent?: boolean;
}

export interface FakeClamd {
  host: string;
  port: number;
  /** Bytes received per scan, and the command that opened each session. */
  scans: { command: string; bytes: number }[];
  close(): Promise<void>;
}

const COMMAND = 'zINSTREAM\0';

export async function startFakeClamd(options: FakeClamdOptions = {}): Promise<FakeClamd> {
  const { maxStreamBytes = 1024 * 1024, silent = false } = options;
  const scans: FakeClamd['scans'] = [];
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    let command: string | undefined;
    const received: Buffer[] = [];
    let total = 0;
    let done = false;

    const reply = (text: string) => {
      done = true;
      scans.push({ command: command ?? '', bytes: total });
      if (!silent) socket.end(`${text}\0`);
    };

    socket.on('data', (data: Buffer) => {
      if (done) return;
      buffer = Buffer.concat([buffer, data]);
      if (command === undefined) {
        if (buffer.length < COMMAND.length) return;
        command = buffer.subarray(0, COMMAND.length).toString('latin1');
        buffer = buffer.subarray(COMMAND.length);
        if (command !== COMMAND) return reply('UNKNOWN COMMAND');
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          const content = Buffer.concat(received).toString('latin1');
          return reply(
            content.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND' : 'stream: OK',
          );
        }
        if (buffer.length < 4 + length) return;
        received.push(buffer.subarray(4, 4 + length));
        total += length;
        buffer = buffer.subarray(4 + length);
        if (total > maxStreamBytes) return reply('INSTREAM size limit exceeded. ERROR');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    scans,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
