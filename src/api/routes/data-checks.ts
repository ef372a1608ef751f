/**
 * Public data checks (spec/api.md §5.5, §5.6): `GET /api/v1/data_checks/rge` and
 * `GET /api/v1/data_checks/siret`, through the pipeline's ADEME and SIRENE adapters and its
 * lookup cache. Query and answers are declared once here, for the router and the OpenAPI document.
 */
import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import type { AdemeClient } from '../../adapters/ademe.js';
import type { SireneClient } from '../../adapters/sirene.js';
import type { Logger } from '../../logger.js';
import { checkRge } from '../data-checks/rge-check.js';
import { checkSiret } from '../data-checks/siret-check.js';
import { ApiError, badRequest } from '../errors.js';
import { z, type OpenAPIRegistry } from '../openapi.js';
import { CodeErrorSchema, GenericErrorSchema, json } from './common-schemas.js';
import type { RouteModule } from './route-module.js';

export interface DataChecksDeps {
  db: Knex;
  logger: Logger;
  ademe?: AdemeClient;
  sirene?: SireneClient;
  /** How long a registry answer stays in `lookup_cache` (the pipeline's `lookupTtlMs`). */
  lookupTtlMs: number;
}

const RgeQuerySchema = z.object({
  siret: z.string().optional().openapi({
    description: 'SIRET de l’entreprise (14 chiffres, espaces acceptés)',
    example: '52503410400014',
  }),
  rge: z.string().optional().openapi({
    description: 'Numéro RGE à vérifier (comparé sur ses chiffres finaux), sinon recherche des RGE',
    example: 'Q90513',
  }),
  date: z.string().optional().openapi({
    description: 'Date (AAAA-MM-JJ) à laquelle la qualification doit être valide',
    example: '2025-11-01',
  }),
  geste_types: z.string().optional().openapi({
    description: 'Types de gestes séparés par des virgules : qualifications couvrant l’un d’eux',
    example: 'pac_air_eau,vmc_double_flux',
  }),
});

const SiretQuerySchema = z.object({
  siret: z.string().optional().openapi({
    description: 'SIRET à vérifier (14 chiffres, espaces acceptés)',
    example: '33836289000034',
  }),
});

/** One ADEME row as the dataset sends it, after the three normalisations of §5.5. */
const AdemeRowSchema = z
  .object({
    _id: z.string(),
    siret: z.string().optional(),
    nom_entreprise: z.string().optional(),
    adresse: z.string().optional(),
    code_postal: z.string().optional(),
    commune: z.string().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    telephone: z.string().optional().openapi({ example: '02 38 94 60 81' }),
    email: z.string().optional(),
    site_internet: z.string().optional(),
    code_qualification: z.string().optional(),
    nom_qualification: z.string().optional(),
    nom_certificat: z.string().optional(),
    domaine: z.array(z.string()).optional(),
    meta_domaine: z.string().optional(),
    organisme: z.string().optional(),
    particulier: z.boolean().optional(),
    date_debut: z.string().optional(),
    date_fin: z.string().optional(),
  })
  .loose()
  .openapi('AdemeRgeRow', {
    description:
      'Ligne du jeu de données ADEME « historique-rge » (autres clés transmises telles quelles)',
  });

const RgeResultSchema = z
  .object({ results: z.array(AdemeRowSchema), valid: z.literal(true) })
  .openapi('DataCheckRgeResult');

const SiretResultSchema = z.object({ valid: z.literal(true) }).openapi('DataCheckSiretResult');

const registryDown = {
  502: json(GenericErrorSchema, 'Réponse inutilisable du service tiers'),
  503: json(GenericErrorSchema, 'Service tiers indisponible ou non configuré'),
};

function parseQuery<T extends z.ZodType>(schema: T, req: Request): z.infer<T> {
  const parsed = schema.safeParse(req.query);
  if (!parsed.success) {
    throw badRequest('Paramètres invalides : chaque paramètre est un texte donné une seule fois.');
  }
  return parsed.data;
}

/** A refused check is logged with its code (the parameters may name a company: not logged). */
function logRefusal(logger: Logger, route: string, err: unknown): void {
  if (err instanceof ApiError && 'error_details' in err.body) {
    logger.info({ route, code: err.body.error_details[0]?.code }, 'data check refused');
  }
}

export function createDataChecksRoutes(deps: DataChecksDeps): RouteModule {
  const router = Router();
  router.get('/api/v1/data_checks/rge', async (req, res) => {
    const query = parseQuery(RgeQuerySchema, req);
    try {
      const request = { query, userAgent: req.get('user-agent'), referer: req.get('referer') };
      res.json(await checkRge(deps, request));
    } catch (err) {
      logRefusal(deps.logger, 'rge', err);
      throw err;
    }
  });
  router.get('/api/v1/data_checks/siret', async (req, res) => {
    const { siret } = parseQuery(SiretQuerySchema, req);
    try {
      res.json(await checkSiret(deps, siret));
    } catch (err) {
      logRefusal(deps.logger, 'siret', err);
      throw err;
    }
  });
  return {
    router,
    register(registry: OpenAPIRegistry) {
      registry.registerPath({
        method: 'get',
        path: '/api/v1/data_checks/rge',
        tags: ['Checks'],
        summary: 'Trouver ou vérifier un RGE, selon le SIRET et des critères',
        description:
          'Route publique. Lit toutes les qualifications RGE de l’entreprise dans le jeu de données ' +
          'ADEME, puis garde celles du numéro RGE, des types de gestes et de la date demandés. ' +
          'Codes d’erreur : `siret_format_erreur`, `date_format_erreur`, `rge_siret_manquant` (400), ' +
          '`geste_type_inconnu` (422), `rge_non_correspondant`, `rge_hors_date` (400), `rge_manquant` (404).',
        request: { query: RgeQuerySchema },
        responses: {
          200: json(RgeResultSchema, 'RGE trouvé ou vérifié'),
          400: json(
            z.union([CodeErrorSchema, GenericErrorSchema]),
            'Paramètre invalide ou RGE non valide',
          ),
          404: json(CodeErrorSchema, 'Aucune qualification RGE ne correspond'),
          422: json(CodeErrorSchema, 'Type de geste inconnu'),
          ...registryDown,
        },
      });
      registry.registerPath({
        method: 'get',
        path: '/api/v1/data_checks/siret',
        tags: ['Checks'],
        summary: 'Vérifier qu’un SIRET existe',
        description:
          'Route publique. Codes d’erreur : `siret_manquant` (400 si absent, 404 si inconnu), ' +
          '`siret_format_erreur` (400). Si l’annuaire ne trouve pas non plus le SIRET de référence, ' +
          'il est considéré comme indisponible et le SIRET est accepté.',
        request: { query: SiretQuerySchema },
        responses: {
          200: json(SiretResultSchema, 'SIRET existant'),
          400: json(z.union([CodeErrorSchema, GenericErrorSchema]), 'SIRET absent ou mal formé'),
          404: json(CodeErrorSchema, 'SIRET inconnu'),
          ...registryDown,
        },
      });
    },
  };
}
