import { describe, expect, it } from '@jest/globals';
import { backoffMs } from '../src/backoff.js';

describe('backoffMs', () => {
  it('doubles from the base after each failed attempt, up to the cap', () => {
    const options = { baseMs: 1000, maxMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, options))).toEqual([
      1000, 2000, 4000, 5000, 5000,
    ]);
    expect(backoffMs(0, options)).toBe(1000);
  });

  it('spreads the delay by ± the jitter', () => {
    const at = (random: number) =>
      backoffMs(2, { baseMs: 1000, maxMs: 60_000, jitter: 0.2, random: () => random });
    expect([at(0), at(0.5), at(1)]).toEqual([1600, 2000, 2400]);
  });
});
