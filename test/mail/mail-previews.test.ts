import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createMailRouter } from '../../src/mail/mail-previews-router.js';
import { TEMPLATE_NAMES } from '../../src/mail/template-names.js';
import { testRenderer } from '../support/mail-deps.js';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(createMailRouter({ renderer: await testRenderer() }));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('/mail-previews', () => {
  it('lists every template with its HTML and text links', async () => {
    const res = await fetch(`${base}/mail-previews`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/u);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    for (const name of TEMPLATE_NAMES) {
      expect(html).toContain(`href="/mail-previews/${name}"`);
      expect(html).toContain(`href="/mail-previews/${name}.txt"`);
    }
  });

  it.each(TEMPLATE_NAMES.map((name) => [name]))('renders %s as HTML and as text', async (name) => {
    const html = await fetch(`${base}/mail-previews/${name}`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/u);
    const body = await html.text();
    expect(body).toMatch(/^<!doctype html>/iu);
    expect(body).not.toContain('{{');

    const text = await fetch(`${base}/mail-previews/${name}.txt`);
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/u);
    const plain = await text.text();
    expect(plain.trim().length).toBeGreaterThan(0);
    expect(plain).not.toContain('<mj-');
  });

  it('answers 404 in French for an unknown template', async () => {
    for (const path of ['/mail-previews/inconnu', '/mail-previews/inconnu.txt']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Aperçu introuvable');
    }
  });
});
