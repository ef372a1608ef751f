/**
 * The service's settings: one zod schema, read once from the environment (STYLE.md §10).
 * Only this module reads `process.env`; everything else receives the frozen Config.
 * `.env.example` lists the same keys (a test checks it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { isLoopbackUrl, type LinkSettings } from './domain/result-links.js';
import { packageRoot } from './package-root.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));
const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined))
  .pipe(z.url().optional());
const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // database
  DATABASE_URL: optionalString,
  EMBEDDED_PG_PORT: int(54329),
  // http and inbound smtp
  PORT: int(3000),
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_MAX_MESSAGE_MB: int(75),
  INBOUND_MAIL_DOMAIN: z.string().default('mail.mdso.local'),
  INBOUND_FORWARDING_MAIL: optionalString,
  QUOTE_CHECK_EMAIL_RECIPIENTS: optionalString,
  MDSO_INBOUND_DAILY_QUOTA: int(20),
  INBOUND_WEBHOOK_TOKEN: optionalString,
  RAILS_INBOUND_EMAIL_PASSWORD: optionalString,
  // outbound mail
  MAIL_TRANSPORT: z.enum(['outbox', 'smtp', 'brevo']).default('outbox'),
  OUTBOX_DIR: optionalString,
  SMTP_URL: optionalString,
  DEFAULT_EMAIL_FROM: z
    .string()
    .default('Mon Devis Sans Oublis <devis@mon-devis-sans-oublis.local>'),
  BREVO_API_KEY: optionalString,
  BREVO_API_BASE_URL: z.url().default('https://api.brevo.com/v3'),
  // links
  /** The web frontend; unset = links go to the service's own result page. */
  FRONTEND_APPLICATION_HOST: optionalUrl,
  /** The service's own public URL; `http://localhost:<PORT>` when unset. */
  APPLICATION_HOST: optionalUrl,
  /** `staging`: CORS also lets `http://localhost:<any port>` in (spec/api.md §8). */
  APP_ENV: optionalString,
  // registries
  /** An empty value turns the lookup off (its rules are then "not verified"). */
  ADEME_API_BASE_URL: z
    .union([z.literal(''), z.url()])
    .default('https://data.ademe.fr/data-fair/api/v1/datasets'),
  SIRENE_API_BASE_URL: z
    .union([z.literal(''), z.url()])
    .default('https://recherche-entreprises.api.gouv.fr'),
  LOOKUP_TIMEOUT_MS: int(10000),
  // LLM providers (none set = deterministic reading only)
  ALBERT_API_KEY: optionalString,
  ALBERT_MODEL: z.string().default('albert-large'),
  MISTRAL_API_KEY: optionalString,
  MISTRAL_MODEL: z.string().default('mistral-large-latest'),
  OLLAMA_BASE_URL: optionalUrl,
  OLLAMA_MODEL: z.string().default('mistral'),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_API_KEY: optionalString,
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  ALBERT_API_BASE_URL: optionalUrl,
  MISTRAL_API_BASE_URL: optionalUrl,
  LLM_TIMEOUT_MS: int(300000),
  /** Providers allowed to receive non-anonymised text besides Albert and Ollama (comma list). */
  LLM_PERSONAL_DATA_PROVIDERS: z.string().default(''),
  // OCR and virus scan
  MDSO_OCR: optionalString,
  MDSO_OCR_HOST: optionalUrl,
  MDSO_OCR_API_KEY: optionalString,
  MDSO_OCR_MODEL: z.string().default('nanonets'),
  MDSO_OCR_TIMEOUT_MS: int(120000),
  ALBERT_OCR_MODEL: z.string().default('mistralai/Mistral-Small-3.1-24B-Instruct-2503'),
  CLAMAV_HOST: optionalString,
  CLAMAV_PORT: int(3310),
  // pipeline runner
  MDSO_WORKER_CONCURRENCY: int(2),
  MDSO_WORKER_POLL_MS: int(60000),
  MDSO_LEASE_MS: int(60000),
  MDSO_MAX_ATTEMPTS: int(5),
  MDSO_RETRY_BASE_MS: int(2000),
  LOOKUP_CACHE_TTL_HOURS: int(24),
  /** How long the public statistics are kept in memory; 0 computes them on every call. */
  MDSO_STATS_CACHE_SECONDS: z.coerce.number().int().min(0).default(60),
  // limits
  MDSO_QUOTE_FILE_MAX_SIZE: int(50),
  MDSO_TIMEOUT_FOR_PROCESSING: int(15),
  MDSO_FILE_READ_TIMEOUT_MS: int(20000),
  MDSO_GESTE_PRICES_RANGES: z.string().default('{}'),
  // REST API (spec/api.md §5.9, §9)
  /** Comma-separated URL prefixes a `file` given as a URL may start with (none by default). */
  MDSO_ALLOWED_FILE_UPLOAD_URL_HOSTS: z.string().default(''),
  MDSO_FILE_URL_TIMEOUT_MS: int(30000),
  MDSO_FILE_URL_MAX_REDIRECTS: z.coerce.number().int().min(0).default(3),
  /** Rate limits: requests per window, per API key and per IP (uploads, data checks, stats). */
  API_RATE_LIMIT_WINDOW_MS: int(60000),
  API_UPLOAD_LIMIT_PER_KEY: int(60),
  API_UPLOAD_LIMIT_PER_IP: int(30),
  API_DATA_CHECKS_LIMIT_PER_IP: int(60),
  API_STATS_LIMIT_PER_IP: int(30),
  /** Express `trust proxy` (hops or subnets) so that per-IP limits see the client behind a proxy. */
  API_TRUST_PROXY: optionalString,
  // analytics export
  METABASE_DATA_DB_URL: optionalString,
  /** Database role granted read access to the exported schema (the Metabase app's user). */
  METABASE_DATA_DB_READER_ROLE: optionalString,
  ENABLE_METABASE_EXPORT: bool,
});

