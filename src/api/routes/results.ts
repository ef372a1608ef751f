/**
 * `GET /api/v1/quote_checks/{id}/results` and `GET /api/v1/quotes_cases/{id}/results` (internal,
 * spec/api.md §5.12): the ready-to-send message for the professional, as an HTML fragment
 * (default and `.html`) or plain text (`.txt`). Written by the mails' own generator
 * (`buildProMessages`), which escapes every value it echoes — file names included.
 */
import express, { type Request, type Response } from 'express';
import { loadCaseReportSource } from '../../db/case-report-repo.js';
import { buildCaseReportView, buildCheckReportView } from '../../mail/case-report.js';
import { buildProMessages, escapeHtml } from '../../mail/pro-message.js';
import type { CaseReportView } from '../../mail/report-view.js';
import { callerOf, requireCaller } from '../auth.js';
import { z, type OpenAPIRegistry } from '../openapi.js';
import { loadCase, loadCheck } from '../records.js';
import { linkOptions, type ApiContext, type ApiRoutes } from '../route-context.js';
import { BEARER, IdParam, openApiPath, protectedResponses } from '../schemas.js';

const NOTHING_CHECKED = 'Aucun devis n’a pu être vérifié : il n’y a pas de message à transmettre.';

function send(req: Request, res: Response, view: CaseReportView): void {
  const messages = buildProMessages(view);
  if (req.params['format'] === 'txt') {
    const text = messages.length
      ? messages.map((m) => m.text).join('\n\n----------\n\n')
      : NOTHING_CHECKED;
    res.type('text/plain; charset=utf-8').send(`${text}\n`);
    return;
  }
  const html = messages.length
    ? messages.map((m) => m.html).join('\n<hr>\n')
    : `<p>${escapeHtml(NOTHING_CHECKED)}</p>`;
  res.type('text/html; charset=utf-8').send(html);
}

export function createResultsRoutes(ctx: ApiContext): ApiRoutes {
  const router = express.Router();
  const internal = requireCaller(ctx.keyring, 'internal');
  const formats = (req: Request, _res: Response, next: (err?: unknown) => void) => {
    const format = req.params['format'];
    if (format === undefined || format === 'html' || format === 'txt') next();
    else next('route');
  };

  router.get('/api/v1/quote_checks/:id/results{.:format}', internal, formats, async (req, res) => {
    const { check, filename } = await loadCheck(ctx.db, callerOf(res), String(req.params['id']));
    send(req, res, buildCheckReportView(check, filename, linkOptions(ctx)));
  });

  router.get('/api/v1/quotes_cases/:id/results{.:format}', internal, formats, async (req, res) => {
    const quotesCase = await loadCase(ctx.db, callerOf(res), String(req.params['id']));
    const source = await loadCaseReportSource(ctx.db, quotesCase.id);
    if (!source) throw new Error(`results: case ${quotesCase.id} vanished`);
    send(req, res, buildCaseReportView(source, linkOptions(ctx)));
  });

  return {
    router,
    register(registry: OpenAPIRegistry) {
      const params = z.object({ id: IdParam });
      const content = {
        'text/html': { schema: z.string() },
        'text/plain': { schema: z.string() },
      };
      for (const [kind, tag] of [
        ['quote_checks', 'Devis'],
        ['quotes_cases', 'Dossiers'],
      ] as const) {
        for (const suffix of ['', '.html', '.txt']) {
          registry.registerPath({
            method: 'get',
            path: openApiPath(`/api/v1/${kind}/:id/results${suffix}`),
            tags: [tag],
            summary: 'Message prêt à transmettre au professionnel (HTML, ou texte en .txt)',
            security: BEARER,
            request: { params },
            responses: {
              200: { description: 'Fragment HTML (valeurs échappées) ou texte', content },
              ...protectedResponses({ notFound: true }),
            },
          });
        }
      }
    },
  };
}
