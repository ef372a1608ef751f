/**
 * A loopback HTTPS server for file-by-URL uploads (the API accepts HTTPS only): a certificate
 * made for the test by the openssl command line, and a fetch that trusts it (undici's, with the
 * certificate as its CA), handed to the API in place of the global fetch.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';

export interface FakeHttps {
  url: string;
  fetchImpl: typeof fetch;
  paths: string[];
  close(): Promise<void>;
}

export async function startFakeHttps(
  handler: (req: IncomingMessage, res: ServerResponse, origin: string) => void,
): Promise<FakeHttps> {
  const dir = mkdtempSync(join(tmpdir(), 'mdso-https-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(join(dir, 'key.pem'));
  const cert = readFileSync(join(dir, 'cert.pem'));
  rmSync(dir, { recursive: true, force: true });
  const paths: string[] = [];
  let origin = '';
  const server = createServer({ key, cert }, (req, res) => {
    paths.push(req.url ?? '');
    handler(req, res, origin);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dispatcher = new Agent({ connect: { ca: cert } });
  const fetchImpl = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch;
  return {
    url: origin,
    fetchImpl,
    paths,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await dispatcher.close();
    },
  };
}
