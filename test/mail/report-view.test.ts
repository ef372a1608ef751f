/** The à vérifier lines of a check, split as the report shows them (DESIGN.md §5, §11). */
import { describe, expect, it } from '@jest/globals';
import { toVerifyViews } from '../../src/mail/report-view.js';

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
