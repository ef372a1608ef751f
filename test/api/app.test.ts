import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createApp } from '../../src/api/app.js';
import { createKnex } from '../../src/db/database.js';
import { createSilentLogger } from '../../src/logger.js';
import { freePort } from '../support/free-port.js';

describe('/health', () => {
  const deadDb = createKnex('postgres://nobody@127.0.0.1:9/none');
  afterAll(async () => {
    await deadDb.destroy();
  });

  it('answers 503 with database "down" when PostgreSQL does not answer', async () => {
    const app = createApp({ db: deadDb, version: '9.9.9', logger: createSilentLogger() });
    const server = app.listen(await freePort());
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'error', database: 'down', version: '9.9.9' });
      const missing = await fetch(`http://127.0.0.1:${port}/nope`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ error: 'Ressource introuvable' });
    } finally {
      server.close();
    }
  });
});
