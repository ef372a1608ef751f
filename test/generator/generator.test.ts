/** Generated quotes: corpus truth format, coverage of layouts and geste types, identifiers, codes, totals. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GESTE_TYPES } from '../../src/domain/geste-types.js';
import { parseTruth, type DocumentTruth } from '../../src/eval/truth.js';
import { generateQuotes, type GeneratedQuote } from './generate.js';
import { isLuhnValid } from '../../src/domain/identifiers.js';
import { FICTION_LANDLINES, FICTION_MOBILE } from './identity.js';
import { LAYOUTS } from './layouts/index.js';
import { rulesValidator } from './rules-validator.js';
import { truthAttributes } from './truth.js';

const TRUTH_KEYS = [
  'document',
  'kind',
  'layout',
  'pages',
  'size_bytes',
  'sha256',
  'text_layer',
  'type_fichier',
  'mention_devis',
  'numero_devis',
  'date_devis',
  'validite',
  'validite_mention',
  'date_pre_visite',
  'date_debut_chantier',
  'delai_debut_chantier',
  'objet',
  'pro',
  'client',
  'chantier',
  'prix_total_ht',
  'prix_total_ttc',
  'tva',
  'separation_prix_fourniture_pose',
  'prime_cee',
  'net_a_payer',
  'lignes',
  'gestes',
  'expected_error_codes',
  'expected_errors',
  'needs_network_codes',
  'deliberate_defects',
  'notes',
];
const PRO_KEYS = [
  'raison_sociale',
  'forme_juridique',
  'siret',
  'numero_tva',
  'capital',
  'rcs',
  'rcs_ville',
  'rne',
  'assurance',
  'adresse',
  'rge_labels',
  'telephone',
  'email',
  'site_web',
  'code_ape',
];
const CLIENT_KEYS = ['civilite', 'nom', 'prenom', 'adresse', 'telephone', 'email'];
const GESTE_COMMON = [
  'type',
  'intitule',
  'numero_ligne',
  'quantite',
  'unite',
  'prix_unitaire_ht',
  'prix_ht',
  'taux_tva',
];

describe('quote generator', () => {
  let dir = '';
  let quotes: GeneratedQuote[] = [];
  const truths = new Map<string, DocumentTruth>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mdso-gen-'));
    quotes = await generateQuotes({
      outDir: dir,
      count: 60,
      seed: 'jest',
      validate: rulesValidator,
    });
    for (const q of quotes) {
      truths.set(
        q.document,
        parseTruth(JSON.parse(await readFile(join(dir, q.truthFile), 'utf8')), q.truthFile),
      );
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every document and a truth in the corpus format', async () => {
    expect(quotes).toHaveLength(60);
    for (const q of quotes) {
      const truth = truths.get(q.document) as DocumentTruth;
      const bytes = await readFile(join(dir, q.document));
      expect(Object.keys(truth)).toEqual(TRUTH_KEYS);
      expect(Object.keys(truth.pro ?? {})).toEqual(PRO_KEYS);
      expect(Object.keys(truth.client ?? {})).toEqual(CLIENT_KEYS);
      expect(truth.document).toBe(q.document);
      expect(truth.size_bytes).toBe(bytes.length);
      expect(q.truthFile).toBe(q.document.replace(/\.(pdf|txt)$/u, '.truth.json'));
      expect(q.document).toMatch(/^gen-\d{3}_[a-z0-9_]+\.(pdf|txt)$/u);
      if (q.document.endsWith('.pdf')) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      for (const geste of truth.gestes ?? [])
        expect(Object.keys(geste).slice(0, GESTE_COMMON.length)).toEqual(GESTE_COMMON);
    }
  });

  it('covers every layout and all 21 geste types over 60 quotes', () => {
    expect(new Set(quotes.map((q) => q.layout))).toEqual(new Set(LAYOUTS.map((l) => l.name)));
    expect(LAYOUTS.length).toBeGreaterThanOrEqual(9);
    const types = new Set([...truths.values()].flatMap((t) => (t.gestes ?? []).map((g) => g.type)));
    expect([...types].sort()).toEqual([...GESTE_TYPES].sort());
  });

  it('prints valid identifiers in the fiction ranges', () => {
    for (const truth of truths.values()) {
      const pro = truth.pro ?? {};
      const siret = pro.siret ?? null;
      if (siret !== null && siret.length === 14) expect(isLuhnValid(siret)).toBe(true);
      const siren = pro.rcs ?? pro.rne ?? '';
      expect(isLuhnValid(siren)).toBe(true);
      if (pro.numero_tva) {
        const key = (12 + 3 * (Number(siren) % 97)) % 97;
        expect(pro.numero_tva).toBe(`FR${String(key).padStart(2, '0')}${siren}`);
      }
      if (pro.telephone)
        expect(FICTION_LANDLINES.some((p) => pro.telephone?.startsWith(p))).toBe(true);
      if (truth.client?.telephone)
        expect(truth.client.telephone.startsWith(FICTION_MOBILE)).toBe(true);
    }
  });

  it('varies the expected codes, computed by the rules on the truth values', () => {
    const codes = new Set([...truths.values()].flatMap((t) => t.expected_error_codes));
    expect(codes.size).toBeGreaterThanOrEqual(20);
    for (const code of [
      'siret_format_erreur',
      'tva_manquant',
      'rge_manquant',
      'date_validite_manquant',
      'date_pre_visite_manquant',
      'separation_fourniture_pose_manquant',
      'prix_total_ht_manquant',
    ]) {
      expect(codes).toContain(code);
    }
    for (const truth of [...truths.values()].slice(0, 10)) {
      const {
        document: _d,
        pages: _p,
        size_bytes: _s,
        sha256: _h,
        expected_error_codes: _c,
        ...body
      } = truth;
      const again = rulesValidator(truthAttributes(body)).map((e) => e.code);
      for (const code of truth.expected_error_codes) expect(again).toContain(code);
    }
  });

  it('keeps totals consistent with the lines', () => {
    for (const truth of truths.values()) {
      const lines = truth.lignes ?? [];
      if (truth.prix_total_ht === null) {
        const ttc = lines.reduce((s, l) => s + (l.prix_ttc ?? 0), 0);
        expect(truth.prix_total_ttc).toBeCloseTo(ttc, 2);
        continue;
      }
      expect(truth.prix_total_ht).toBeCloseTo(
        lines.reduce((s, l) => s + (l.prix_ht ?? 0), 0),
        2,
      );
      const vat = (truth.tva ?? []).reduce((s, v) => s + (v.montant_tva_total ?? 0), 0);
      expect(truth.prix_total_ttc).toBeCloseTo((truth.prix_total_ht ?? 0) + vat, 2);
    }
  });
});
