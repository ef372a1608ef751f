/**
 * Quotes with deliberate values below the aid thresholds (test/fixtures/thresholds): read from
 * their text, values and units as printed, each below-threshold value is found with its source;
 * nothing else is raised; a year later the CEE-only ones become lines to check (issue 12).
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { THRESHOLD_CODES } from '../../src/domain/finding-codes.js';
import { documentFromText } from '../../src/extract/document.js';
import { extractQuote } from '../../src/extract/index.js';
import { validateQuote } from '../../src/rules/validate-quote.js';

const DIR = join(process.cwd(), 'test/fixtures/thresholds');

interface ExpectedFinding {
  geste: string;
  code: string;
  value: string;
  sources: string[];
}

interface Expected {
  findings: ExpectedFinding[];
  lines: string[];
  a_year_later: { findings: string[]; lines: string[] };
}

const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/u, ''))
  .sort();

function check(text: string) {
  const { attributes } = extractQuote(documentFromText(text));
  const result = validateQuote({ checkId: 'f', attributes, today: '2026-12-07' });
  const typeOf = (gesteId: string | undefined) => {
    const index = Number(/-geste-(\d+)$/u.exec(gesteId ?? '')?.[1] ?? 0) - 1;
    return String(attributes.gestes?.[index]?.type ?? '');
  };
  const findings = result.details
    .filter((d) => (THRESHOLD_CODES as readonly string[]).includes(d.code))
    .map((d) => ({ ...d, geste: typeOf(d.geste_id) }));
  const lines = result.toVerify
    .filter((t) => t.kind !== undefined)
    .map((t) => `${typeOf(t.geste_id)} ${t.code}`);
  return { findings, lines };
}

describe('deliberate below-threshold values in quotes', () => {
  it('has fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(2);
  });

  it.each(names)('%s: each value found, with its source', (name) => {
    const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(DIR, `${name}.expected.json`), 'utf8'),
    ) as Expected;
    const { findings, lines } = check(text);
    expect(findings.map((f) => `${f.geste} ${f.code}`)).toEqual(
      expected.findings.map((f) => `${f.geste} ${f.code}`),
    );
    expected.findings.forEach((want, i) => {
      const got = findings[i]!;
      expect(got.type).toBe('wrong');
      expect(got.provided_value).toBe(want.value);
      for (const source of want.sources) expect(got.problem).toContain(source);
    });
    expect(lines).toEqual(expected.lines);
  });

  it.each(names)('%s: dated a year later', (name) => {
    const text = readFileSync(join(DIR, `${name}.txt`), 'utf8').replace(/ 2025\b/u, ' 2026');
    const expected = JSON.parse(
      readFileSync(join(DIR, `${name}.expected.json`), 'utf8'),
    ) as Expected;
    const { findings, lines } = check(text);
    expect(findings.map((f) => `${f.geste} ${f.code}`)).toEqual(expected.a_year_later.findings);
    expect(lines).toEqual(expected.a_year_later.lines);
  });
});
