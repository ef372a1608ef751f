import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createClamavClient, parseClamdReply } from '../../src/adapters/clamav.js';
import { UpstreamError } from '../../src/errors.js';
import { createSilentLogger } from '../../src/logger.js';
import {
  EICAR,
  startFakeClamd,
  type FakeClamd,
  type FakeClamdOptions,
} from '../support/fake-clamd.js';

let clamd: FakeClamd | undefined;

afterEach(async () => {
  await clamd?.close();
  clamd = undefined;
});

async function client(options: FakeClamdOptions = {}, timeoutMs = 2000, chunkSize = 1024) {
  clamd = await startFakeClamd(options);
  return createClamavClient({
    host: clamd.host,
    port: clamd.port,
    timeoutMs,
    logger: createSilentLogger(),
    chunkSize,
  });
}

describe('ClamAV INSTREAM client', () => {
  it('reports a clean file, streamed in several chunks', async () => {
    const scanner = await client();
    const bytes = Buffer.alloc(5000, 'a');

    await expect(scanner.scan(bytes)).resolves.toEqual({ clean: true });
    expect(clamd?.scans).toEqual([{ command: 'zINSTREAM\0', bytes: 5000 }]);
  });

  it('reports the signature of an infected file', async () => {
    const scanner = await client();
    const bytes = Buffer.concat([Buffer.alloc(2000, 'x'), Buffer.from(EICAR, 'latin1')]);

    await expect(scanner.scan(new Uint8Array(bytes))).resolves.toEqual({
      clean: false,
      signature: 'Eicar-Test-Signature',
    });
  });

  it('scans an empty file', async () => {
    const scanner = await client();

    await expect(scanner.scan(new Uint8Array())).resolves.toEqual({ clean: true });
  });

  it('turns the size limit into a non-retryable error', async () => {
    const scanner = await client({ maxStreamBytes: 1000 });

    const error = await scanner.scan(Buffer.alloc(200_000, 'a')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      adapter: 'clamav',
      retryable: false,
      message: 'ClamAV: fichier trop gros pour clamd',
    });
  });

  it('gives up after timeoutMs when clamd stays silent', async () => {
    const scanner = await client({ silent: true }, 100);

    await expect(scanner.scan(Buffer.from('hello'))).rejects.toMatchObject({
      adapter: 'clamav',
      retryable: true,
      message: 'ClamAV: délai dépassé',
    });
  });

  it('reports a refused connection as retryable', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const scanner = createClamavClient({
      host: '127.0.0.1',
      port,
      timeoutMs: 1000,
      logger: createSilentLogger(),
    });

    await expect(scanner.scan(Buffer.from('x'))).rejects.toMatchObject({
      message: 'ClamAV: connexion impossible',
      retryable: true,
    });
  });

  it.each([
    ['stream: OK\0', { clean: true }],
    ['stream: Win.Test.EICAR_HDB-1 FOUND\0', { clean: false, signature: 'Win.Test.EICAR_HDB-1' }],
  ])('reads the reply %j', (reply, expected) => {
    expect(parseClamdReply(reply)).toEqual(expected);
  });

  it.each([
    ['INSTREAM size limit exceeded. ERROR', false],
    ['Can not allocate memory ERROR', true],
    ['', true],
  ])('turns the reply %j into an error (retryable: %s)', (reply, retryable) => {
    let error: unknown;
    try {
      parseClamdReply(reply);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ adapter: 'clamav', retryable });
  });
});
