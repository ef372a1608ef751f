import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReport } from '../../src/eval/format-report.js';
import { runEval, type CheckFn } from '../../src/eval/run-eval.js';
import type { EvalOutcome } from '../../src/eval/score-document.js';
import { perfectOutcome, sampleTruth } from './fixtures.js';

describe('runEval over a folder', () => {
  let dir = '';
  const good = sampleTruth();
  const scan = {
    ...sampleTruth(),
    document: 'gen-002_devis_scan.pdf',
    requires_ocr: true,
    kind: 'scanned',
  };
  const broken = {
    ...sampleTruth(),
    document: 'gen-003_devis_tronque.pdf',
    kind: 'corrupt',
    expected_error_codes: ['file_reading_error'],
  };
  const text = { ...sampleTruth(), document: 'gen-004_devis_texte.txt' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mdso-eval-'));
    for (const truth of [good, scan, broken, text]) {
      await writeFile(join(dir, truth.document), 'content');
      await writeFile(
        join(dir, truth.document.replace(/\.[a-z]+$/u, '.truth.json')),
        JSON.stringify(truth),
      );
    }
    await writeFile(
      join(dir, 'gen-005_devis_sans_fichier.truth.json'),
      JSON.stringify({ ...good, document: 'x.pdf' }),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const check: CheckFn = async ({ filename }): Promise<EvalOutcome> => {
    if (filename === scan.document)
      return { reading: 'scan', attributes: {}, errors: ['file_reading_error'] };
    if (filename === broken.document)
      return { reading: 'unreadable', attributes: {}, errors: ['file_reading_error'] };
    if (filename === text.document) throw new Error('boom');
    return perfectOutcome(good);
  };

  it('scores readable documents, keeps scans and unreadable files apart, survives engine errors', async () => {
    const report = await runEval({ dir, today: '2026-11-24', check });
    expect(report.documents.map((d) => [d.id, d.group])).toEqual([
      ['gen-001', 'text'],
      ['gen-002', 'scan'],
      ['gen-003', 'unreadable'],
      ['gen-004', 'unreadable'],
    ]);
    expect(report.groups.text.overall).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(report.groups.text.codes.f1).toBe(1);
    expect(report.groups.scan.fieldDocuments).toEqual([]);
    expect(report.groups.scan.codes.f1).toBe(0);
    expect(report.groups.unreadable.unscoredDocuments).toEqual(['gen-003', 'gen-004']);
    expect(report.notes.join('\n')).toMatch(/Engine error on gen-004_devis_texte\.txt/u);
    expect(report.notes.join('\n')).toMatch(/Skipped gen-005_devis_sans_fichier\.truth\.json/u);
    expect(report.notes.join('\n')).toMatch(
      /left out of the field scores.*gen-002, gen-003, gen-004/u,
    );
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    expect(json.groups.text.fields['pro.siret']).toMatchObject({
      tp: 1,
      precision: 1,
      recall: 1,
      f1: 1,
    });

    const table = formatReport(report);
    expect(table).toMatch(/^pro\.siret +1 +1 +1 +100\.0% +100\.0% +100\.0%$/mu);
    expect(table).toMatch(/^ALL FIELDS /mu);
    expect(table).toMatch(/^scan +1 +0 /mu);
    expect(table).toMatch(/not read/u);
  });
});

describe('runEval and the aid-threshold codes', () => {
  let dir = '';
  const below = sampleTruth();
  below.document = 'gen-010_devis_r_faible.pdf';
  below.gestes = below.gestes?.map((g) =>
    g.type === 'isolation_comble_perdu' ? { ...g, resistance_thermique: 5 } : g,
  );
  const meets = { ...sampleTruth(), document: 'gen-011_devis_r_ok.pdf' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mdso-eval-thresholds-'));
    for (const truth of [below, meets]) {
      await writeFile(join(dir, truth.document), 'content');
      await writeFile(
        join(dir, truth.document.replace(/\.pdf$/u, '.truth.json')),
        JSON.stringify(truth),
      );
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('expects a threshold code exactly when the truth values are below a confirmed threshold', async () => {
    const check: CheckFn = async ({ filename }) => {
      const truth = filename === below.document ? below : meets;
      const outcome = perfectOutcome(truth);
      // the engine raises the threshold code on both: right on the first, wrong on the second
      return { ...outcome, errors: [...outcome.errors, 'isolation_r_insuffisant'] };
    };
    const report = await runEval({ dir, today: '2026-11-24', check });
    const [low, ok] = report.documents;
    expect(low?.codes.fp).toBe(0);
    expect(low?.missingCodes).toEqual([]);
    expect(ok?.codes.fp).toBe(1);
    expect(ok?.extraCodes).toEqual(['isolation_r_insuffisant']);
    expect(report.notes.join('\n')).toMatch(
      /gen-010: isolation_r_insuffisant \(found\); gen-011: isolation_r_insuffisant \(NOT in the truth values\)/u,
    );
  });
});
