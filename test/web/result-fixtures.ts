/** A realistic result to show: admin findings, a geste with findings, one without, à vérifier. */
import type { SeedCheck } from '../support/seed-results.js';
import { finding } from '../support/seed-results.js';

export const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

export function sampleCheck(overrides: Partial<SeedCheck> = {}): SeedCheck {
  return {
    filename: 'Devis_2026_POMPE_A_CHALEUR_ChaleurExemple_version_definitive_signee.pdf',
    attributes: {
      pro: { raison_sociale: 'Chaleur Exemple SARL', siret: '81176617900014' },
      gestes: [
        { type: 'pac_air_eau', intitule: 'Pompe à chaleur air/eau 8 kW', numero_ligne: '1' },
        { type: 'isolation_comble_perdu', intitule: 'Isolation des combles perdus' },
      ],
    } as SeedCheck['attributes'],
    details: [
      finding('{id}-1', 'devis_manquant', {
        title: 'La date du devis est absente',
        solution: 'Ajoutez la date à laquelle le devis a été établi.',
      }),
      finding('{id}-2', 'pro_assurance_manquant', {
        title: "L'assurance décennale n'est pas mentionnée",
        solution: "Indiquez le nom de l'assureur et le numéro du contrat.",
      }),
      finding('{id}-geste-1-3', 'chauffage_etas_manquant', {
        category: 'gestes',
        geste_id: '{id}-geste-1',
        title: "L'efficacité saisonnière (ETAS) n'est pas indiquée",
        solution: "Indiquez l'ETAS en pourcentage, selon le régime de température.",
      }),
      finding('{id}-geste-1-4', 'pac_regime_temperature_manquant', {
        category: 'gestes',
        geste_id: '{id}-geste-1',
        title: 'Le régime de température est absent',
      }),
    ],
    toVerify: [{ code: 'client_adresse_manquant', label: "l'adresse des travaux" }],
    ...overrides,
  };
}
