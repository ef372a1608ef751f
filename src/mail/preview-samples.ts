/** Invented sample data for every template (`/mail-previews`, tests): no real person or company. */
import type { ErrorDetail } from '../domain/finding.js';
import type { CaseReportView, TemplateDataMap } from './report-view.js';
import type { TemplateName } from './template-names.js';

const HOST = 'http://localhost:3001';
const ADDRESS = 'devis@mail.mdso.local';

function finding(id: string, code: ErrorDetail['code'], extra: Partial<ErrorDetail>): ErrorDetail {
  const category = extra.category ?? 'admin';
  return { id, code, category, type: 'missing', title: '', from_case: false, ...extra };
}

const resultsCase: CaseReportView = {
  kind: 'case',
  caseId: 'c0ffee00-0000-4000-8000-000000000001',
  reference: 'Maison Exemple',
  resultUrl: `${HOST}/conseiller/dossier/c0ffee00-0000-4000-8000-000000000001?mtm_campaign=full_email`,
  analysedAt: '2026-03-12T09:30:00Z',
  receivedAt: '2026-03-12T09:12:00Z',
  quotes: [
    {
      checkId: 'q1',
      filename: 'devis-pompe-a-chaleur.pdf',
      status: 'invalid',
      companyName: 'Chaleur Exemple SARL',
      fileFindings: [],
      adminFindings: [
        finding('q1-1', 'pro_assurance_manquant', {
          title: "L'assurance décennale de l'entreprise n'est pas mentionnée",
          solution: "Ajoutez le nom de l'assureur et le numéro du contrat d'assurance décennale.",
        }),
        finding('q1-2', 'date_chantier_manquant', {
          type: 'warning',
          title: "La date de début des travaux n'est pas indiquée",
          solution:
            "Il est recommandé d'indiquer la date prévue de début du chantier, ou un délai.",
        }),
      ],
      gestes: [
        {
          id: 'q1-geste-1',
          label: 'Pompe à chaleur air / eau',
          findings: [
            finding('q1-geste-1-2', 'chauffage_etas_manquant', {
              category: 'gestes',
              geste_id: 'q1-geste-1',
              title: "L'efficacité énergétique saisonnière (ETAS) n'est pas indiquée",
              solution: "Indiquez l'ETAS de la pompe à chaleur, en pourcentage.",
            }),
          ],
        },
        {
          id: 'q1-geste-2',
          label: 'Isolation des planchers de combles perdus',
          findings: [
            finding('q1-geste-2-3', 'isolation_r_insuffisant', {
              category: 'gestes',
              type: 'wrong',
              geste_id: 'q1-geste-2',
              title:
                "La résistance thermique R de l'isolant est inférieure au minimum exigé par les aides",
              problem:
                "Le devis indique R = 5 m²·K/W ; pour des combles perdus, les aides exigent R ≥ 7 m²·K/W (MaPrimeRénov' : arrêté du 17 novembre 2020).",
              provided_value: 'R = 5 m²·K/W',
              solution:
                'Choisissez un isolant plus épais ou plus performant pour atteindre la résistance exigée, puis indiquez la nouvelle valeur de R sur le devis.',
            }),
          ],
        },
      ],
      toVerify: ['la date de la visite préalable'],
      aidRulesToVerify: [
        'Pompe à chaleur air / eau : le devis indique ETAS = 120 % ; pour une pompe à chaleur air/eau, les aides exigeraient ETAS ≥ 126 % pour une pompe à chaleur basse température (CEE : fiche BAR-TH-171, version A74-3) — seuil à confirmer (une seule source ou une source ancienne)',
      ],
    },
    {
      checkId: 'q2',
      filename: 'devis-isolation-combles.pdf',
      status: 'valid',
      companyName: 'Isolation Modèle SAS',
      fileFindings: [],
      adminFindings: [],
      gestes: [
        { id: 'q2-geste-1', label: 'Isolation des planchers de combles perdus', findings: [] },
      ],
    },
    {
      checkId: 'q3',
      filename: 'devis-fenetres-protege.pdf',
      status: 'invalid',
      fileFindings: [
        finding('q3-1', 'file_reading_error', {
          category: 'file',
          type: 'error',
          title: "Le fichier n'a pas pu être lu",
          problem: 'Le PDF est protégé par un mot de passe.',
          solution: 'Renvoyez le devis au format PDF, sans mot de passe.',
        }),
      ],
      adminFindings: [],
      gestes: [],
    },
    {
      checkId: 'q4',
      filename: 'attestation-assurance.pdf',
      status: 'invalid',
      fileFindings: [
        finding('q4-1', 'file_type_error', {
          category: 'file',
          type: 'error',
          title: 'Le document ne semble pas être un devis de rénovation énergétique',
          solution: 'Si un autre document a été joint par erreur, renvoyez le devis lui-même.',
        }),
      ],
      adminFindings: [],
      gestes: [],
    },
  ],
  caseFindings: [
    finding('c0ffee00-1', 'client_nom_incoherent', {
      category: 'case_incoherence',
      type: 'error',
      from_case: true,
      title: "Le nom du client diffère d'un devis à l'autre",
      provided_value: 'Dupont / Dupond',
      solution: 'Vérifiez que tous les devis sont établis au nom du même client.',
    }),
  ],
  notChecked: [{ filename: 'photo-chantier.heic', reason: 'format non pris en charge' }],
};

export const SAMPLE_DATA: { [N in TemplateName]: TemplateDataMap[N] } = {
  quote_check_created: {
    filename: 'devis-chauffe-eau.pdf',
    resultUrl: `${HOST}/conseiller/devis/q3?mtm_campaign=full_email`,
    notChecked: [],
  },
  quotes_case_created: {
    caseId: resultsCase.caseId ?? '',
    receivedAt: '2026-03-12T09:12:00Z',
    filenames: ['devis-pompe-a-chaleur.pdf', 'devis-isolation-combles.pdf'],
    resultUrl: resultsCase.resultUrl,
    notChecked: resultsCase.notChecked,
  },
  quotes_case_updated: {
    caseId: resultsCase.caseId ?? '',
    reference: 'Maison Exemple',
    addedFilenames: ['devis-fenetres.pdf'],
    quoteCount: 3,
    resultUrl: resultsCase.resultUrl,
    notChecked: [],
  },
  results_available: resultsCase,
  no_attachment: { submissionAddress: ADDRESS, maxFileSizeMb: 50 },
  wrong_address: { submissionAddress: ADDRESS, maxFileSizeMb: 50 },
  attachment_too_large: {
    files: [{ filename: 'devis-scanne-haute-resolution.pdf', sizeMb: 62.5 }],
    maxFileSizeMb: 50,
    submissionAddress: ADDRESS,
  },
  unsupported_attachment: {
    files: [{ filename: 'devis.pages', format: 'un document Pages (Apple)' }],
    submissionAddress: ADDRESS,
  },
  quota_exceeded: { dailyQuota: 20 },
  unreadable_file: {
    files: [
      { filename: 'devis-protege.pdf', reason: 'le fichier est protégé par un mot de passe' },
    ],
    submissionAddress: ADDRESS,
  },
};
