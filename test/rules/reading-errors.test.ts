import { describe, expect, it } from '@jest/globals';
import { FR_WORDING } from '../../src/rules/wording.js';
import { readingErrorDetail, timeoutDetail } from '../../src/rules/validate-quote.js';

describe('reading errors and timeout (spec/rules.md §3.1, §3.13)', () => {
  it.each([
    ['unsupported_file_format', 'file'],
    ['llm_error', 'server'],
    ['empty_file_error', 'file'],
    ['file_reading_error', 'file'],
  ] as const)('%s is a %s error without from_case', (code, category) => {
    const detail = readingErrorDetail('chk', code);
    expect(detail).toEqual({
      id: 'chk-1',
      code,
      category,
      type: 'error',
      title: FR_WORDING[code].title,
      solution: FR_WORDING[code].explanation,
    });
  });

  it('carries what precisely went wrong as the problem', () => {
    const detail = readingErrorDetail(
      'chk',
      'file_reading_error',
      'Le PDF est protégé par un mot de passe.',
    );
    expect(detail.problem).toBe('Le PDF est protégé par un mot de passe.');
    expect(readingErrorDetail('chk', 'file_reading_error', '  ')).not.toHaveProperty('problem');
  });

  it('builds the timeout finding', () => {
    expect(timeoutDetail('chk')).toMatchObject({
      id: 'chk-1',
      code: 'server_timeout_error',
      category: 'server',
      type: 'error',
      from_case: false,
    });
  });
});
