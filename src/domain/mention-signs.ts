/**
 * The signs of each mention a `missing` finding asks for (DESIGN.md §5 "evidence before
 * absence"), as data a domain expert can review: the labels and phrasings that announce the
 * mention, and the patterns its value takes. The evidence check (rules/evidence.ts) raises no
 * `missing` finding when a sign is on the document; the extractor's generic label reader
 * (extract/admin/labelled-values.ts) reads values after the same labels.
 *
 * Everything is written folded (lower case, no accents: see domain/fold.ts); labels match on
 * word boundaries, with any run of spaces, dots, hyphens or apostrophes between their words.
 */

import { GESTE_MENTION_SIGNS } from './mention-signs-gestes.js';

/** What must stand next to a label for it to count as a sign (a heading alone says little). */
export type NearValue = 'date' | 'when' | 'number';

export interface MentionSigns {
  /** How the report names the mention in the *à vérifier* list. */
  readonly label: string;
  /** Phrasings that announce the mention (folded). */
  readonly labels?: readonly string[];
  /** With `labels`: a value of this kind must follow on the same line or the next one. */
  readonly near?: NearValue;
  /** A line matching this speaks of something else (an RGE label valid until…): no sign there. */
  readonly notOnLineWith?: RegExp;
  /** Patterns of the value itself (folded text), signs on their own. */
  readonly values?: readonly RegExp[];
  /** Patterns that are signs only for a geste whose brand was read (a model's shape). */
  readonly brandedValues?: readonly RegExp[];
  /** Where to look: the whole document (identity, terms pages) or the quote without its terms. */
  readonly scope: 'document' | 'quote';
  /** The company's identity: often printed only in a letterhead or a small page footer. */
  readonly identity?: true;
  /** `values` are looked for cell by cell (a name ends at its cell), not across the line. */
  readonly withinCell?: true;
}

const DATE_WORDS =
  '(?:\\d{1,2}(?:er|[°%"”]+)?[\\s./-]+(?:\\d{1,2}|janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec)[a-z.]*[\\s./-]+\\d{2,4})';
/**
 * A date as quotes print it: 12/03/2026, 12-03-26, 12.03.2026, 12 mars 2026, 1er avril 2027 (and
 * the « 1er » OCR reads as « 1° » or « 1% »).
 */
export const DATE_PATTERN = new RegExp(`(?<![\\d])${DATE_WORDS}(?![\\d])`, 'u');
/** A delay or a period: "6 semaines", "sous 15 jours", "un mois", "semaine 12", "courant mars". */
export const DURATION_PATTERN =
  /(?:\b(?:\d+|un|une|deux|trois|quatre|six|huit|dix|douze|quinze|trente)\s*(?:jours?|j\b|semaines?|sem\b|mois|ans?)\b|\bsemaine\s*(?:n°\s*)?\d+|\b(?:courant|debut|fin|mi)[\s-]+(?:janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec)|\b(?:des|a) (?:reception|acceptation|signature)|\bimmediat)/u;

/**
 * The start of a labour line ("Pose …", "Main-d'œuvre …", "Soufflage …", "Mise en service …"),
 * on folded text without its numbering: the reader's nature of a line and a sign that supply and
 * installation are priced apart.
 */
