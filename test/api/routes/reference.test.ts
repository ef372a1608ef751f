import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createReferenceRoutes } from '../../../src/api/routes/reference.js';
import { startApiServer, type ApiServer } from '../../support/api-server.js';
import { responseErrors } from '../../support/openapi-responses.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-db.js';

let database: TestDatabase;
let api: ApiServer;

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startApiServer({ db: database.knex, modules: [createReferenceRoutes()] });
});

afterAll(async () => {
  await api.close();
  await database.drop();
});

async function get(path: string): Promise<unknown> {
  const res = await fetch(`${api.url}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/u);
  const body: unknown = await res.json();
  expect(responseErrors(api.document, { method: 'GET', path, status: 200 }, body)).toEqual([]);
  return body;
}

// The lists of spec/api.md §5.4 and §5.7, written out here to compare with what is served.
const GESTES_BY_GROUP: [string, [string, string][]][] = [
  [
    'Chauffage',
    [
      ['chaudiere_biomasse', 'Chaudière biomasse'],
      ['systeme_solaire_combine', 'Chauffage solaire combiné'],
      ['poele_insert', 'Poêle/insert à bois/granulés'],
      ['pac_air_air', 'Pompe à chaleur air / air'],
      ['pac_air_eau', 'Pompe à chaleur air / eau'],
      ['pac_hybride', 'Pompe à chaleur géothermique'],
      ['pac_eau_eau', 'Pompe à chaleur eau / eau'],
    ],
  ],
  [
    'Eau chaude sanitaire',
    [
      ['chauffe_eau_solaire_individuel', 'Chauffe-eau solaire individuel'],
      ['chauffe_eau_thermo', 'Chauffe-eau thermodynamique (CET)'],
    ],
  ],
  [
    'Isolation',
    [
      ['isolation_thermique_par_exterieur_ITE', "Isolation des murs par l'extérieur (ITE)"],
      ['isolation_thermique_par_interieur_ITI', "Isolation des murs par l'intérieur (ITI)"],
      ['isolation_comble_perdu', 'Isolation des planchers de combles perdus'],
      ['isolation_rampants_toiture', 'Isolation de la toiture en pente - plafond de combles'],
      ['isolation_toiture_terrasse', 'Isolation de la toiture-terrasse'],
      ['isolation_plancher_bas', 'Isolation des planchers bas'],
    ],
  ],
  [
    'Menuiserie',
    [
      ['menuiserie_fenetre', 'Remplacement des fenêtres ou porte-fenêtres'],
      ['menuiserie_volet_isolant', 'Volet isolant'],
      ['menuiserie_fenetre_toit', 'Menuiserie des fenêtres de toit'],
      ['menuiserie_porte', 'Menuiserie des portes'],
    ],
  ],
  [
    'Ventilation',
    [
      ['vmc_double_flux', 'Ventilation Mécanique Double-Flux'],
      ['vmc_simple_flux', 'Ventilation Mécanique Simple-Flux'],
    ],
  ],
];

describe('public reference routes (spec/api.md §5.2–§5.4, §5.7, §5.8)', () => {
  it('GET /api/v1/profiles lists the three API profiles with their labels', async () => {
    expect(await get('/api/v1/profiles')).toEqual({
      data: ['artisan', 'particulier', 'conseiller'],
      options: [
        { label: 'Artisan', value: 'artisan' },
        { label: 'Particulier', value: 'particulier' },
        { label: 'Conseiller', value: 'conseiller' },
      ],
    });
  });

  it('GET /api/v1/renovation_types lists geste then ampleur', async () => {
    expect(await get('/api/v1/renovation_types')).toEqual({
      data: ['geste', 'ampleur'],
      options: [
        { label: 'Rénovation par geste', value: 'geste' },
        { label: "Rénovation d'ampleur", value: 'ampleur' },
      ],
    });
  });

  it('GET /api/v1/data_checks/geste_types lists the 21 codes in order, grouped and labelled', async () => {
    const expected = GESTES_BY_GROUP.flatMap(([group, gestes]) =>
      gestes.map(([value, label]) => ({ group, label, value })),
    );
    expect(expected).toHaveLength(21);
    expect(await get('/api/v1/data_checks/geste_types')).toEqual({
      data: expected.map((o) => o.value),
      options: expected,
    });
  });

  it('GET /api/v1/quote_checks/metadata answers the exact aids and geste labels', async () => {
    expect(await get('/api/v1/quote_checks/metadata')).toEqual({
      aides: [
        "MaPrimeRénov' par geste",
        "MaPrimeRénov' parcours accompagné",
        'CEE',
        'Eco prêt à taux 0',
        'Aide locale',
      ],
      gestes: GESTES_BY_GROUP.map(([group, gestes]) => ({
        group,
        values: gestes.map(([, label]) => label),
      })),
    });
  });

  it.each([
    '/api/v1/quote_checks/error_detail_deletion_reasons',
    '/api/v1/quotes_cases/error_detail_deletion_reasons',
  ])('GET %s answers the two deletion reasons', async (path) => {
    expect(await get(path)).toEqual({
      data: {
        information_present: 'Élément bien présent dans le devis',
        not_used: "Le client n'est pas concerné par cette remarque",
      },
    });
  });

  it('documents each route under its tag of spec/api.md §10', () => {
    const tags = Object.fromEntries(
      Object.entries(api.document.paths ?? {}).map(([path, item]) => [path, item.get?.tags]),
    );
    expect(tags).toEqual({
      '/api/v1/profiles': ['Profils'],
      '/api/v1/renovation_types': ['RenovationTypes'],
      '/api/v1/data_checks/geste_types': ['Checks'],
      '/api/v1/quote_checks/metadata': ['Devis'],
      '/api/v1/quote_checks/error_detail_deletion_reasons': ['ErreursDevis'],
      '/api/v1/quotes_cases/error_detail_deletion_reasons': ['Dossiers'],
    });
  });

  it('the document rejects a body that breaks the schema (the check can fail)', () => {
    const errors = responseErrors(
      api.document,
      { method: 'GET', path: '/api/v1/profiles', status: 200 },
      { data: ['plombier'], options: [{ value: 'x' }] },
    );
    expect(errors.length).toBeGreaterThan(0);
  });
});
