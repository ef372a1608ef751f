import { describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSilentLogger } from '../../src/logger.js';
import { SAMPLE_DATA } from '../../src/mail/preview-samples.js';
import { buildPreviewIndexHtml, renderMailPreviews } from '../../src/mail/previews.js';
import { createMailRenderer, MailTemplateError } from '../../src/mail/renderer.js';
import type { CaseReportView } from '../../src/mail/report-view.js';
import { TEMPLATE_NAMES } from '../../src/mail/template-names.js';

const templatesDir = fileURLToPath(new URL('../../templates', import.meta.url));
const logger = createSilentLogger();
const renderer = await createMailRenderer({ templatesDir, logger });

const EVIL = '<script>alert(1)</script>"onerror="x.pdf';

describe('mail templates', () => {
  const previews = renderMailPreviews(renderer);

  it('renders every template with its sample data', () => {
    expect(previews.map((p) => p.name)).toEqual([...TEMPLATE_NAMES]);
  });

  it.each(TEMPLATE_NAMES.map((name) => [name]))(
    '%s: subject, html and text are complete',
    (name) => {
      const preview = previews.find((p) => p.name === name);
      expect(preview).toBeDefined();
      const { subject, html, text } = preview!;
      expect(subject).toMatch(/^\[Mon Devis Sans Oublis\] \S/u);
      expect(subject).not.toMatch(/[\r\n]/u);
      for (const part of [subject, html, text]) {
        expect(part).not.toContain('{{');
        expect(part).not.toContain('}}');
      }
      expect(html).toMatch(/^<!doctype html>/iu);
      expect(html).not.toContain('<mj-');
      expect(html).not.toContain('fonts.googleapis.com');
      expect(html).toContain('Bonjour,');
      expect(text).toContain('Bonjour,');
      expect(text).toContain('Ce message a été envoyé automatiquement');
      expect(text).not.toContain('&#x27;');
    },
  );

  it.each(TEMPLATE_NAMES.map((name) => [name]))('%s: text snapshot', (name) => {
    expect(previews.find((p) => p.name === name)?.text).toMatchSnapshot();
  });

  it('the results mail lists quotes, gestes, findings, case findings, skipped files and the message for the pro', () => {
    const { html, text, subject } = previews.find((p) => p.name === 'results_available')!;
    expect(subject).toContain('Maison Exemple');
    for (const part of [html, text]) {
      expect(part).toContain('devis-pompe-a-chaleur.pdf');
      expect(part).toContain('Chaleur Exemple SARL');
      expect(part).toContain('Pompe à chaleur air / eau');
      expect(part).toContain('Mentions administratives');
      expect(part).toContain('Comment corriger');
      expect(part).toContain('photo-chantier.heic');
      expect(part).toContain('conforme, aucun oubli détecté');
      expect(part).toContain('/conseiller/dossier/c0ffee00-0000-4000-8000-000000000001');
    }
    expect(text).toContain('COHÉRENCE ENTRE LES DEVIS DU DOSSIER');
    expect(text).toContain('Afin de respecter les exigences des aides');
    expect(text).toContain('Message 1 sur 2 : Chaleur Exemple SARL (devis-pompe-a-chaleur.pdf)');
    expect(text).toContain('12/03/2026');
    // what happened to each file, and the recommendation counted apart
    expect(text).toContain(
      "2 devis vérifiés, 1 document qui n'est pas un devis, 1 fichier illisible, 1 pièce jointe non analysée : 4 points à corriger, 1 recommandation.",
    );
    // a value below an aid threshold: what was read and required, with its source, and how to fix
    expect(text).toContain(
      "Constat : Le devis indique R = 5 m²·K/W ; pour des combles perdus, les aides exigent R ≥ 7 m²·K/W (MaPrimeRénov' : arrêté du 17 novembre 2020).",
    );
    expect(text).not.toContain('Valeur lue sur le devis : R = 5');
    // an unconfirmed threshold is a line to check, apart from the points to correct
    expect(text).toContain('Seuils et conditions des aides à vérifier');
    expect(html).toContain('Seuils et conditions des aides à vérifier');
    expect(text).toMatch(/ETAS ≥ 126 %.*seuil à confirmer/u);
    expect(text).toContain("Résultat : non vérifié (ce document n'est pas un devis)");
    expect(text).toContain('Résultat : non vérifié (fichier illisible)');
    // the unread files get no message for the company
    const messages = text.slice(text.indexOf('MESSAGES PRÊTS À ENVOYER'));
    expect(messages).not.toContain('devis-fenetres-protege.pdf');
    expect(messages).not.toContain('attestation-assurance.pdf');
  });

  it('escapes whatever comes from a sender or a document', () => {
    const base = SAMPLE_DATA.results_available;
    const view: CaseReportView = {
      ...base,
      reference: EVIL,
      quotes: base.quotes.map((q) => ({ ...q, filename: EVIL, companyName: EVIL })),
      notChecked: [{ filename: EVIL, reason: 'format non pris en charge' }],
    };
    const { html, text, subject } = renderer.render('results_available', view);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('"onerror=');
    expect(html).toContain('&lt;script&gt;');
    expect(text).toContain(EVIL); // text/plain shows it literally, nothing executes it
    expect(subject).not.toMatch(/[\r\n]/u);
    const ack = renderer.render('quote_check_created', {
      ...SAMPLE_DATA.quote_check_created,
      filename: EVIL,
    });
    expect(ack.html).not.toContain('<script>');
    expect(ack.html).toContain('&lt;script&gt;');
  });

  it('a single quote without findings says so', () => {
    const view: CaseReportView = {
      kind: 'quote',
      resultUrl: 'http://localhost:3001/conseiller/devis/q9?mtm_campaign=full_email',
      analysedAt: '2026-03-12T09:30:00Z',
      quotes: [
        {
          checkId: 'q9',
          filename: 'devis.pdf',
          status: 'valid',
          fileFindings: [],
          adminFindings: [],
          gestes: [{ label: 'Volet isolant', findings: [] }],
        },
      ],
      caseFindings: [],
      notChecked: [],
    };
    const { text, subject } = renderer.render('results_available', view);
    expect(subject).toBe('[Mon Devis Sans Oublis] Devis analysé : résultats disponibles');
    expect(text).toContain('1 devis vérifié : aucun point à corriger.');
    expect(text).toContain("Aucune erreur n'est à signaler sur ce devis.");
  });

  it('the preview index links every preview and escapes', () => {
    const index = buildPreviewIndexHtml([
      { name: 'no_attachment', subject: EVIL, html: '', text: '' },
    ]);
    expect(index).toContain('href="/mail-previews/no_attachment"');
    expect(index).not.toContain('<script>');
  });
});

