/**
 * Public reference lists (spec/api.md §5.2–§5.4, §5.7, §5.8): profiles, renovation types, geste
 * types, the metadata values of an upload and the reasons for deleting a finding. Built once
 * from the domain's lists, the same ones the upload validation and the reports read.
 */
import { Router } from 'express';
import { DELETION_REASONS } from '../../domain/finding-codes.js';
import {
  GESTE_GROUP_LABELS,
  GESTE_GROUPS,
  GESTE_TITLES,
  GESTE_TYPES,
  groupOf,
} from '../../domain/geste-types.js';
import {
  AIDES,
  API_PROFILES,
  PROFILE_LABELS,
  RENOVATION_TYPE_LABELS,
  RENOVATION_TYPES,
} from '../../domain/quote-options.js';
import { z, type OpenAPIRegistry } from '../openapi.js';
import { json, OptionSchema } from './common-schemas.js';
import type { RouteModule } from './route-module.js';

const ProfilesSchema = z
  .object({ data: z.array(z.enum(API_PROFILES)), options: z.array(OptionSchema) })
  .openapi('Profiles');

const RenovationTypesSchema = z
  .object({ data: z.array(z.enum(RENOVATION_TYPES)), options: z.array(OptionSchema) })
  .openapi('RenovationTypes');

const GesteTypeSchema = z.enum(GESTE_TYPES as [string, ...string[]]).openapi('GesteType');

const GesteTypesSchema = z
  .object({ data: z.array(GesteTypeSchema), options: z.array(OptionSchema) })
  .openapi('GesteTypes');

const MetadataSchema = z
  .object({
    aides: z.array(z.string()),
    gestes: z.array(z.object({ group: z.string(), values: z.array(z.string()) })),
  })
  .openapi('QuoteCheckMetadata', {
    description: 'Seules valeurs acceptées dans le champ `metadata` d’un devis',
  });

const DeletionReasonsSchema = z
  .object({
    data: z.object({ information_present: z.string(), not_used: z.string() }),
  })
  .openapi('ErrorDetailDeletionReasons', {
    description: 'Motifs de suppression d’une erreur : code → libellé',
  });

const bodies = {
  profiles: {
    data: [...API_PROFILES],
    options: API_PROFILES.map((value) => ({ label: PROFILE_LABELS[value], value })),
  },
  renovationTypes: {
    data: [...RENOVATION_TYPES],
    options: RENOVATION_TYPES.map((value) => ({ label: RENOVATION_TYPE_LABELS[value], value })),
  },
  gesteTypes: {
    data: [...GESTE_TYPES],
    options: GESTE_TYPES.map((value) => ({
      group: GESTE_GROUP_LABELS[groupOf(value)],
      label: GESTE_TITLES[value],
      value,
    })),
  },
  metadata: {
    aides: [...AIDES],
    gestes: Object.entries(GESTE_GROUPS).map(([group, types]) => ({
      group: GESTE_GROUP_LABELS[group as keyof typeof GESTE_GROUPS],
      values: types.map((type) => GESTE_TITLES[type]),
    })),
  },
  deletionReasons: { data: { ...DELETION_REASONS } },
};

interface ReferenceRoute {
  path: string;
  tag: string;
  summary: string;
  schema: z.ZodType;
  body: unknown;
}

const ROUTES: readonly ReferenceRoute[] = [
  {
    path: '/api/v1/profiles',
    tag: 'Profils',
    summary: 'Profils disponibles',
    schema: ProfilesSchema,
    body: bodies.profiles,
  },
  {
    path: '/api/v1/renovation_types',
    tag: 'RenovationTypes',
    summary: 'Types de rénovation disponibles',
    schema: RenovationTypesSchema,
    body: bodies.renovationTypes,
  },
  {
    path: '/api/v1/data_checks/geste_types',
    tag: 'Checks',
    summary: 'Types de gestes disponibles, avec leur groupe et leur libellé',
    schema: GesteTypesSchema,
    body: bodies.gesteTypes,
  },
  {
    path: '/api/v1/quote_checks/metadata',
    tag: 'Devis',
    summary: 'Valeurs possibles des métadonnées d’un devis (aides et gestes)',
    schema: MetadataSchema,
    body: bodies.metadata,
  },
  {
    path: '/api/v1/quote_checks/error_detail_deletion_reasons',
    tag: 'ErreursDevis',
    summary: 'Motifs de suppression d’une erreur d’un devis',
    schema: DeletionReasonsSchema,
    body: bodies.deletionReasons,
  },
  {
    path: '/api/v1/quotes_cases/error_detail_deletion_reasons',
    tag: 'Dossiers',
    summary: 'Motifs de suppression d’une erreur d’un dossier',
    schema: DeletionReasonsSchema,
    body: bodies.deletionReasons,
  },
];

/** The public reference routes; they need nothing but the domain's lists. */
export function createReferenceRoutes(): RouteModule {
  const router = Router();
  for (const route of ROUTES) {
    router.get(route.path, (_req, res) => {
      res.json(route.body);
    });
  }
  return {
    router,
    register(registry: OpenAPIRegistry) {
      for (const route of ROUTES) {
        registry.registerPath({
          method: 'get',
          path: route.path,
          tags: [route.tag],
          summary: route.summary,
          description: 'Route publique, sans clé d’API.',
          responses: { 200: json(route.schema, route.summary) },
        });
      }
    },
  };
}
