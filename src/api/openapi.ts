/**
 * One source for validation and documentation (DESIGN.md §7): every route module registers its
 * zod request and response schemas in the shared `OpenAPIRegistry`, and the OpenAPI 3.1 document
 * served at `/api-docs/v1.json` is generated from that registry — never written by hand.
 * `extendZodWithOpenApi` adds `.openapi()` to zod schemas; it runs once, here.
 */
import {
  extendZodWithOpenApi,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
} from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };

export function createRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer_api_key', {
    type: 'http',
    scheme: 'bearer',
    description: "Clé d'API (`MDSO_API_KEY_FOR_<PARTENAIRE>`), envoyée en `Authorization: Bearer`.",
  });
  return registry;
}

export function generateDocument(registry: OpenAPIRegistry, version: string) {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Mon Devis Sans Oublis — API',
      version,
      description:
        "Vérification des mentions obligatoires des devis de rénovation énergétique. Les routes qui lisent ou écrivent un devis, un dossier, un avis ou une correction demandent une clé d'API.",
    },
    servers: [{ url: '/' }],
  });
}

export type { OpenAPIRegistry };
