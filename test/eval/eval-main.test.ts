import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { evalMain } from '../../src/cli/eval-main.js';
import type { EvalReport } from '../../src/eval/aggregate.js';
import { sampleTruth } from './fixtures.js';

function captureIo(): {
  io: { stdout: PassThrough; stderr: PassThrough };
  out: () => string;
  err: () => string;
} {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  return {
    io: { stdout, stderr },
    out: () => Buffer.concat(chunks.out).toString('utf8'),
    err: () => Buffer.concat(chunks.err).toString('utf8'),
  };
}

describe('npm run eval (evalMain)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mdso-eval-cli-'));
    const truth = { ...sampleTruth(), document: 'gen-001_devis_texte.txt' };
    await writeFile(join(dir, truth.document), 'DEVIS N° QX-2026-0012\nDate : 06/10/2026\n');
    await writeFile(join(dir, 'gen-001_devis_texte.truth.json'), JSON.stringify(truth));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the engine on the folder and prints the figures as JSON', async () => {
    const cap = captureIo();
    const code = await evalMain([dir, '--json', '--today', '2026-11-24'], cap.io);
    expect(code).toBe(0);
    const report = JSON.parse(cap.out()) as EvalReport;
    expect(report.today).toBe('2026-11-24');
    expect(report.documents.map((d) => d.id)).toEqual(['gen-001']);
    expect(report.groups.text.fieldDocuments).toEqual(['gen-001']);
    expect(report.groups.text.fields['numero_devis']?.tp).toBe(1);
    expect(cap.err()).toMatch(/\[1\/1\] gen-001_devis_texte\.txt/u);
  });

  it('prints a table by default and refuses bad usage with exit code 2', async () => {
    const table = captureIo();
    expect(await evalMain([dir, '--today', '2026-11-24'], table.io)).toBe(0);
    expect(table.out()).toMatch(/^ALL FIELDS /mu);
    const bad = captureIo();
    expect(await evalMain([join(dir, 'missing')], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/Not a folder/u);
  });
});
