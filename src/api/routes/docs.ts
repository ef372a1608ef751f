/**
 * The API documentation (spec/api.md §10, DESIGN.md §7), public: the generated OpenAPI 3.1
 * document at `/api-docs/v1.json`, the same document at upstream's two YAML paths (JSON is valid
 * YAML 1.2, so no second rendering), and Swagger UI (`swagger-ui-express`) at `/api-docs`.
 */
import express, { type Router } from 'express';
import swaggerUi from 'swagger-ui-express';

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
  router.use(
    '/api-docs',
    swaggerUi.serveFiles(undefined, { swaggerOptions: { url: DOCUMENT_PATH } }),
    swaggerUi.setup(undefined, {
      customSiteTitle: 'Mon Devis Sans Oublis — API',
      swaggerOptions: { url: DOCUMENT_PATH },
    }),
  );
  return router;
}
