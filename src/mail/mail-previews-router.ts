/**
 * `/mail-previews` (DESIGN.md §6): every template rendered with invented data — the index, each
 * mail as HTML (`/mail-previews/<name>`) and as text (`/mail-previews/<name>.txt`). Rendered per
 * request (Handlebars only; MJML was compiled at start), so a template edit shows after restart.
 */
import { Router, type Response } from 'express';
import { SAMPLE_DATA } from './preview-samples.js';
import { buildPreviewIndexHtml, renderMailPreviews } from './previews.js';
import type { MailRenderer } from './renderer.js';
import { isTemplateName } from './template-names.js';

export const MAIL_PREVIEWS_PATH = '/mail-previews';

/** Previews hold no script and load nothing but inline styles and images. */
function securityHeaders(res: Response): Response {
  return res
    .set(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:",
    )
    .set('X-Content-Type-Options', 'nosniff')
    .set('Cache-Control', 'no-store');
}

export function createMailRouter(options: { renderer: MailRenderer }): Router {
  const router = Router();
  router.get(MAIL_PREVIEWS_PATH, (_req, res) => {
    const html = buildPreviewIndexHtml(renderMailPreviews(options.renderer), MAIL_PREVIEWS_PATH);
    securityHeaders(res).type('html').send(html);
  });
  router.get(`${MAIL_PREVIEWS_PATH}/:file`, (req, res) => {
    const file = req.params.file;
    const asText = file.endsWith('.txt');
    const name = asText ? file.slice(0, -'.txt'.length) : file;
    if (!isTemplateName(name)) {
      securityHeaders(res)
        .status(404)
        .type('text/plain; charset=utf-8')
        .send(`Aperçu introuvable : aucun modèle de mail ne porte ce nom.\n`);
      return;
    }
    const preview = options.renderer.render(name, SAMPLE_DATA[name] as never);
    if (asText) {
      securityHeaders(res).type('text/plain; charset=utf-8').send(preview.text);
    } else {
      securityHeaders(res).type('html').send(preview.html);
    }
  });
  return router;
}
