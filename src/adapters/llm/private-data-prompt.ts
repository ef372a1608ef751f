/**
 * Our instructions for the private-data extraction (spec/pipeline.md §9), written in French
 * for French quotes, and the JSON schema sent as structured output. The keys are the
 * pipeline's, byte for byte; the wording is ours.
 */
export const PRIVATE_DATA_PROMPT_VERSION = 'private-data/1.0.0';

/** The list keys asked, with what each should hold. */
export const PRIVATE_DATA_KEYS = [
  ['noms', 'noms et prénoms des personnes citées (client, dirigeant, interlocuteur…)'],
  ['adresses', 'toutes les adresses postales'],
  ['telephones', 'numéros de téléphone, fixes ou mobiles'],
  ['raison_sociales', 'noms des entreprises (raison sociale, enseigne, nom commercial)'],
  ['sirets', 'numéros SIRET (14 chiffres) et SIREN (9 chiffres)'],
  [
    'ville_immatriculation_rcss',
    'villes d’immatriculation au RCS, seulement si elles sont écrites',
  ],
  ['numero_rcss', 'numéros RCS écrits (9 chiffres), sans la ville'],
  ['rnes', 'numéros d’inscription au RNE (registre national des entreprises)'],
  ['assurances', 'numéros ou références de contrats d’assurance, notamment de la décennale'],
  [
    'numero_rge',
    'numéros de qualification ou de certification RGE, écrits par exemple QB/…, QS/…, QPV/…, ' +
      'QPAC/…, CPLUS/…, VPLUS/…, RE/…, QFRG/… ou E-E… suivis de chiffres',
  ],
  ['emails', 'adresses e-mail'],
  ['numeros_tva', 'numéros de TVA intracommunautaire'],
  ['ibans', 'IBAN'],
  ['uris', 'adresses de sites internet et URL'],
  ['client_noms_de_famille', 'noms de famille du ou des clients particuliers'],
  ['client_prenoms', 'prénoms du ou des clients particuliers'],
  [
    'client_civilite',
    'civilité du ou des clients telle qu’écrite (M., Mme, Monsieur, Madame, M. et Mme…)',
  ],
  ['client_adresses', 'adresses postales du ou des clients'],
  ['pro_adresses', 'adresses postales de l’entreprise qui établit le document'],
  [
    'forme_juridiques',
    'formes juridiques des entreprises (SARL, SAS, SASU, EURL, EI, association…), même ' +
      'lorsqu’elles sont accolées au nom',
  ],
  ['capital_social', 'montants du capital social des entreprises, tels qu’écrits'],
] as const;

export type PrivateDataKey = (typeof PRIVATE_DATA_KEYS)[number][0];

export const FILE_TYPES = ['devis', 'facture', 'autre'] as const;

export const PRIVATE_DATA_PROMPT = [
  'Tu lis le texte d’un document émis par une entreprise du bâtiment pour un client ' +
    'particulier, en principe un devis de travaux de rénovation énergétique.',
  'Ta tâche : relever toutes les informations qui identifient une personne ou une entreprise.',
  '',
  'Réponds par un seul objet JSON, sans texte avant ni après, avec exactement les clés ' +
    'ci-dessous. Chaque clé vaut une liste de chaînes, ou null si le document n’en contient pas.',
  ...PRIVATE_DATA_KEYS.map(([key, what]) => `- "${key}" : ${what} ;`),
  '- "type_fichier" : "devis", "facture", ou "autre" si le document ne porte sur aucun ' +
    'travail de rénovation énergétique ;',
  `- "version" : "${PRIVATE_DATA_PROMPT_VERSION}".`,
  '',
  'Règles :',
  '- recopie chaque valeur exactement comme elle est écrite, sans la corriger, la compléter ' +
    'ni la reformater ;',
  '- n’invente et ne déduis rien : en cas de doute, mets null ;',
  '- une même valeur peut figurer sous plusieurs clés (une adresse de client est aussi une ' +
    'adresse) ;',
  '- n’ajoute aucune autre clé.',
].join('\n');

const nullableList = (description: string) => ({
  type: ['array', 'null'],
  items: { type: 'string' },
  description,
});

/** Plain JSON schema (types, enums, nullable; strict-mode compatible), see notes §C.28. */
export const PRIVATE_DATA_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    ...Object.fromEntries(PRIVATE_DATA_KEYS.map(([key, what]) => [key, nullableList(what)])),
    type_fichier: { type: ['string', 'null'], enum: [...FILE_TYPES, null] },
    version: { type: 'string' },
  },
  required: [...PRIVATE_DATA_KEYS.map(([key]) => key), 'type_fichier', 'version'],
  additionalProperties: false,
};
