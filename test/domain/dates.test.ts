import { describe, expect, test } from '@jest/globals';
import { findDates, parisToday, parseDate } from '../../src/domain/dates.js';

describe('parseDate', () => {
  test.each([
    ['06/10/2026', '2026-10-06'],
    ['6/10/2026', '2026-10-06'],
    ['06/10/26', '2026-10-06'],
    ['06-10-2026', '2026-10-06'],
    ['06.10.2026', '2026-10-06'],
    ['2026-10-06', '2026-10-06'],
    ['6 oct. 2026', '2026-10-06'],
    ['6 oct 2026', '2026-10-06'],
    ['16 octobre 2026', '2026-10-16'],
    ['16 OCTOBRE 2026', '2026-10-16'],
    ['1er mars 2027', '2027-03-01'],
    ['3 févr. 2027', '2027-02-03'],
    ['30 sept. 2026', '2026-09-30'],
    ['25 août 2026', '2026-08-25'],
    ['1er décembre 2026', '2026-12-01'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  test.each(['31/02/2026', '00/10/2026', '12/13/2026', 'octobre 2026', '2026', 'hier'])(
    '%s is not a date',
    (raw) => {
      expect(parseDate(raw)).toBeUndefined();
    },
  );
});

describe('findDates', () => {
  test('dates inside sentences', () => {
    const found = findDates(
      "Montmorot, le 16 octobre 2026 — visite du 12/10/26, valable jusqu'au 1er mars 2027.",
    );
    expect(found.map((d) => d.iso)).toEqual(['2026-10-16', '2026-10-12', '2027-03-01']);
  });

  test('a weekday before the date is allowed', () => {
    expect(findDates('lundi 6 octobre 2026')[0]?.iso).toBe('2026-10-06');
  });

  test('numbers that are not dates are ignored', () => {
    expect(
      findDates('Réf. 2026-58, Uw = 1,3, 4/20/4, ACERMI 15/128/998').map((d) => d.iso),
    ).toEqual([]);
  });
});

describe('parisToday', () => {
  test.each([
    ['2026-11-24T22:59:00Z', '2026-11-24'],
    ['2026-11-24T23:30:00Z', '2026-11-25'], // already the 25th in France (UTC+1)
    ['2026-07-01T22:30:00Z', '2026-07-02'], // summer time (UTC+2)
    ['2026-07-01T21:30:00Z', '2026-07-01'],
  ])('%s is %s in France', (instant, expected) => {
    expect(parisToday(new Date(instant))).toBe(expected);
  });
});