describe('createMailRenderer fails at start', () => {
  async function copyTemplates(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'mdso-templates-'));
    await cp(templatesDir, dir, { recursive: true });
    return dir;
  }

  it('when a template file is missing', async () => {
    const dir = await copyTemplates();
    try {
      await rm(join(dir, 'quota_exceeded', 'text.hbs'));
      await expect(createMailRenderer({ templatesDir: dir, logger })).rejects.toBeInstanceOf(
        MailTemplateError,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('when the MJML is invalid', async () => {
    const dir = await copyTemplates();
    try {
      await writeFile(
        join(dir, 'no_attachment', 'body.mjml'),
        '<mjml><mj-body><mj-section><mj-text>hors colonne</mj-text></mj-section></mj-body></mjml>',
      );
      await expect(createMailRenderer({ templatesDir: dir, logger })).rejects.toBeInstanceOf(
        MailTemplateError,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('when Handlebars syntax or a partial is wrong', async () => {
    const dir = await copyTemplates();
    try {
      await writeFile(join(dir, 'wrong_address', 'text.hbs'), 'Bonjour {{#if x}}');
      await expect(createMailRenderer({ templatesDir: dir, logger })).rejects.toBeInstanceOf(
        MailTemplateError,
      );
      await writeFile(join(dir, 'wrong_address', 'text.hbs'), 'Bonjour {{> absent_text}}');
      await expect(createMailRenderer({ templatesDir: dir, logger })).rejects.toBeInstanceOf(
        MailTemplateError,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
