import { describe, expect, it } from '@jest/globals';
import type { FindingCategory } from '../../src/domain/finding-codes.js';
import { deriveCheckStatus, isShownToUsers } from '../../src/domain/finding.js';

const details = (...categories: FindingCategory[]) => categories.map((category) => ({ category }));

describe('deriveCheckStatus', () => {
  it.each([
    [[], 'valid'],
    [['geste_prices'], 'valid'],
    [['geste_prices', 'geste_prices'], 'valid'],
    [['gestes'], 'invalid'],
    [['admin', 'geste_prices'], 'invalid'],
    [['file'], 'invalid'],
    [['server'], 'invalid'],
    [['case_incoherence'], 'invalid'],
  ] as [FindingCategory[], string][])('%j → %s', (categories, status) => {
    expect(deriveCheckStatus(details(...categories))).toBe(status);
  });

  it('hides only price-plausibility findings', () => {
    expect(isShownToUsers({ category: 'geste_prices' })).toBe(false);
    expect(isShownToUsers({ category: 'gestes' })).toBe(true);
  });
});
