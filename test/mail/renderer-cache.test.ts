import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSilentLogger } from '../../src/logger.js';
import { createMailRenderer } from '../../src/mail/renderer.js';
import { SAMPLE_DATA } from '../../src/mail/preview-samples.js';

const templates = fileURLToPath(new URL('../../templates', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mdso-templates-'));
  await cp(templates, join(dir, 'templates'), { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the MJML cache', () => {
  it('is written once, reused while the templates are unchanged, and refreshed when one changes', async () => {
    const templatesDir = join(dir, 'templates');
    const cacheFile = join(dir, 'cache', 'mail-templates.json');
    const logger = createSilentLogger();
    const data = SAMPLE_DATA.no_attachment;
    const first = await createMailRenderer({ templatesDir, cacheFile, logger });
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { hash: string };
    const second = await createMailRenderer({ templatesDir, cacheFile, logger });
    expect(second.render('no_attachment', data)).toEqual(first.render('no_attachment', data));

    const body = join(templatesDir, 'no_attachment', 'body.mjml');
    const source = await readFile(body, 'utf8');
    await writeFile(
      body,
      source.replace(
        '</mj-body>',
        '<mj-section><mj-column><mj-text>Ajout témoin</mj-text></mj-column></mj-section></mj-body>',
      ),
    );
    const third = await createMailRenderer({ templatesDir, cacheFile, logger });
    expect(third.render('no_attachment', data).html).toContain('Ajout témoin');
    const refreshed = JSON.parse(await readFile(cacheFile, 'utf8')) as { hash: string };
    expect(refreshed.hash).not.toBe(cache.hash);
  });
});
