/**
 * Server-rendered pages (STYLE.md §13): `templates/pages/<name>.hbs` with the partials of
 * `templates/pages/partials/`, compiled once when the router is built (a broken template fails
 * at start), rendered by Handlebars with escaping on — everything a page echoes is escaped.
 */
import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PAGE_NAMES = ['result', 'pending', 'not-found'] as const;
export type PageName = (typeof PAGE_NAMES)[number];

export interface PageRenderer {
  render(name: PageName, context: object): string;
}

export function createPageRenderer(templatesDir: string): PageRenderer {
  const dir = join(templatesDir, 'pages');
  const env = Handlebars.create();
  const partialsDir = join(dir, 'partials');
  for (const file of readdirSync(partialsDir).sort()) {
    const m = /^([\w-]+)\.hbs$/u.exec(file);
    if (!m?.[1]) continue;
    const source = readFileSync(join(partialsDir, file), 'utf8');
    Handlebars.parse(source);
    env.registerPartial(m[1], env.compile(source, { strict: false }));
  }
  const pages = new Map<PageName, (context: object) => string>();
  for (const name of PAGE_NAMES) {
    const source = readFileSync(join(dir, `${name}.hbs`), 'utf8');
    Handlebars.parse(source); // compile is lazy: fail now, not at the first request
    pages.set(name, env.compile(source));
  }
  return {
    render(name, context) {
      const page = pages.get(name);
      if (!page) throw new Error(`page inconnue : ${name}`);
      return page(context);
    },
  };
}
