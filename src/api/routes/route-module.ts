/**
 * What every API route module hands to the app: an express router with full `/api/v1/...`
 * paths, and a function registering its zod schemas and paths in the OpenAPI registry, so the
 * document at `/api-docs/v1.json` describes exactly the routes mounted (DESIGN.md §7).
 */
import type { Router } from 'express';
import type { OpenAPIRegistry } from '../openapi.js';

export interface RouteModule {
  router: Router;
  register(registry: OpenAPIRegistry): void;
}
