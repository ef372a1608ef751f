/** Every template rendered with invented data, for the `/mail-previews` pages (DESIGN.md §6). */
import { escapeHtml } from './pro-message.js';
import { SAMPLE_DATA } from './preview-samples.js';
import type { MailRenderer } from './renderer.js';
import { TEMPLATE_NAMES, type TemplateName } from './template-names.js';

export interface MailPreview {
  name: TemplateName;
  subject: string;
  html: string;
  text: string;
}

export function renderMailPreviews(renderer: MailRenderer): MailPreview[] {
  return TEMPLATE_NAMES.map((name) => ({
    name,
    ...renderer.render(name, SAMPLE_DATA[name] as never),
  }));
}

/**
 * The index page: one entry per preview, linking to `<basePath>/<name>` (HTML) and
 * `<basePath>/<name>.txt` (text). Everything echoed is escaped.
 */
export function buildPreviewIndexHtml(
  previews: readonly MailPreview[],
  basePath = '/mail-previews',
): string {
  const base = basePath.replace(/\/+$/u, '');
  const items = previews
    .map((p) => {
      const href = `${base}/${encodeURIComponent(p.name)}`;
      return (
        `<li><a href="${escapeHtml(href)}">${escapeHtml(p.name)}</a> ` +
        `(<a href="${escapeHtml(href)}.txt">texte</a>) : ${escapeHtml(p.subject)}</li>`
      );
    })
    .join('\n');
  return (
    '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">' +
    '<title>Aperçu des e-mails</title></head><body>\n<h1>Aperçu des e-mails</h1>\n' +
    `<ul>\n${items}\n</ul>\n</body></html>\n`
  );
}
