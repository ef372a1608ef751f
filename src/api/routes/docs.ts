/**
 * The API documentation (spec/api.md §10, DESIGN.md §7), public: the generated OpenAPI 3.1
 * document at `/api-docs/v1.json`, the same document at upstream's two YAML paths (JSON is valid
 * YAML 1.2, so no second rendering), and Swagger UI (`swagger-ui-express`) at `/api-docs`,
 * loaded on its first visit (about 15 MB the service does not hold until someone reads the docs).
 */

type Handler = (req: Request, res: Response, next: NextFunction) => void;

async function loadSwaggerUi(): Promise<Handler[]> {
  const { default: swaggerUi } = await import('swagger-ui-express');
  return [
    ...swaggerUi.serveFiles(undefined, { swaggerOptions: { url: DOCUMENT_PATH } }),
    swaggerUi.setup(undefined, {
      customSiteTitle: 'Mon Devis Sans Oublis — API',
      swaggerOptions: { url: DOCUMENT_PATH },
    }),
  ] as Handler[];
}
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

export const DOCUMENT_PATH = '/api-docs/v1.json';
export const UPSTREAM_YAML_PATHS = [
  '/api-docs/v1/mon-devis-sans-oublis_api_v1_partner_swagger.yaml',
  '/api-docs/v1/mon-devis-sans-oublis_api_v1_internal_swagger.yaml',
];

export function createDocsRouter(document: () => object): Router {
  const router = express.Router();
  router.get(DOCUMENT_PATH, (_req, res) => {
    res.json(document());
  });
  for (const path of UPSTREAM_YAML_PATHS) {
    router.get(path, (_req, res) => {
      res.type('application/yaml').send(JSON.stringify(document(), null, 2));
    });
  }
  let ui: Promise<Router> | undefined;
  router.use('/api-docs', (req, res, next) => {
    ui ??= loadSwaggerUi().then((handlers) => express.Router().use(...handlers));
    ui.then((handle) => handle(req, res, next), next);
  });
  return router;
}
