/**
 * Every mail's HTML as a reader sees it (issue 9, item 1): rendered with its sample data in a
 * real headless Chromium at 400 px (a phone) and 900 px (a desktop client), nothing wider than
 * the viewport, and a screenshot that shows a mail. The results report also runs with the long,
 * unbroken file names and references people really send.
 *
 * The screenshots and pages stay in var/test-screenshots/ (not committed) for a person to look
 * at: `<case>-400.png`, `<case>-900.png` and `<case>.html`.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SAMPLE_DATA } from '../../src/mail/preview-samples.js';
import type { CaseReportView } from '../../src/mail/report-view.js';
import { TEMPLATE_NAMES } from '../../src/mail/template-names.js';
import { ensureChromium, probeLayout, screenshot, type LayoutProbe } from '../support/chromium.js';
import { ROOT_DIR, testRenderer } from '../support/mail-deps.js';
import { pngStats } from '../support/png-stats.js';

const WIDTHS = [400, 900] as const;
const SCREENSHOT_DIR = join(ROOT_DIR, 'var', 'test-screenshots');
const MAX_SCREENSHOT_HEIGHT_PX = 12_000;
const renderer = await testRenderer();

const LONG_NAME =
  'Devis_2026-03-12_POMPE_A_CHALEUR_AIR_EAU_ChaleurExemple_version_definitive_signee_v3.pdf';

const LONG_URL =
  'https://france-renov.gouv.fr/annuaire-rge/recherche?siret=12345678900012&domaine=pompe_a_chaleur_air_eau&code_postal=69003';

/** The sample case with the names and links people really send: long, without a space to break at. */
function longNamesView(): CaseReportView {
  const base = SAMPLE_DATA.results_available;
  return {
    ...base,
    reference: 'Maison_Exemple_renovation_globale_2026_lot_chauffage_isolation_menuiseries',
    quotes: base.quotes.map((q, i) => ({
      ...q,
      filename: `${i + 1}_${LONG_NAME}`,
      adminFindings: q.adminFindings.map((f) => ({
        ...f,
        solution: `${f.solution ?? ''} Annuaire des professionnels qualifiés : ${LONG_URL}`,
      })),
      ...(q.companyName
        ? { companyName: `ENTREPRISE_GENERALE_DE_CHAUFFAGE_ET_ISOLATION_${i + 1}_SARL` }
        : {}),
    })),
    notChecked: [
      {
        filename: 'IMG_20260312_093012_photo_du_chantier_avant_travaux_vue_generale.heic',
        reason: 'format non pris en charge',
      },
    ],
  };
}

const CASES: { name: string; html: string }[] = [
  ...TEMPLATE_NAMES.map((name) => ({
    name,
    html: renderer.render(name, SAMPLE_DATA[name] as never).html,
  })),
  {
    name: 'results_available-long-names',
    html: renderer.render('results_available', longNamesView()).html,
  },
];

const PAGES = CASES.flatMap((c) => WIDTHS.map((width) => ({ name: c.name, html: c.html, width })));
let probes: LayoutProbe[] = [];

beforeAll(async () => {
  await ensureChromium();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const c of CASES) await writeFile(join(SCREENSHOT_DIR, `${c.name}.html`), c.html);
  probes = await probeLayout(PAGES);
}, 15 * 60_000);

function probeOf(name: string, width: number): LayoutProbe {
  const probe = probes[PAGES.findIndex((p) => p.name === name && p.width === width)];
  if (!probe) throw new Error(`no layout probe for ${name} at ${width} px`);
  return probe;
}

describe('mails in a real browser at 400 and 900 px', () => {
  it.each(CASES.map((c) => [c.name]))(
    '%s: fits the width and shows a mail',
    async (name) => {
      for (const width of WIDTHS) {
        const probe = probeOf(name, width);
        expect({ width, overflowing: probe.overflowing }).toEqual({ width, overflowing: [] });
        expect(probe.width).toBe(width);
        expect(probe.scrollWidth).toBeLessThanOrEqual(width);
        expect(probe.text).toContain('Bonjour,');
        expect(probe.text).toContain('Ce message a été envoyé automatiquement');
      }
      await Promise.all(
        WIDTHS.map(async (width) => {
          const height = Math.min(probeOf(name, width).scrollHeight, MAX_SCREENSHOT_HEIGHT_PX);
          const pngFile = join(SCREENSHOT_DIR, `${name}-${width}.png`);
          await screenshot(join(SCREENSHOT_DIR, `${name}.html`), { width, height, pngFile });
          const stats = pngStats(await readFile(pngFile));
          expect({ width: stats.width, height: stats.height }).toEqual({ width, height });
          // a blank or error page has one or two colours; a mail has anti-aliased text and a button
          expect(stats.distinctColours).toBeGreaterThan(32);
          expect(stats.inkRatio).toBeGreaterThan(0.02);
        }),
      );
    },
    120_000,
  );

  it('the long file names and reference are all shown, broken inside the width', () => {
    const text = probeOf('results_available-long-names', 400).text.replace(/\s+/gu, '');
    expect(text).toContain(`1_${LONG_NAME}`);
    expect(text).toContain('IMG_20260312_093012_photo_du_chantier_avant_travaux_vue_generale.heic');
    expect(text).toContain(
      'Maison_Exemple_renovation_globale_2026_lot_chauffage_isolation_menuiseries',
    );
  });
});
