/** The à vérifier lines of a check, split as the report shows them (DESIGN.md §5, §11). */
import { describe, expect, it } from '@jest/globals';
import { countQuote, looksConforming, statusLabel } from '../../src/mail/report-outcome.js';
import { toVerifyViews, type QuoteReportView } from '../../src/mail/report-view.js';

describe('toVerifyViews', () => {
  it('puts unread mentions, unconfirmed aid rules and aid information apart, without repeats', () => {
    expect(
      toVerifyViews([
        { code: 'date_pre_visite_manquant', label: 'la date de la visite préalable', page: 1 },
        { code: 'chauffage_etas_insuffisant', kind: 'threshold', label: 'PAC : ETAS 120 %' },
        { code: 'chauffage_etas_insuffisant', kind: 'threshold', label: 'PAC : ETAS 120 %' },
        { code: 'scheme-murs-mpr-2026', kind: 'scheme', label: 'ITE : plus MaPrimeRénov' },
        { code: 'scheme-x', kind: 'information', label: 'Information confirmée' },
      ]),
    ).toEqual({
      toVerify: ['la date de la visite préalable'],
      aidRulesToVerify: ['PAC : ETAS 120 %', 'ITE : plus MaPrimeRénov'],
      aidInformation: ['Information confirmée'],
    });
  });

  it('leaves out empty lists', () => {
    expect(toVerifyViews([])).toEqual({});
  });
});

describe('the result line of a checked quote in a report', () => {
  const quote: QuoteReportView = {
    checkId: 'c1',
    filename: 'photo.jpg',
    status: 'valid',
    fileFindings: [],
    adminFindings: [],
    gestes: [],
  };

  it('is « conforme » when nothing is to correct nor to check', () => {
    expect(statusLabel(quote)).toBe('conforme, aucun oubli détecté');
    expect(looksConforming(countQuote(quote))).toBe(true);
  });

  it('is not « conforme » when mentions are left to check (DESIGN.md §5)', () => {
    const unread = { ...quote, toVerify: ['la date de la visite préalable', 'le SIRET'] };
    expect(statusLabel(unread)).toBe('aucun point à corriger, 2 mentions à vérifier');
    expect(looksConforming(countQuote(unread))).toBe(false);
  });
});