type RawConfig = z.infer<typeof configSchema>;

export interface Config extends Omit<RawConfig, 'MDSO_GESTE_PRICES_RANGES' | 'APPLICATION_HOST'> {
  /** The service's own public URL (`APPLICATION_HOST`, else `http://localhost:<PORT>`). */
  APPLICATION_HOST: string;
  /** Bearer token of the Brevo webhook (`INBOUND_WEBHOOK_TOKEN`, legacy `RAILS_INBOUND_EMAIL_PASSWORD`). */
  inboundWebhookToken?: string;
  /**
   * API keys by partner name exactly as the variable suffix writes it (`MDSO`, `AMI`), from
   * `MDSO_API_KEY_FOR_<PARTNER>` (spec/api.md §2.1: `auth/check` returns it verbatim; records
   * get it lower-cased as `source_name`). Empty values are ignored.
   */
  apiKeys: Readonly<Record<string, string>>;
  /** Price ranges excluding VAT by geste type, from `MDSO_GESTE_PRICES_RANGES` (`"min..max"`). */
  priceRanges: Readonly<Record<string, { min: number; max: number }>>;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Configuration invalide :\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function parsePriceRanges(raw: string, issues: string[]): Config['priceRanges'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw || '{}');
  } catch {
    issues.push('MDSO_GESTE_PRICES_RANGES: JSON invalide');
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    issues.push('MDSO_GESTE_PRICES_RANGES: un objet JSON est attendu');
    return {};
  }
  const ranges: Record<string, { min: number; max: number }> = {};
  for (const [type, value] of Object.entries(parsed)) {
    const m = typeof value === 'string' ? /^\s*(\d+)\.\.(\d+)\s*$/u.exec(value) : null;
    if (!m) {
      issues.push(`MDSO_GESTE_PRICES_RANGES.${type}: "<min>..<max>" attendu (entiers)`);
      continue;
    }
    ranges[type] = { min: Number(m[1]), max: Number(m[2]) };
  }
  return ranges;
}

/**
 * The environment with the settings of a `.env` file (at the package root by default) under it:
 * a variable already set in the environment wins, as with `node --env-file`. No file, no change;
 * the values then go through the same validation as the environment's.
 */
export function withDotEnv(
  env: Record<string, string | undefined>,
  file: string = join(packageRoot(), '.env'),
): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw new ConfigError([`${file} : lecture impossible (${(err as Error).message})`]);
  }
  return { ...parseEnv(text), ...env };
}

/**
 * Parses the environment once (with `.env` under it when reading the process's own); reports
 * every bad key in one error.
 */
export function loadConfig(
  env: Record<string, string | undefined> = withDotEnv(process.env),
): Config {
  const result = configSchema.safeParse(env);
  const issues: string[] = [];
  if (!result.success) {
    for (const issue of result.error.issues)
      issues.push(`${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(issues);
  }
  const { MDSO_GESTE_PRICES_RANGES, ...rest } = result.data;
  const priceRanges = parsePriceRanges(MDSO_GESTE_PRICES_RANGES, issues);
  if (rest.ENABLE_METABASE_EXPORT && !rest.METABASE_DATA_DB_URL) {
    issues.push('METABASE_DATA_DB_URL: requise quand ENABLE_METABASE_EXPORT=true');
  }
  const applicationHost = rest.APPLICATION_HOST ?? `http://localhost:${rest.PORT}`;
  const linkHost = rest.FRONTEND_APPLICATION_HOST ?? applicationHost;
  if (rest.NODE_ENV === 'production' && isLoopbackUrl(linkHost)) {
    const name = rest.FRONTEND_APPLICATION_HOST ? 'FRONTEND_APPLICATION_HOST' : 'APPLICATION_HOST';
    issues.push(
      `${name}: les liens des mails mèneraient à ${linkHost}, une adresse locale ; ` +
        'en production, indiquez l’adresse publique du service (APPLICATION_HOST) ou du site',
    );
  }
  const apiKeys: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const m = /^MDSO_API_KEY_FOR_([A-Z0-9_]+)$/u.exec(key);
    if (m && value && value.trim()) apiKeys[m[1] ?? ''] = value.trim();
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return Object.freeze({
    ...rest,
    APPLICATION_HOST: applicationHost,
    inboundWebhookToken: rest.INBOUND_WEBHOOK_TOKEN ?? rest.RAILS_INBOUND_EMAIL_PASSWORD,
    apiKeys: Object.freeze(apiKeys),
    priceRanges: Object.freeze(priceRanges),
  });
}

/** Names of the settings of the schema, for `.env.example` checks and documentation. */
export const SETTING_NAMES: readonly string[] = Object.keys(configSchema.shape);

/** Where result links lead (DESIGN.md §6): the frontend when set, else our own pages. */
export function linkSettings(
  config: Pick<Config, 'FRONTEND_APPLICATION_HOST' | 'APPLICATION_HOST'>,
): LinkSettings {
  return {
    ...(config.FRONTEND_APPLICATION_HOST ? { frontendHost: config.FRONTEND_APPLICATION_HOST } : {}),
    applicationHost: config.APPLICATION_HOST,
  };
}
