import { describe, expect, it } from '@jest/globals';
import type { ErrorDetail } from '../../src/domain/finding.js';
import { buildProMessage } from '../../src/mail/pro-message.js';
import { SAMPLE_DATA } from '../../src/mail/preview-samples.js';
import { groupQuoteFindings, type CaseReportView } from '../../src/mail/report-view.js';

const detail = (over: Partial<ErrorDetail>): ErrorDetail => ({
  id: 'q-1',
  code: 'siret_manquant',
  category: 'admin',
  type: 'missing',
  title: 'Le SIRET est absent',
  ...over,
});

describe('buildProMessage', () => {
  it('case mode: coherence section, then one section per quote with findings', () => {
    const { text, html } = buildProMessage(SAMPLE_DATA.results_available);
    expect(text.indexOf('Incohérences entre les devis')).toBeLessThan(text.indexOf('Devis 1 - '));
    expect(text).not.toContain('Devis 2 - '); // the valid quote contributes nothing
    expect(text).toContain('du dossier Maison Exemple');
    expect(html).toContain('<strong>Mentions administratives</strong>');
  });

  it('single mode without errors: one paragraph, no greeting', () => {
    const view: CaseReportView = {
      ...SAMPLE_DATA.results_available,
      kind: 'quote',
      quotes: [SAMPLE_DATA.results_available.quotes[1]!],
      caseFindings: [],
    };
    expect(buildProMessage(view).text).toBe("Aucune erreur n'est à signaler sur ce devis.");
  });

  it('escapes in html', () => {
    const view: CaseReportView = {
      ...SAMPLE_DATA.results_available,
      kind: 'quote',
      quotes: [{ ...SAMPLE_DATA.results_available.quotes[0]!, filename: '<b>x</b>' }],
    };
    const { html, text } = buildProMessage(view);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(text).toContain('« <b>x</b> »');
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
