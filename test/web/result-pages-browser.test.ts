/**
 * The result page in a real headless Chromium (Debian's, driven by puppeteer-core over a pipe) at
 * 400 px (a phone) and 1200 px: no horizontal scroll, every finding visible, a screenshot kept in
 * var/test-screenshots/ for a person to look at, and the flag button end to end — open « Signaler
 * une erreur », pick a reason, submit: the page comes back with the finding flagged, the database
 * holds the edit, « Annuler » restores it. Scripts are off: the page must work without them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { getQuoteCheck } from '../../src/db/quote-checks-repo.js';
import { CHROMIUM, ensureChromium } from '../support/chromium.js';
import { ROOT_DIR } from '../support/mail-deps.js';
import { pngStats } from '../support/png-stats.js';
import { finding, seedCase } from '../support/seed-results.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { sampleCheck } from './result-fixtures.js';
import { startPageServer, tokenOf, type PageServer } from './result-page-server.js';

const SCREENSHOT_DIR = join(ROOT_DIR, 'var', 'test-screenshots');
let database: TestDatabase;
let server: PageServer;
let browser: Browser;

beforeAll(async () => {
  await ensureChromium();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  database = await createTestDatabase();
  server = await startPageServer(database);
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    pipe: true,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
}, 10 * 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

async function open(path: string, width: number): Promise<Page> {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setViewport({ width, height: 900 });
  const res = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  return page;
}

interface Layout {
  width: number;
  scrollWidth: number;
  /** Findings with no box, or whose box passes the right edge. */
  hidden: string[];
  count: number;
  h1: number;
}

// Runs in the page (as a string: the tests are type-checked without the DOM library).
const LAYOUT_SCRIPT = `(() => {
  const width = document.documentElement.clientWidth;
  const findings = [...document.querySelectorAll('.finding')].map((e) => {
    const box = e.getBoundingClientRect();
    return { visible: box.width > 0 && box.height > 0, right: box.right, title: e.textContent };
  });
  return {
    width,
    scrollWidth: document.documentElement.scrollWidth,
    hidden: findings.filter((f) => !f.visible || f.right > width + 0.5).map((f) => f.title),
    count: findings.length,
    h1: document.querySelectorAll('h1').length,
  };
})()`;

async function layoutOf(page: Page): Promise<Layout> {
  return (await page.evaluate(LAYOUT_SCRIPT)) as Layout;
}

describe('the result page in Chromium', () => {
  let caseId = '';
  let checkIds: string[] = [];
  let token = '';

  beforeAll(async () => {
    ({ caseId, checkIds } = await seedCase(
      database.knex,
      [
        sampleCheck(),
        sampleCheck({ filename: 'Devis_isolation_2026_tres_long_nom_sans_espace_v12.pdf' }),
      ],
      [
        finding('{id}-1', 'client_nom_incoherent', {
          category: 'case_incoherence',
          type: 'error',
          title: 'Le nom du client diffère entre les devis',
        }),
      ],
    ));
    token = await tokenOf(database, 'quotes_cases', caseId);
  });

  it.each([400, 1200])(
    'at %i px: no horizontal scroll, every finding visible, a screenshot',
    async (width) => {
      const page = await open(`/resultats/${token}`, width);
      const layout = await layoutOf(page);
      expect(layout.h1).toBe(1);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
      expect(layout.count).toBe(9); // 4 per quote + 1 for the case
      expect(layout.hidden).toEqual([]);
      const file = join(SCREENSHOT_DIR, `result-page-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const stats = pngStats(await readFile(file));
      expect(stats.width).toBe(width);
      expect(stats.inkRatio).toBeGreaterThan(0.02);
      await page.close();
    },
    60_000,
  );

  it('flags a finding with the form, shows it flagged, and « Annuler » restores it', async () => {
    const page = await open(`/resultats/${token}`, 400);
    const id = `${checkIds[0]}-2`;
    const item = `li[id="constat-${id}"]`;
    await page.click(`${item} summary`);
    await page.click(`${item} label[for="motif-${id}-not_used"]`);
    await Promise.all([page.waitForNavigation(), page.click(`${item} button[type="submit"]`)]);
    expect(page.url()).toBe(`${server.url}/resultats/${token}#constat-${id}`);
    const flagged = await page.$eval(item, (e) => e.textContent ?? '');
    expect(flagged).toContain("Le client n'est pas concerné par cette remarque");
    expect(flagged).toContain('Annuler');
    const edit = (await getQuoteCheck(database.knex, checkIds[0]!))?.validationErrorEdits?.[id];
    expect(edit).toMatchObject({ deleted: true, reason: 'not_used' });
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'result-page-flagged-400.png'),
      fullPage: true,
    });

    await Promise.all([page.waitForNavigation(), page.click(`${item} button[type="submit"]`)]);
    expect(await page.$eval(item, (e) => e.textContent ?? '')).toContain('Signaler une erreur');
    expect((await getQuoteCheck(database.knex, checkIds[0]!))?.validationErrorEdits).toBeNull();
    await page.close();
  }, 60_000);

  it('works with the keyboard: the flag form opens and submits without a mouse', async () => {
    const page = await open(`/resultats/${token}`, 1200);
    const id = `${checkIds[1]}-1`;
    const item = `li[id="constat-${id}"]`;
    await page.focus(`${item} summary`);
    await page.keyboard.press('Enter');
    await page.focus(`${item} input[value="information_present"]`);
    await page.keyboard.press('Space');
    await page.focus(`${item} button[type="submit"]`);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const edit = (await getQuoteCheck(database.knex, checkIds[1]!))?.validationErrorEdits?.[id];
    expect(edit).toMatchObject({ deleted: true, reason: 'information_present' });
    await page.close();
  }, 60_000);
});
