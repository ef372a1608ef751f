/**
 * Renders `templates/<name>/{subject.hbs, body.mjml, text.hbs}` (DESIGN.md §6, STYLE.md §13).
 * Every template is compiled once at start: MJML (strict validation, no web fonts, includes
 * limited to the templates folder) to HTML, then Handlebars; a missing or invalid template makes
 * start fail. Per mail only Handlebars runs. HTML escapes every value; subject and text are plain
 * text and are not HTML-escaped (a text/plain part shows `<` as is, harmlessly).
 * Partials: `templates/partials/<name>_html.hbs` (HTML) and `<name>_text.hbs` (text).
 * Typography (one apostrophe, no-break spaces in the HTML part) is settled on the context, in
 * template-context.ts.
 */
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { TemplateDataMap } from './report-view.js';
import { htmlContext, templateContext } from './template-context.js';
import { TEMPLATE_NAMES, type TemplateName } from './template-names.js';

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface MailRenderer {
  readonly names: readonly TemplateName[];
  render<N extends TemplateName>(name: N, data: TemplateDataMap[N]): RenderedMail;
}

export interface MailRendererOptions {
  /** The `templates/` folder, resolved by the composition root from the package root. */
  templatesDir: string;
  logger: Logger;
  /**
   * Where the MJML output is kept between starts (`var/cache/mail-templates.json`), keyed by a
   * hash of every template file: a process starting with unchanged templates skips MJML.
   */
  cacheFile?: string;
}

/** A template is missing or does not compile; raised at start, never per mail. */
export class MailTemplateError extends AppError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('mail_template_invalid', message, { status: 500, ...options });
  }
}

type Compiled = (context: object) => string;

interface CompiledTemplate {
  subject: Compiled;
  html: Compiled;
  text: Compiled;
}

async function readTemplateFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new MailTemplateError(`modèle de mail introuvable : ${path}`, { cause });
  }
}

async function compileMjml(source: string, filePath: string, templatesDir: string) {
  // Loaded only when templates changed since the last compilation (half a second of start-up).
  const { default: mjml2html } = await import('mjml');
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(source, {
      validationLevel: 'strict',
      fonts: {},
      minify: false,
      ignoreIncludes: false,
      filePath,
      includePath: templatesDir,
    });
  } catch (cause) {
    throw new MailTemplateError(`MJML invalide : ${filePath} (${String(cause)})`, { cause });
  }
  if (result.errors.length > 0) {
    const details = result.errors.map((e) => e.formattedMessage).join('; ');
    throw new MailTemplateError(`MJML invalide : ${filePath} (${details})`);
  }
  return result.html;
}

async function registerPartials(
  dir: string,
  html: typeof Handlebars,
  text: typeof Handlebars,
): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return; // no partials folder: templates simply use none
  }
  for (const file of names.sort()) {
    const m = /^(\w+_(html|text))\.hbs$/u.exec(file);
    if (!m?.[1]) continue;
    const source = await readTemplateFile(join(dir, file));
    Handlebars.parse(source);
    const env = m[2] === 'html' ? html : text;
    env.registerPartial(m[1], env.compile(source, { noEscape: m[2] === 'text' }));
  }
}

/** Fails when a template uses a partial that was not registered (Handlebars finds out per mail). */
function checkPartials(source: string, env: typeof Handlebars): void {
  for (const m of source.matchAll(/\{\{~?>\s*([\w-]+)/gu)) {
    const name = m[1] ?? '';
    if (!(name in env.partials)) throw new Error(`partial inconnu : ${name}`);
  }
}

/** One line, no control characters, single spaces. */
function oneLine(value: string): string {
  return value.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/** Trailing spaces removed, at most one blank line in a row. */
function tidyText(value: string): string {
  return `${value
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim()}\n`;
}

/** Every file of the templates folder, hashed: MJML output depends on the includes too. */
async function hashTemplates(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(file.slice(dir.length)).update(await readFile(file));
  return hash.digest('hex');
}

interface MjmlCache {
  hash: string;
  html: Record<string, string>;
}

async function readMjmlCache(file: string | undefined, hash: string): Promise<MjmlCache> {
  if (file) {
    try {
      const cache = JSON.parse(await readFile(file, 'utf8')) as MjmlCache;
      if (cache.hash === hash && typeof cache.html === 'object') return cache;
    } catch {
      // absent or unreadable: compiled again below
    }
  }
  return { hash, html: {} };
}

async function writeMjmlCache(file: string, cache: MjmlCache): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(tmp, JSON.stringify(cache));
  await rename(tmp, file);
}

export async function createMailRenderer(options: MailRendererOptions): Promise<MailRenderer> {
  const started = Date.now();
  const cache = await readMjmlCache(options.cacheFile, await hashTemplates(options.templatesDir));
  let compiledAny = false;
  const htmlEnv = Handlebars.create();
  const textEnv = Handlebars.create();
  await registerPartials(join(options.templatesDir, 'partials'), htmlEnv, textEnv);

  const compiled = new Map<TemplateName, CompiledTemplate>();
  for (const name of TEMPLATE_NAMES) {
    const dir = join(options.templatesDir, name);
    const mjmlPath = join(dir, 'body.mjml');
    let html = cache.html[name];
    if (html === undefined) {
      html = await compileMjml(await readTemplateFile(mjmlPath), mjmlPath, options.templatesDir);
      cache.html[name] = html;
      compiledAny = true;
    }
    const subject = await readTemplateFile(join(dir, 'subject.hbs'));
    const text = await readTemplateFile(join(dir, 'text.hbs'));
    try {
      // Handlebars compiles lazily: parse now so a syntax error fails at start.
      for (const source of [subject, text, html]) Handlebars.parse(source);
      checkPartials(html, htmlEnv);
      checkPartials(subject + text, textEnv);
    } catch (cause) {
      throw new MailTemplateError(`modèle de mail invalide : ${name} (${String(cause)})`, {
        cause,
      });
    }
    compiled.set(name, {
      subject: textEnv.compile(subject, { noEscape: true }),
      text: textEnv.compile(text, { noEscape: true }),
      html: htmlEnv.compile(html),
    });
  }
  if (compiledAny && options.cacheFile) {
    await writeMjmlCache(options.cacheFile, cache).catch((err: unknown) =>
      options.logger.warn({ err }, 'mail template cache not written'),
    );
  }
  options.logger.debug(
    { templates: compiled.size, fromCache: !compiledAny, durationMs: Date.now() - started },
    'mail templates compiled',
  );

  return {
    names: TEMPLATE_NAMES,
    render(name, data) {
      const template = compiled.get(name);
      if (!template) throw new MailTemplateError(`modèle de mail inconnu : ${String(name)}`);
      const context = templateContext(name, data);
      const subject = oneLine(template.subject(context));
      return {
        subject,
        html: template.html(htmlContext({ ...context, subject })),
        text: tidyText(template.text(context)),
      };
    },
  };
}
