import { describe, expect, it } from '@jest/globals';
import type { ErrorDetail } from '../../src/domain/finding.js';
import { buildProMessages } from '../../src/mail/pro-message.js';
import { reportSummary, statusLabel } from '../../src/mail/report-outcome.js';
import {
  groupQuoteFindings,
  type CaseReportView,
  type QuoteReportView,
} from '../../src/mail/report-view.js';

const detail = (over: Partial<ErrorDetail>): ErrorDetail => ({
  id: 'q-1',
  code: 'siret_manquant',
  category: 'admin',
  type: 'missing',
  title: 'Le SIRET est absent',
  ...over,
});

const quote = (over: Partial<QuoteReportView>): QuoteReportView => ({
  checkId: 'q',
  filename: 'devis.pdf',
  status: 'invalid',
  fileFindings: [],
  adminFindings: [],
  gestes: [],
  ...over,
});

const view = (quotes: QuoteReportView[], over: Partial<CaseReportView> = {}): CaseReportView => ({
  kind: quotes.length === 1 ? 'quote' : 'case',
  resultUrl: 'http://localhost/x',
  analysedAt: '2026-03-12T09:30:00Z',
  quotes,
  caseFindings: [],
  notChecked: [],
  ...over,
});

describe('buildProMessages', () => {
  it('writes one message per company, each with only its own quotes', () => {
    const messages = buildProMessages(
      view([
        quote({
          checkId: 'a',
          filename: 'a.pdf',
          companyName: 'Alpha SARL',
          adminFindings: [detail({ title: 'Le SIRET de Alpha' })],
        }),
        quote({
          checkId: 'b',
          filename: 'b.pdf',
          companyName: 'Beta SAS',
          adminFindings: [detail({ title: "L'assurance de Beta" })],
        }),
        quote({
          checkId: 'c',
          filename: 'c.pdf',
          companyName: 'ALPHA sarl',
          adminFindings: [detail({ title: 'Le RCS de Alpha' })],
        }),
        quote({
          checkId: 'd',
          filename: 'd.pdf',
          companyName: 'Gamma',
          companySiret: '732 829 320 00074',
        }),
        quote({
          checkId: 'e',
          filename: 'e.pdf',
          companyName: 'Gamma Énergie',
          companySiret: '73282932000082',
        }),
      ]),
    );
    expect(messages.map((m) => [m.companyName, m.filenames])).toEqual([
      ['Alpha SARL', ['a.pdf', 'c.pdf']],
      ['Beta SAS', ['b.pdf']],
      ['Gamma', ['d.pdf', 'e.pdf']],
    ]);
    expect(messages[0]?.text).toContain('Le SIRET de Alpha');
    expect(messages[0]?.text).toContain('Le RCS de Alpha');
    expect(messages[0]?.text).not.toContain('Beta');
    expect(messages[0]?.text).toContain('des devis « a.pdf » et « c.pdf »');
    expect(messages[1]?.text).not.toContain('Alpha');
    expect(messages[2]?.text).toBe("Aucune erreur n'est à signaler sur ces devis.");
    expect(messages[2]?.hasFindings).toBe(false);
  });

  it('writes no message for a file that was not checked (unreadable, not a quote, no energy works)', () => {
    const unreadable = quote({
      fileFindings: [detail({ category: 'file', type: 'error', code: 'file_reading_error' })],
    });
    const notAQuote = quote({
      checkId: 'n',
      fileFindings: [detail({ category: 'file', type: 'error', code: 'file_type_error' })],
    });
    expect(buildProMessages(view([unreadable]))).toEqual([]);
    expect(buildProMessages(view([unreadable, notAQuote]))).toEqual([]);
    const withChecked = buildProMessages(
      view([unreadable, quote({ checkId: 'ok', filename: 'ok.pdf' })]),
    );
    expect(withChecked.map((m) => m.text)).toEqual([
      "Aucune erreur n'est à signaler sur ce devis.",
    ]);
  });

  it('puts recommendations apart from the points to correct', () => {
    const [message] = buildProMessages(
      view([
        quote({
          adminFindings: [
            detail({ title: 'Le SIRET est absent' }),
            detail({
              id: 'q-2',
              code: 'date_chantier_manquant',
              type: 'warning',
              title: 'La date de début',
            }),
          ],
        }),
      ]),
    );
    const text = message?.text ?? '';
    expect(text.indexOf('Le SIRET est absent')).toBeLessThan(
      text.indexOf('Recommandations (non obligatoires)'),
    );
    expect(text.indexOf('Recommandations (non obligatoires)')).toBeLessThan(
      text.indexOf('La date de début'),
    );
  });

  it('case findings go with the message of a case that has one company only', () => {
    const coherence = detail({
      category: 'case_incoherence',
      type: 'error',
      title: 'Client différent',
    });
    const one = buildProMessages(
      view([quote({ checkId: 'a', companyName: 'A' }), quote({ checkId: 'b', companyName: 'A' })], {
        caseFindings: [coherence],
      }),
    );
    expect(one).toHaveLength(1);
    expect(one[0]?.text).toContain('Incohérences entre les devis');
    const two = buildProMessages(
      view([quote({ checkId: 'a', companyName: 'A' }), quote({ checkId: 'b', companyName: 'B' })], {
        caseFindings: [coherence],
      }),
    );
    expect(two.map((m) => m.text).join('\n')).not.toContain('Client différent');
  });

  it('escapes in html', () => {
    const [message] = buildProMessages(
      view([quote({ filename: '<b>x</b>', adminFindings: [detail({})] })]),
    );
    expect(message?.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(message?.text).toContain('« <b>x</b> »');
  });
});

describe('reportSummary', () => {
  it('says what happened to each file and counts recommendations apart', () => {
    const summary = reportSummary(
      view(
        [
          quote({
            checkId: 'a',
            adminFindings: [detail({}), detail({ id: 'w', type: 'warning' })],
          }),
          quote({ checkId: 'b' }),
          quote({
            checkId: 'c',
            fileFindings: [detail({ category: 'file', type: 'error', code: 'file_reading_error' })],
          }),
          quote({
            checkId: 'd',
            fileFindings: [detail({ category: 'file', type: 'error', code: 'file_type_error' })],
          }),
        ],
        { notChecked: [{ filename: 'x.docx', reason: 'format non pris en charge' }] },
      ),
    );
    expect(summary).toBe(
      "2 devis vérifiés, 1 document qui n'est pas un devis, 1 fichier illisible, 1 pièce jointe non analysée : 1 point à corriger, 1 recommandation.",
    );
  });

  it('never counts an unread file as checked or as a point to correct', () => {
    const summary = reportSummary(
      view([
        quote({
          fileFindings: [detail({ category: 'file', type: 'error', code: 'file_reading_error' })],
        }),
      ]),
    );
    expect(summary).toBe("Aucun devis n'a pu être vérifié : 1 fichier illisible.");
  });

  it('a quote with only recommendations is conforming', () => {
    const q = quote({
      adminFindings: [detail({ type: 'warning', code: 'date_chantier_manquant' })],
    });
    expect(statusLabel(q)).toBe('conforme (aucun point à corriger, 1 recommandation)');
    expect(reportSummary(view([q]))).toBe(
      '1 devis vérifié : aucun point à corriger, 1 recommandation.',
    );
  });
});

describe('groupQuoteFindings', () => {
  it('drops hidden categories and repeats, groups by geste, keeps unknown gestes apart', () => {
    const groups = groupQuoteFindings(
      [
        detail({}),
        detail({ id: 'q-2' }),
        detail({
          id: 'q-3',
          category: 'geste_prices',
          code: 'geste_prix_inhabituel' as ErrorDetail['code'],
        }),
        detail({ id: 'q-4', category: 'gestes', geste_id: 'q-geste-1', title: 'A' }),
        detail({ id: 'q-5', category: 'gestes', geste_id: 'q-geste-9', title: 'B' }),
        detail({ id: 'q-6', category: 'file', code: 'file_reading_error' }),
      ],
      [
        { id: 'q-geste-1', label: 'Volet isolant' },
        { id: 'q-geste-2', label: 'Porte' },
      ],
    );
    expect(groups.adminFindings.map((d) => d.id)).toEqual(['q-1']);
    expect(groups.fileFindings.map((d) => d.id)).toEqual(['q-6']);
    expect(groups.gestes.map((g) => [g.label, g.findings.map((d) => d.title)])).toEqual([
      ['Volet isolant', ['A']],
      ['Porte', []],
      ['Travaux non précisés', ['B']],
    ]);
  });
});
