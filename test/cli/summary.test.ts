/** The French summary of `mdso check`: threshold findings and the à vérifier lines by kind. */
import { describe, expect, it } from '@jest/globals';
import { formatSummary } from '../../src/cli/summary.js';
import type { CheckOutcome } from '../../src/pipeline/check-outcome.js';
import { validateQuote } from '../../src/rules/validate-quote.js';

function outcomeOf(gestes: Record<string, unknown>[], dateDevis: string): CheckOutcome {
  const attributes = { type_fichier: 'devis' as const, mention_devis: true, date_devis: dateDevis };
  const result = validateQuote({
    checkId: 's',
    attributes: { ...attributes, gestes: gestes as never },
    today: '2026-12-07',
  });
  return {
    id: 's',
    status: 'invalid',
    reading: 'plain_text',
    attributes: { ...attributes, gestes: gestes as never },
    provenance: {},
    errors: result.errors,
    error_details: result.details,
    a_verifier: result.toVerify,
    control_codes: result.controlCodes,
    controls_count: result.controlsCount,
    versions: { extractor: 'x', rules: 'x' },
  };
}

describe('mdso check summary', () => {
  it('says the value read, the threshold and its source, then how to fix it', () => {
    const text = formatSummary(
      'devis.pdf',
      outcomeOf([{ type: 'isolation_comble_perdu', resistance_thermique: 5 }], '2026-10-06'),
    );
    expect(text).toContain("La résistance thermique R de l'isolant est inférieure au minimum");
    expect(text).toContain(
      "Le devis indique R = 5 m²·K/W ; pour des combles perdus, les aides exigent R ≥ 7 m²·K/W (MaPrimeRénov' : arrêté du 17 novembre 2020).",
    );
    expect(text).toMatch(/Comment corriger : Choisissez un isolant plus épais/u);
  });

  it('lists unconfirmed thresholds and aid changes apart from unread mentions', () => {
    const text = formatSummary(
      'devis.pdf',
      outcomeOf(
        [
          { type: 'isolation_thermique_par_exterieur_ITE', resistance_thermique: 3.2 },
          { type: 'pac_air_eau', ETAS: 120, regime_temperature: 'basse' },
        ],
        '2026-10-06',
      ),
    );
    expect(text).toContain('Seuils et conditions des aides à vérifier (sources non confirmées) :');
    expect(text).toMatch(
      /\? Isolation des murs par l'extérieur \(ITE\) : le devis indique R = 3,2/u,
    );
    expect(text).toMatch(/ne serait plus financée par MaPrimeRénov' par geste/u);
    expect(text).toMatch(/ETAS ≥ 126 % pour une pompe à chaleur basse température.*à confirmer/u);
    expect(text).not.toContain('À vérifier (vu sur le devis');
  });
});

describe('verdict line of a checked quote', () => {
  const base = outcomeOf([], '2026-10-06');
  const clean: CheckOutcome = { ...base, status: 'valid', errors: [], error_details: [] };

  it('says « conforme » only when nothing is to correct nor to check', () => {
    const { a_verifier: _unused, ...withoutToVerify } = clean;
    expect(formatSummary('devis.pdf', withoutToVerify).split('\n')[0]).toBe(
      'devis.pdf — conforme, aucun oubli détecté',
    );
  });

  it('is not « conforme » when mentions were seen but not read (DESIGN.md §5)', () => {
    const toVerify = [
      { code: 'date_pre_visite_manquant', label: 'la date de la visite préalable' },
      { code: 'numero_devis_manquant', label: 'le numéro du devis' },
    ];
    const first = formatSummary('photo.jpg', { ...clean, a_verifier: toVerify }).split('\n')[0];
    expect(first).toBe('photo.jpg — aucun point à corriger, 2 mentions à vérifier');
    expect(first).not.toMatch(/conforme/u);
  });
});
