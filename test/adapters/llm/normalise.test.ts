import { describe, expect, it } from '@jest/globals';
import {
  normalisePrivateData,
  privateDataAnswerSchema,
} from '../../../src/adapters/llm/private-data.js';
import {
  PRIVATE_DATA_JSON_SCHEMA,
  PRIVATE_DATA_PROMPT,
} from '../../../src/adapters/llm/private-data-prompt.js';
import {
  normaliseWorksData,
  toDecimal,
  worksDataAnswerSchema,
} from '../../../src/adapters/llm/works-data.js';
import { WORKS_DATA_PROMPT } from '../../../src/adapters/llm/works-data-prompt.js';
import { GESTE_TYPES } from '../../../src/domain/geste-types.js';

const privateData = (answer: unknown) =>
  normalisePrivateData(privateDataAnswerSchema.parse(answer));
const worksData = (answer: unknown) => normaliseWorksData(worksDataAnswerSchema.parse(answer));

describe('private-data normalisation', () => {
  it('folds misspelt keys into the canonical ones and coerces scalars to lists', () => {
    expect(
      privateData({
        noms_utilisateur: ['Jean Test'],
        noms: 'Marie Test',
        raisons_sociales: 'ENTREPRISE TEST',
        siren: 123456789,
        numero_rcs: ['123 456 789', null],
        iban: 'FR76 0000',
        client_noms: ['TEST'],
        formes_juridiques: ['SARL'],
        numerous_tva: 'FR00123456789',
        telephone: '01 02 03 04 05',
        client_emails: ['client@example.test'],
        ville_immatriculation_rcs: 'Orléans',
        version: '1',
        commentaire: 'ajouté par le modèle',
      }),
    ).toEqual({
      noms: ['Marie Test', 'Jean Test'],
      raison_sociales: ['ENTREPRISE TEST'],
      sirets: ['123456789'],
      numero_rcss: ['123 456 789'],
      ibans: ['FR76 0000'],
      client_noms_de_famille: ['TEST'],
      forme_juridiques: ['SARL'],
      numeros_tva: ['FR00123456789'],
      telephones: ['01 02 03 04 05'],
      emails: ['client@example.test'],
      ville_immatriculation_rcss: ['Orléans'],
      version: '1',
      client: { nom: 'TEST' },
      pro: {
        raison_sociale: 'ENTREPRISE TEST',
        siret: '123456789',
        rcs: '123 456 789',
        rcs_ville: 'Orléans',
        forme_juridique: 'SARL',
        numero_tva: 'FR00123456789',
        rge_labels: [],
      },
      other: { commentaire: 'ajouté par le modèle' },
    });
  });

  it('derives client and pro from the first values and keeps every RGE label', () => {
    const data = privateData({
      client_civilite: ['M. et Mme'],
      client_prenoms: ['Jean', 'Marie'],
      client_adresses: ['1 rue du Test 00000 Ville'],
      pro_adresses: ['2 avenue du Test'],
      assurances: ['contrat 42'],
      capital_social: ['10 000 €'],
      rnes: ['123456789'],
      numero_rge: ['QPAC/00001', 'E-E000002'],
    });

    expect(data.client).toEqual({
      civilite: 'M. et Mme',
      prenom: 'Jean',
      adresse: '1 rue du Test 00000 Ville',
    });
    expect(data.pro).toEqual({
      adresse: '2 avenue du Test',
      assurance: 'contrat 42',
      capital: '10 000 €',
      rne: '123456789',
      rge_labels: ['QPAC/00001', 'E-E000002'],
    });
  });

  it('fills derived members from the model’s own client and pro objects', () => {
    expect(
      privateData({ pro: { siret: '123', rge_labels: ['RE/1'] }, client: { nom: 'TEST' } }),
    ).toEqual({
      pro: { siret: '123', rge_labels: ['RE/1'] },
      client: { nom: 'TEST' },
    });
  });

  it('drops an empty pro and keeps only allowed file types', () => {
    expect(privateData({ type_fichier: ' Facture ' })).toEqual({ type_fichier: 'facture' });
    expect(privateDataAnswerSchema.safeParse({ type_fichier: 'brochure' }).success).toBe(false);
    expect(privateDataAnswerSchema.safeParse({ sirets: [{ a: 1 }] }).success).toBe(false);
  });

  it('asks for every key, in a schema the providers accept', () => {
    const schema = PRIVATE_DATA_JSON_SCHEMA as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(schema.required);
    expect(schema.required).toHaveLength(23);
    for (const key of schema.required) expect(PRIVATE_DATA_PROMPT).toContain(`"${key}"`);
    expect(JSON.stringify(schema)).not.toMatch(/\$ref|minLength|pattern|format/u);
  });
});

describe('works-data normalisation', () => {
  it('takes numero_devis from its aliases, flattens type_fichier and drops nulls', () => {
    expect(
      worksData({
        no_devis: ['D-42'],
        type_fichier: ['Devis'],
        version: 2.1,
        date_devis: null,
        tva: [{ taux_tva: 5.5, montant_tva_total: null }],
        gestes: [
          {
            type: 'isolation_comble_perdu',
            numero_ligne: 3,
            surface_isolant: '85,5 m²',
            marque_isolant: null,
          },
          { type: 'isolation_comble_perdu', surface_isolant: 'beaucoup' },
          { type: null, intitule: 'Déplacement' },
        ],
      }),
    ).toEqual({
      numero_devis: 'D-42',
      type_fichier: 'devis',
      version: '2.1',
      tva: [{ taux_tva: 5.5 }],
      gestes: [
        { type: 'isolation_comble_perdu', numero_ligne: '3', surface_isolant: 85.5 },
        { type: 'isolation_comble_perdu' },
      ],
    });
  });

  it.each([
    ['12,5', 12.5],
    ['1 200.0', 1200],
    [30, 30],
    ['n/a', undefined],
    [true, undefined],
  ])('reads the decimal %j', (value, expected) => {
    expect(toDecimal(value)).toBe(expected);
  });

  it('names every geste type and the byte-exact field names in the prompt', () => {
    for (const type of GESTE_TYPES) expect(WORKS_DATA_PROMPT).toContain(type);
    for (const key of [
      'ETAS',
      'SCOP',
      'deltaR',
      'emission_composés_organique',
      'puissance_absobée_pondéréé_moteur',
    ]) {
      expect(WORKS_DATA_PROMPT).toContain(`"${key}"`);
    }
  });
});
