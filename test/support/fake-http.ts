/**
 * A fake outside HTTP API for tests (STYLE.md §14): a node:http server on 127.0.0.1, port 0,
 * answering from canned responses or handlers and recording every request it received.
 *
 * Routes are keyed `'<METHOD> <path>'`. A request goes to the exact path when a route has it,
 * else to the route with the longest matching path prefix (`'GET /'` catches every GET).
 * A route is a handler, a canned response, or a list of canned responses replayed in order
 * (the last one repeats once the list is used up).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeResponse {
  status?: number;
  /** A string or Buffer is sent as is; anything else is sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (the connection stays open until the client gives up or the fake closes). */
  hang?: boolean;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: unknown;
  /** The fake's own base URL (`http://127.0.0.1:<port>`), to build absolute links. */
  origin: string;
}

export type FakeHandler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;
export type FakeRoute = FakeHandler | FakeResponse | FakeResponse[];

export interface FakeHttp {
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

function findRoute(routes: Record<string, FakeRoute>, method: string, path: string) {
  let best: { key: string; length: number } | undefined;
  for (const key of Object.keys(routes)) {
    const [routeMethod = '', routePath = ''] = key.split(' ', 2);
    if (routeMethod.toUpperCase() !== method) continue;
    if (routePath === path) return key;
    if (path.startsWith(routePath) && (!best || routePath.length > best.length)) {
      best = { key, length: routePath.length };
    }
  }
  return best?.key;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function toRecord(req: IncomingMessage, origin: string, body: string): FakeRequest {
  const url = new URL(req.url ?? '/', origin);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  let json: unknown;
  try {
    json = body === '' ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  const query = Object.fromEntries(url.searchParams.entries());
  return { method: req.method ?? 'GET', path: url.pathname, query, headers, body, json, origin };
}

function send(res: ServerResponse, answer: FakeResponse): void {
  const { body } = answer;
  const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
  const payload = body === undefined ? '' : isRaw ? body : JSON.stringify(body);
  const contentType = isRaw ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(answer.status ?? 200, { 'content-type': contentType, ...answer.headers });
  res.end(payload);
}

export async function startFakeHttp(routes: Record<string, FakeRoute>): Promise<FakeHttp> {
  const requests: FakeRequest[] = [];
  const replayed = new Map<string, number>();
  let origin = '';

  async function answer(record: FakeRequest): Promise<FakeResponse> {
    const key = findRoute(routes, record.method, record.path);
    const route = key === undefined ? undefined : routes[key];
    if (key === undefined || route === undefined) {
      return { status: 404, body: { fake: `no route for ${record.method} ${record.path}` } };
    }
    if (typeof route === 'function') return route(record);
    if (!Array.isArray(route)) return route;
    const index = replayed.get(key) ?? 0;
    replayed.set(key, index + 1);
    return route[Math.min(index, route.length - 1)] ?? { status: 500 };
  }

  const server = createServer((req, res) => {
    void (async () => {
      const record = toRecord(req, origin, await readBody(req));
      requests.push(record);
      const response = await answer(record);
      if (response.hang) return;
      if (response.delayMs) await new Promise((r) => setTimeout(r, response.delayMs));
      if (!res.destroyed) send(res, response);
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { fake: String(err) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