export const LABOUR_LINE_START =
  /^(?:pose|main[- ]d'(?:œ|oe)uvre|m\.\s?o\.?\b|mo\b|installation(?:\s*[,:]|\s+(?:et|du|de\s+la|des|d'une?|de\s+l'|complete))|mise\s+en\s+(?:service|place|(?:œ|oe)uvre)|montage|soufflage|reglages?|(?:forfait|prestation|service)s?\s+(?:de\s+)?(?:pose|installation|mise\s+en\s+service)|raccordement\s+(?:hydraulique|frigorifique|et\s+mise)|depose\s+(?:et|puis)\s+pose)/u;

/** A month and year ("février 2027", "courant mars"): a date as prose states it. */
export const MONTH_YEAR_PATTERN =
  /\b(?:janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b/u;

/** Mentions by the code of the `missing` finding that asks for them. */
export const MENTION_SIGNS = {
  devis_manquant: { label: 'le mot « devis »', labels: ['devis'], scope: 'document' },
  numero_devis_manquant: {
    label: 'le numéro du devis',
    labels: [
      'quote',
      'quote no',
      'estimate',
      'devis n',
      'devis no',
      'devis numero',
      'n de devis',
      'numero de devis',
      'numero du devis',
      'offre n',
      'offre numero',
      'proposition n',
      'ref devis',
      'reference du devis',
      'reference devis',
      'devis ref',
      'n devis',
      'devis #',
      'piece n',
      'piece numero',
      'document n',
      'numero',
    ],
    near: 'number',
    scope: 'quote',
  },
  date_devis_manquant: {
    label: 'la date du devis',
    labels: ['date', 'etabli le', 'fait le', 'emis le', 'edite le', 'du'],
    near: 'date',
    scope: 'quote',
  },
  date_chantier_manquant: {
    label: 'la date ou le délai de début des travaux',
    labels: [
      'intervention',
      'intervenir',
      'debuter',
      'debuteront',
      'commenceront',
      'commences le',
      'commence le',
      'debutes le',
      'installation envisagee',
      'installation programmee',
      'installation planifiee',
      'pose envisagee',
      'pose programmee',
      'pose planifiee',
      'intervention programmee',
      'intervention planifiee',
      'travaux envisages',
      'travaux programmes',
      'travaux planifies',
      'realisation',
      'start date',
      'starting date',
      'work date',
      'date de debut',
      'debut prevu',
      'travaux realises',
      'realises le',
      'realises du',
      'date de commencement',
      'date d execution',
      'mise en oeuvre prevue',
      'installation prevue',
      'debut des travaux',
      'debut de chantier',
      'debut du chantier',
      'debut d intervention',
      'demarrage',
      'date d intervention',
      'date des travaux',
      'date de realisation',
      'date previsionnelle',
      'intervention prevue',
      'intervention envisagee',
      'travaux prevus',
      'realisation prevue',
      'delai d execution',
      'execution',
      'delai de realisation',
      'delai d intervention',
      'delai de demarrage',
      'delai',
      'planning',
      'commencement',
      'periode d intervention',
      'execution des travaux',
      'date de pose',
      'pose prevue',
    ],
    notOnLineWith: /\b(?:paiement|retractation|reglement|garantie)\b/u,
    near: 'when',
    scope: 'quote',
  },
  date_pre_visite_manquant: {
    label: 'la date de la visite préalable',
    labels: [
      'passage',
      'evaluation',
      'constat',
      'etat des lieux',
      'audit',
      'visite',
      'metre',
      'prise de cotes',
      'prise des cotes',
      'cotes prises',
      'releve',
      'diagnostic',
      'deplacement',
      'rendez-vous',
      'etude sur site',
      'etude thermique',
      'realisee sur site',
      'effectuee sur site',
      'sur place',
    ],
    near: 'date',
    scope: 'quote',
  },
  date_validite_manquant: {
    label: 'la durée de validité du devis',
    labels: [
      'reste valable',
      'valid until',
      'validity',
      'expiry date',
      'expires',
      'echeance de l offre',
      'echeance du devis',
      'prix fermes',
      'prix maintenus',
      'maintenus pendant',
      'prix garantis',
      'offre valide',
      'devis valide',
      'validite',
      'valable',
      'offre valable',
      'expiration',
      'duree de l offre',
      'etabli pour une duree',
      'engagement de prix',
    ],
    notOnLineWith:
      /\b(?:rge|qualibat|qualification|qualipac|qualibois|qualisol|assurance|attestation|certificat|garantie)\b|\ba defaut\b/u,
    near: 'when',
    values: [/\bbon pour (?:\d+|un|deux|trois|six) (?:jours|semaines|mois)\b/u],
    scope: 'document',
  },
  pro_raison_sociale_manquant: {
    label: "le nom de l'entreprise",
    labels: ['raison sociale', 'denomination', 'societe', 'entreprise', 'etablissements', 'ets'],
    values: [
      /\b(?:sarl|sas|sasu|eurl|sa|snc|scop|sci|eirl|ei)\b\s+[a-z0-9]/u,
      /[a-z0-9]\s+\b(?:sarl|sas|sasu|eurl|snc|eirl)\b/u,
    ],
    scope: 'document',
    identity: true,
  },
  pro_forme_juridique_manquant: {
    label: "la forme juridique de l'entreprise",
    values: [
      /\b(?:sarl|sas|sasu|eurl|s\.a\.r\.l|s\.a\.s|snc|scop|eirl|e\.?i\.?|sa|sca|scp)\b/u,
      /\b(?:entreprise individuelle|entrepreneur individuel|micro[\s-]entrepr|auto[\s-]entrepr|societe (?:a responsabilite limitee|par actions simplifiee|anonyme|cooperative))/u,
    ],
    scope: 'document',
    identity: true,
  },
  tva_manquant: {
    label: 'le numéro de TVA intracommunautaire',
    labels: [
      'tva intra',
      'tva intracommunautaire',
      'n tva',
      'numero de tva',
      'tva n',
      'id tva',
      'identifiant tva',
      'vat',
    ],
    near: 'number',
    values: [/\bfr\s*[0-9a-z]{2}\s*\d{3}\s*\d{3}\s*\d{3}\b/u],
    scope: 'document',
    identity: true,
  },
  capital_manquant: {
    label: 'le capital social',
    labels: ['capital', 'au capital de'],
    near: 'number',
    scope: 'document',
    identity: true,
  },
  siret_manquant: {
    label: 'le numéro SIRET',
    labels: ['siret', 'siren', 'n siret', 'immatriculation'],
    near: 'number',
    values: [/\b\d{3}\s?\d{3}\s?\d{3}\s?\d{5}\b/u],
    scope: 'document',
    identity: true,
  },
  rge_siret_manquant: {
    label: 'le numéro SIRET (pour vérifier la qualification RGE)',
    labels: ['siret', 'siren', 'n siret'],
    near: 'number',
    values: [/\b\d{3}\s?\d{3}\s?\d{3}\s?\d{5}\b/u],
    scope: 'document',
    identity: true,
  },
  rcs_manquant: {
    label: "l'immatriculation au registre (RCS, RNE ou RM)",
    labels: [
      'rcs',
      'r.c.s',
      'rne',
      'registre du commerce',
      'registre national des entreprises',
      'repertoire des metiers',
      'rm',
      'chambre des metiers',
      'immatriculee',
      'immatricule',
    ],
    // « RCS B 523 … » glued by the PDF's text layer into « RCSB523… » (« RCSD-000000-036 »)
    values: [/(?<![a-z])rcs[a-z]?[-\s.]?\d/u],
    scope: 'document',
    identity: true,
  },
  rcs_ville_manquant: {
    label: "la ville d'immatriculation au RCS",
    values: [
      /\br\.?\s?c\.?\s?s\.?\s*(?:de\s+)?[a-z][a-z' -]{2,}/u,
      /\b(?:greffe|tribunal de commerce)\s+(?:de\s+|d')?[a-z]/u,
    ],
    scope: 'document',
    identity: true,
  },
  pro_assurance_manquant: {
    label: "l'assurance professionnelle (décennale)",
    labels: [
      'assurance',
      'assureur',
      'decennale',
      'garantie decennale',
      'responsabilite civile',
      'police',
      'contrat d assurance',
      'assure par',
      'assuree',
    ],
    scope: 'document',
    identity: true,
  },
  pro_adresse_manquant: {
    label: "l'adresse de l'entreprise",
    values: [/\b(?:\d{5}|\d{2}\s\d{3})\s+[a-z]/u],
    scope: 'document',
    identity: true,
  },
  client_prenom_manquant: {
    label: 'le prénom du client',
    labels: ['prenom'],
    values: [
      /\b(?:m|mr|mme|mlle|monsieur|madame|mademoiselle)\b\.?\s+(?:et\s+(?:mme|m|madame|monsieur)\b\.?\s+)?(?!et\b)[a-z][a-z'-]+\s+[a-z][a-z'-]+/u,
    ],
    withinCell: true,
    scope: 'quote',
  },
  client_nom_manquant: {
    label: 'le nom du client',
    labels: [
      'customer',
      'bill to',
      'client',
      'nom',
      'maitre d ouvrage',
      'beneficiaire',
      'destinataire',
      'adresse a',
      'commanditaire',
      'donneur d ordre',
    ],
    values: [/\b(?:m|mr|mme|mlle|monsieur|madame|mademoiselle)\b\.?\s+[a-z]/u],
    scope: 'quote',
  },
  client_civilite_manquant: {
    label: 'la civilité du client',
    values: [/\b(?:m|mr|mme|mlle|monsieur|madame|mademoiselle|mm)\b\.?\s+[a-z]/u],
    scope: 'quote',
  },
  client_adresse_manquant: {
    label: "l'adresse du client",
    labels: ['adresse', 'domicile', 'demeurant'],
    values: [/\b(?:\d{5}|\d{2}\s\d{3})\s+[a-z]/u],
    scope: 'quote',
  },
  rge_manquant: {
    label: 'la qualification RGE',
    labels: [
      'rge',
      'qualibat',
      'qualipac',
      'qualibois',
      'qualisol',
      'qualipv',
      'qualit enr',
      'qualifelec',
      'qualiventil',
      'certibat',
      'eco artisan',
      'ecoartisan',
      'pro de la performance energetique',
      'reconnu garant',
      'cequami',
      'afnor certification',
      'certificat n',
    ],
    values: [/\b(?:e-?e\d{4,}|qpac\s*\/|qb\s*\/|qs\s*\/|vplus\s*\/|qpv\s*\/)/u],
    scope: 'document',
    identity: true,
  },
  separation_fourniture_pose_manquant: {
    label: 'la séparation entre fourniture et pose',
    labels: ['pose seule', 'installation seule', 'forfait pose'],
    values: [
      // a line of its own for the labour ("3 Pose du poêle…", "MO-POSE Main-d'œuvre…"); not a
      // bullet of a description ("– Pose en rénovation…"), nor "Pose et fourniture"
      new RegExp(
        `^(?:[a-z0-9][a-z0-9./-]*\\s+)?(?:${LABOUR_LINE_START.source.slice(1)})(?!\\s*(?:et|&|\\+)\\s*fourniture)`,
        'u',
      ),
    ],
    scope: 'quote',
  },
  prix_total_ttc_manquant: {
    label: 'le prix total TTC',
    labels: [
      'total ttc',
      'montant ttc',
      'net a payer',
      'prix ttc',
      'toutes taxes comprises',
      'total t.t.c',
      'ttc',
    ],
    near: 'number',
    scope: 'quote',
  },
  prix_total_ht_manquant: {
    label: 'le prix total HT',
    labels: [
      'total ht',
      'montant ht',
      'total hors taxe',
      'total hors taxes',
      'prix ht',
      'total h.t',
      'sous-total ht',
      'base ht',
      'ht',
    ],
    near: 'number',
    scope: 'quote',
  },
  ...GESTE_MENTION_SIGNS,
} as const satisfies Record<string, MentionSigns>;

/**
 * Works these aids fund, as a quote names them: with none of them on a quote whose reader found
 * no geste, the quote is not about energy renovation (DESIGN.md §5: one finding, not a list).
 */
export const ENERGY_WORKS_SIGNS: readonly RegExp[] = [
  /\bpompes? a chaleur\b/u,
  /\bpac\b.{0,12}\b(?:air|eau|hybride|geothermi)/u,
  /\bisolation\b.{0,25}\b(?:thermique|combles?|rampants?|murs?|planchers?|toiture|terrasse|sous[- ]sol|toit|facades?|exterieure?|interieure?|sous[- ]face)/u,
  /\b(?:laine de (?:verre|roche|bois)|ouate de cellulose|polyurethane|polystyrene)\b.{0,60}\b(?:r\s*=|m\s?(?:2|²)\s*\.?\s*k)/u,
  /\b(?:chaudiere|poele|insert|foyer ferme)\b.{0,30}\b(?:granules|pellets|buches|bois|biomasse|condensation)/u,
  /\bchauffe[- ]eau (?:thermodynamique|solaire)|\bballon thermodynamique|\bcesi\b|\bsysteme solaire combine/u,
  /\bvmc\b.{0,20}\b(?:simple|double) flux|\bventilation mecanique controlee/u,
  /\b(?:fenetres?|porte[- ]fenetres?|baies?|menuiseries?|portes? d'entree|chassis)\b.{0,80}\b(?:uw|ud|sw)\s*[=:<≤]/u,
  /\b(?:uw|ud)\s*[=:<≤]\s*[0-9]/u,
  /\bportes? d'entree (?:isolante|a isolation)|\b(?:double|triple) vitrage\b/u,
  /\bvolets? isolants?\b/u,
];

/** Letters OCR confuses, as classes a label matches through on a scan. */
const OCR_CLASSES: Readonly<Record<string, string>> = {
  o: '[o0]',
  l: '[l1i|!]',
  i: '[i1l|!]',
  s: '[s5]',
  e: '[ec]',
  m: '(?:m|rn)',
};

/**
 * Labels of the lexicon as one global pattern over folded text: words on word boundaries, any
 * punctuation run between them, longest label first; with `ocr`, letters also match the
 * characters recognition confuses them with. The one builder for the evidence check and the
 * reader's key → value reading.
 */
export function labelsPattern(labels: readonly string[], options: { ocr?: boolean } = {}): RegExp {
  const letter = (ch: string): string => {
    const escaped = ch.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
    return options.ocr ? (OCR_CLASSES[ch] ?? escaped) : escaped;
  };
  const alternatives = [...labels]
    .sort((a, b) => b.length - a.length)
    .map((label) =>
      label
        .split(/[\s'.-]+/u)
        .filter(Boolean)
        .map((word) => [...word].map(letter).join(''))
        .join("[\\s'’.,/°º-]*"),
    );
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z])`, 'gu');
}

/**
 * The words around a label that `notOnLineWith` is tested on: a clause before it and a few words
 * after it, not the whole line ("Travaux réalisés le 09/11 – paiement à 30 jours" keeps its label).
 */
export function labelSurroundings(text: string, index: number, length: number): string {
  const before = text.slice(Math.max(0, index - 90), index);
  const sentence = before.search(/[.;!?]\s+[^.;!?]*$/u);
  const start = sentence >= 0 ? before.slice(sentence + 1) : before;
  return `${start}${text.slice(index, index + length + 25)}`;
}

export type MentionCode = keyof typeof MENTION_SIGNS;

export function mentionSignsOf(code: string): MentionSigns | undefined {
  return Object.hasOwn(MENTION_SIGNS, code)
    ? (MENTION_SIGNS as Record<string, MentionSigns>)[code]
    : undefined;
}
