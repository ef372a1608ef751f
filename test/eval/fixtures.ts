/** A small invented truth and the outcome a perfect engine would give for it. */
import type { QuoteAttributes } from '../../src/domain/attributes.js';
import type { EvalOutcome } from '../../src/eval/score-document.js';
import type { DocumentTruth } from '../../src/eval/truth.js';

export function sampleTruth(): DocumentTruth {
  return {
    document: 'gen-001_devis_test.pdf',
    kind: 'quote',
    type_fichier: 'devis',
    mention_devis: true,
    numero_devis: 'QX-2026-0012',
    date_devis: '2026-10-06',
    validite: true,
    date_pre_visite: '2026-10-01',
    date_debut_chantier: null,
    delai_debut_chantier: 'travaux sous 4 semaines après acceptation',
    pro: {
      raison_sociale: 'ISOLATION DU VAL FICTIF',
      forme_juridique: 'SARL',
      siret: '12345678900012',
      numero_tva: 'FR00123456789',
      capital: 10000,
      rcs: '123456789',
      rcs_ville: 'Villefictive',
      rne: null,
      assurance: 'Mutuelle Imaginaire, contrat n° MI-001',
      adresse: '3 rue des Essais, 99000 Villefictive',
      rge_labels: ['E-E000001'],
      telephone: '0199001234',
      email: 'contact@val-fictif.fr',
      site_web: null,
      code_ape: null,
    },
    client: {
      civilite: 'Madame',
      nom: 'Testeuse',
      prenom: 'Aline',
      adresse: '5 allée du Cas, 99100 Bourgtest',
      telephone: '0639981111',
      email: null,
    },
    prix_total_ht: 1500,
    prix_total_ttc: 1582.5,
    tva: [{ taux_tva: 5.5, prix_ht_total: 1500, montant_tva_total: 82.5 }],
    separation_prix_fourniture_pose: true,
    gestes: [
      {
        type: 'isolation_comble_perdu',
        intitule: 'Laine soufflée',
        numero_ligne: '1',
        quantite: 50,
        unite: 'm²',
        prix_unitaire_ht: 20,
        prix_ht: 1000,
        taux_tva: 5.5,
        resistance_thermique: 7,
        numero_acermi: null,
      },
      {
        type: 'menuiserie_fenetre',
        intitule: 'Fenêtre PVC – Séjour',
        numero_ligne: '2',
        quantite: 1,
        unite: 'u',
        prix_unitaire_ht: 500,
        prix_ht: 500,
        taux_tva: 5.5,
        uw: 1.3,
        sw: 0.42,
      },
    ],
    expected_error_codes: ['date_pre_visite_manquant', 'geste_rge_non_correspondant'],
  };
}

/** Attributes equal to the truth (nulls dropped), as a perfect reader would emit them. */
export function perfectAttributes(truth: DocumentTruth): QuoteAttributes {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== null)
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return value;
  };
  return strip({
    type_fichier: truth.type_fichier,
    mention_devis: truth.mention_devis,
    numero_devis: truth.numero_devis,
    date_devis: truth.date_devis,
    validite: truth.validite,
    date_pre_visite: truth.date_pre_visite,
    delai_debut_chantier: truth.delai_debut_chantier,
    pro: truth.pro,
    client: truth.client,
    prix_total_ht: truth.prix_total_ht,
    prix_total_ttc: truth.prix_total_ttc,
    tva: truth.tva,
    separation_prix_fourniture_pose: truth.separation_prix_fourniture_pose,
    gestes: truth.gestes,
  }) as QuoteAttributes;
}

export function perfectOutcome(truth: DocumentTruth): EvalOutcome {
  return {
    reading: 'text_layer',
    attributes: perfectAttributes(truth),
    errors: [...truth.expected_error_codes],
  };
}
