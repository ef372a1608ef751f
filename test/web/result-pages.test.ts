/**
 * The result page over real HTTP (DESIGN.md §7): found by its token only, everything it echoes
 * escaped, the flag/undo forms applying the finding edits, the feedback form validated with
 * French messages, the text export, security headers, and pages for pending and unknown results.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQuoteCheck } from '../../src/db/quote-checks-repo.js';
import { getQuotesCase } from '../../src/db/quotes-cases-repo.js';
import { sendCaseReport } from '../../src/mail/case-report.js';
import { createTestOutbox, testMailDeps } from '../support/mail-deps.js';
import { finding, seedCase, seedCheck } from '../support/seed-results.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { HOSTILE, sampleCheck } from './result-fixtures.js';
import { startPageServer, tokenOf, type PageServer } from './result-page-server.js';

let database: TestDatabase;
let server: PageServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startPageServer(database);
});

afterAll(async () => {
  await server.close();
  await database.drop();
});

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });
const post = (path: string, fields: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('GET /resultats/<token>', () => {
  it('shows the verdict, the counts, the findings by section and the forms', async () => {
    const id = await seedCheck(database.knex, sampleCheck());
    const res = await get(`/resultats/${await tokenOf(database, 'quote_checks', id)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/u);
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html.match(/<h1[ >]/gu)).toHaveLength(1);
    expect(html).toContain('Le devis n&#x27;est pas conforme aux attentes des aides');
    expect(html).toContain('4 points à corriger');
    expect(html).toMatch(/\d+ points conformes/u);
    for (const text of [
      'Mentions administratives',
      'Pompe à chaleur air / eau (ligne 1)',
      'À vérifier',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('Aucun point à corriger pour ce geste.');
    expect(html).toContain('Exporter en texte');
    expect(html).toContain('Copier le lien');
    expect(html).toContain('Donner mon avis');
    expect(html.match(/Signaler une erreur/gu)).toHaveLength(4);
    expect(html).not.toMatch(/<script/iu);
    // no reader sees the id (forms carry finding ids in hidden fields only)
    expect(html.replace(/<[^>]*>/gu, '')).not.toContain(id);
  });

  it('answers strict security headers, no cache, no referrer', async () => {
    const id = await seedCheck(database.knex, sampleCheck());
    const res = await get(`/resultats/${await tokenOf(database, 'quote_checks', id)}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const css = await get('/assets/resultats/resultats.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/u);
  });

  it('escapes hostile file names, company names and finding texts', async () => {
    const id = await seedCheck(
      database.knex,
      sampleCheck({
        filename: `${HOSTILE}.pdf`,
        attributes: { pro: { raison_sociale: HOSTILE }, gestes: [] } as never,
        details: [finding('{id}-1', 'devis_manquant', { title: HOSTILE, solution: HOSTILE })],
      }),
    );
    const html = await (
      await get(`/resultats/${await tokenOf(database, 'quote_checks', id)}`)
    ).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('is 404 in French for an unknown token, and the id does not open the page', async () => {
    const id = await seedCheck(database.knex, sampleCheck());
    for (const path of [
      '/resultats/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      `/resultats/${id}`,
      '/resultats/%3Cscript%3E',
      `/resultats/${id}.txt`,
    ]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('Page introuvable');
      expect(html).toContain('<html lang="fr">');
    }
  });

  it('says the analysis is in progress and refreshes itself', async () => {
    const id = await seedCheck(database.knex, { pending: true });
    const res = await get(`/resultats/${await tokenOf(database, 'quote_checks', id)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Analyse en cours');
    expect(html).toMatch(/<meta http-equiv="refresh" content="\d+">/u);
  });

  it('exports the report as text: the mail text part, with the page link', async () => {
    const id = await seedCheck(database.knex, sampleCheck());
    const token = await tokenOf(database, 'quote_checks', id);
    const res = await get(`/resultats/${token}.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await res.text();
    expect(text).toContain("L'efficacité saisonnière (ETAS) n'est pas indiquée");
    expect(text).toContain(`https://mdso.exemple.fr/resultats/${token}`);
  });
});

describe('flagging a finding', () => {
  it('deletes it with the chosen reason, shows it flagged, and « Annuler » restores it', async () => {
    const id = await seedCheck(database.knex, sampleCheck());
    const token = await tokenOf(database, 'quote_checks', id);
    const flag = await post(`/resultats/${token}/signaler`, {
      finding: `${id}-2`,
      reason: 'information_present',
    });
    expect(flag.status).toBe(303);
    expect(flag.headers.get('location')).toBe(`/resultats/${token}#constat-${id}-2`);
    expect(
      (await getQuoteCheck(database.knex, id))?.validationErrorEdits?.[`${id}-2`],
    ).toMatchObject({ deleted: true, reason: 'information_present' });
    const html = await (await get(`/resultats/${token}`)).text();
    expect(html).toContain('Points signalés comme erronés');
    expect(html).toContain('Signalé comme erroné&nbsp;: Élément bien présent dans le devis');
    expect(html).toContain('3 points à corriger');
    const undo = await post(`/resultats/${token}/annuler`, { finding: `${id}-2` });
    expect(undo.status).toBe(303);
    expect((await getQuoteCheck(database.knex, id))?.validationErrorEdits).toBeNull();
  });

  it('keeps a free-text reason, and refuses a finding of another check', async () => {
    const id = await seedCheck(database.knex, sampleCheck());
    const other = await seedCheck(database.knex, sampleCheck());
    const token = await tokenOf(database, 'quote_checks', id);
    await post(`/resultats/${token}/signaler`, {
      finding: `${id}-1`,
      reason: 'autre',
      reason_text: 'La date figure en bas de page',
    });
    expect(
      (await getQuoteCheck(database.knex, id))?.validationErrorEdits?.[`${id}-1`]?.reason,
    ).toBe('La date figure en bas de page');
    const res = await post(`/resultats/${token}/signaler`, { finding: `${other}-1` });
    expect(res.status).toBe(404);
    expect((await getQuoteCheck(database.knex, other))?.validationErrorEdits).toBeNull();
  });

  it('on a case page, flags a finding of one of its checks or of the case itself', async () => {
    const { caseId, checkIds } = await seedCase(
      database.knex,
      [sampleCheck(), sampleCheck({ filename: 'second.pdf' })],
      [finding('{id}-1', 'client_nom_incoherent', { category: 'case_incoherence', type: 'error' })],
    );
    const token = await tokenOf(database, 'quotes_cases', caseId);
    const html = await (await get(`/resultats/${token}`)).text();
    expect(html).toContain('Cohérence entre les devis du dossier');
    expect(html).toContain('Devis 2');
    await post(`/resultats/${token}/signaler`, { finding: `${checkIds[1]}-1`, reason: 'not_used' });
    expect(
      (await getQuoteCheck(database.knex, checkIds[1]!))?.validationErrorEdits?.[
        `${checkIds[1]}-1`
      ],
    ).toMatchObject({ deleted: true, reason: 'not_used' });
    await post(`/resultats/${token}/signaler`, { finding: `${caseId}-1`, reason: 'not_used' });
    expect((await getQuotesCase(database.knex, caseId))?.validationErrorEdits).toMatchObject({
      [`${caseId}-1`]: { deleted: true },
    });
  });
});

describe('feedback', () => {
  it('refuses bad input with French messages next to the fields, keeping the values', async () => {
    const id = await seedCheck(database.knex, sampleCheck());
    const token = await tokenOf(database, 'quote_checks', id);
    const res = await post(`/resultats/${token}/avis`, {
      rating: '',
      comment: 'x'.repeat(1001),
      email: 'pas-une-adresse',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('La note est obligatoire : choisissez une note de 0 à 5.');
    expect(html).toContain('Le commentaire ne doit pas dépasser 1 000 caractères.');
    expect(html).toContain('L&#x27;adresse e-mail n&#x27;est pas valide');
    expect(html).toContain('value="pas-une-adresse"');
    const bad = await post(`/resultats/${token}/avis`, { rating: '9' });
    expect(await bad.text()).toContain('La note doit être comprise entre 0 et 5.');
    expect(await database.knex('quote_check_feedbacks').where({ quote_check_id: id })).toHaveLength(
      0,
    );
  });

  it('stores a valid feedback and thanks the reader', async () => {
    const id = await seedCheck(database.knex, sampleCheck());
    const token = await tokenOf(database, 'quote_checks', id);
    const res = await post(`/resultats/${token}/avis`, {
      rating: '4',
      comment: 'Très clair',
      email: 'artisan@exemple.fr',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/resultats/${token}?avis=merci#avis`);
    const rows = await database.knex('quote_check_feedbacks').where({ quote_check_id: id });
    expect(rows).toEqual([
      expect.objectContaining({
        rating: 4,
        comment: 'Très clair',
        email: 'artisan@exemple.fr',
        validation_error_details_id: null,
      }),
    ]);
    const html = await (await get(`/resultats/${token}?avis=merci`)).text();
    expect(html).toContain('Votre avis a bien été enregistré');
  });
});

describe('the report mail', () => {
  it('links to the result page, by token, when no frontend is configured', async () => {
    const { caseId } = await seedCase(database.knex, [sampleCheck()]);
    await database
      .knex('quotes_cases')
      .where({ id: caseId })
      .update({ email: 'camille@client.example' });
    const outbox = await createTestOutbox();
    try {
      const deps = await testMailDeps(database.knex, outbox.transport, {
        FRONTEND_APPLICATION_HOST: undefined,
        APPLICATION_HOST: server.url,
      });
      expect((await sendCaseReport(deps, caseId)).status).toBe('sent');
      const [mail] = await outbox.mails();
      const links = [
        ...String(mail?.text).matchAll(/http:\/\/127\.0\.0\.1:\d+\/resultats\/[\w-]+/gu),
      ];
      expect(links.length).toBeGreaterThan(0);
      const [checkId] = (await database
        .knex('quote_checks')
        .where({ case_id: caseId })
        .pluck('id')) as string[];
      // one quote: the report links to the quote's own page, never to an id
      expect(links[0]![0]).toBe(
        `${server.url}/resultats/${await tokenOf(database, 'quote_checks', checkId!)}`,
      );
      const page = await fetch(links[0]![0]);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Le devis n&#x27;est pas conforme');
    } finally {
      await outbox.remove();
    }
  });
});
