/**
 * Public statistics (spec/api.md §5.20): `GET /api/v1/stats`, aggregated by PostgreSQL
 * (db/stats-repo.ts) and kept in memory for `MDSO_STATS_CACHE_SECONDS`, so a burst of calls costs
 * one query. `unique_visitors_count` stays null: no Matomo is configured for this service.
 */
import { Router } from 'express';
import type { Knex } from 'knex';
import { computeQuoteCheckFigures } from '../../db/stats-repo.js';
import { z, type OpenAPIRegistry } from '../openapi.js';
import { json } from './common-schemas.js';
import type { RouteModule } from './route-module.js';

export interface StatsDeps {
  db: Knex;
  /** `config.MDSO_STATS_CACHE_SECONDS`; 0 computes the figures on every call. */
  cacheSeconds: number;
  /** Clock in milliseconds (tests); `Date.now` by default. */
  now?: () => number;
}

const StatsSchema = z
  .object({
    quote_checks_count: z.number().int().openapi({ description: 'Nombre total d’analyses' }),
    average_quote_check_errors_count: z.number().nullable().openapi({
      description: 'Nombre moyen d’erreurs par analyse, arrondi au dixième supérieur',
    }),
    average_quote_check_processing_time: z.number().int().nullable().openapi({
      description: 'Temps moyen d’une analyse en secondes (entre 0 et 1000 s), arrondi supérieur',
    }),
    median_quote_check_processing_time: z.number().nullable().openapi({
      description:
        'Temps médian d’une analyse en secondes, chaque durée arrondie à la seconde supérieure',
    }),
    average_quote_check_cost: z.number().nullable().openapi({
      description:
        'Coût moyen de la lecture par IA d’une analyse, en euros TTC, arrondi au centime supérieur',
    }),
    unique_visitors_count: z.number().int().nullable().openapi({
      description: 'Visiteurs uniques (Matomo) ; toujours null ici, aucun Matomo n’est configuré',
    }),
  })
  .openapi('Stats');

type Stats = z.infer<typeof StatsSchema>;

async function computeStats(db: Knex): Promise<Stats> {
  const figures = await computeQuoteCheckFigures(db);
  return {
    quote_checks_count: figures.quoteChecksCount,
    average_quote_check_errors_count: figures.averageErrorsCount,
    average_quote_check_processing_time: figures.averageProcessingSeconds,
    median_quote_check_processing_time: figures.medianProcessingSeconds,
    average_quote_check_cost: figures.averageCostEuros,
    unique_visitors_count: null,
  };
}

export function createStatsRoutes(deps: StatsDeps): RouteModule {
  const now = deps.now ?? Date.now;
  const ttlMs = deps.cacheSeconds * 1000;
  let cached: { until: number; stats: Promise<Stats> } | undefined;

  /** Concurrent calls share one computation; a failed one is not kept. */
  function stats(): Promise<Stats> {
    if (cached && now() < cached.until) return cached.stats;
    const pending = computeStats(deps.db);
    cached = ttlMs > 0 ? { until: now() + ttlMs, stats: pending } : undefined;
    pending.catch(() => {
      if (cached?.stats === pending) cached = undefined;
    });
    return pending;
  }

  const router = Router();
  router.get('/api/v1/stats', async (_req, res) => {
    res.json(await stats());
  });
  return {
    router,
    register(registry: OpenAPIRegistry) {
      registry.registerPath({
        method: 'get',
        path: '/api/v1/stats',
        tags: ['Stats'],
        summary: 'Statistiques du service',
        description: `Route publique, calculée depuis la base et gardée en mémoire quelques instants (\`MDSO_STATS_CACHE_SECONDS\`).`,
        responses: { 200: json(StatsSchema, 'Statistiques') },
      });
    },
  };
}
