/** The `mdso` command as a user runs it: a real process on the compiled code (built by `pretest`). */
import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => `test/fixtures/files/${name}`;

function mdso(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['bin/mdso.js', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('mdso check', () => {
  it('prints one JSON object per file, the same for the same file', () => {
    const args = [
      'check',
      '--json',
      '--today',
      '2026-11-24',
      fixture('dev-02.pdf'),
      fixture('dev-11-truncated.pdf'),
    ];
    const first = mdso(args);
    expect(first.code).toBe(0);
    const [quote, truncated] = jsonLines(first.stdout);
    expect(quote).toMatchObject({ file: fixture('dev-02.pdf'), status: 'invalid' });
    expect(quote?.errors).toEqual(expect.arrayContaining(['siret_format_erreur']));
    expect(Object.keys(quote ?? {})).toEqual([
      'file',
      'status',
      'attributes',
      'provenance',
      'errors',
      'error_details',
      'control_codes',
      'controls_count',
      'versions',
    ]);
    expect(truncated).toMatchObject({ status: 'invalid', errors: ['file_reading_error'] });
    expect(first.stderr).toContain('[2/2]');
    expect(mdso(args).stdout).toBe(first.stdout);
  });

  it('stops quietly when its reader closes the pipe early (`mdso check … | head -c 10`)', async () => {
    const child = spawn(
      process.execPath,
      ['bin/mdso.js', 'check', '--json', fixture('dev-02.pdf'), fixture('dev-02.pdf')],
      {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // like `head -c 10`: read a little, then close our end of the pipe
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/u);
  });

  it('prints a readable French summary without --json', () => {
    const run = mdso(['check', '--today', '2026-11-24', fixture('dev-12-encrypted.pdf')]);
    expect(run.code).toBe(0);
    // a file that could not be read is not a checked quote with a point to correct (DESIGN.md §6)
    expect(run.stdout).toContain('non vérifié (fichier illisible)');
    expect(run.stdout).not.toContain('point à corriger');
    expect(run.stdout).toMatch(/mot de passe/u);
  });

  it('exits with 2 on a missing file or a bad option', () => {
    expect(mdso(['check', 'nope.pdf']).code).toBe(2);
    expect(mdso(['check', '--today', '24/11/2026', fixture('dev-02.pdf')]).code).toBe(2);
    expect(mdso(['check']).code).toBe(2);
    expect(mdso(['frobnicate']).code).toBe(2);
  });
});

describe('mdso validate', () => {
  it('judges attributes read on stdin', () => {
    const geste = { type: 'panneaux_photovoltaiques', intitule: 'Panneaux' };
    const attributes = { type_fichier: 'devis', mention_devis: true, gestes: [geste] };
    const run = mdso(['validate', '--json', '--today', '2026-11-24'], JSON.stringify(attributes));
    expect(run.code).toBe(0);
    const [result] = jsonLines(run.stdout);
    // 1 file + 24 admin controls, then geste_type_inconnu for the unknown geste
    expect(result?.controls_count).toBe(26);
    expect(result?.errors).toEqual(
      expect.arrayContaining(['numero_devis_manquant', 'siret_manquant']),
    );
    expect(result?.errors).not.toContain('devis_manquant');
  });

  it('gives a quote without any energy-renovation geste its single finding', () => {
    const attributes = { type_fichier: 'devis', mention_devis: true, gestes: [] };
    const run = mdso(['validate', '--json', '--today', '2026-11-24'], JSON.stringify(attributes));
    const [result] = jsonLines(run.stdout);
    expect(result?.errors).toEqual(['geste_renovation_energetique_absent']);
  });

  it('exits with 2 when stdin is not a JSON object', () => {
    expect(mdso(['validate'], '[1,2]').code).toBe(2);
    expect(mdso(['validate'], 'pas du json').code).toBe(2);
  });
});
