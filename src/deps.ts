/**
 * The composition root (STYLE.md §2): builds the database, the adapters and the pipeline deps
 * once from the config. Only this module (and tests) constructs adapters; everything else
 * receives them. `close()` releases everything it opened, in reverse order.
 */
import { join } from 'node:path';
import { createAdemeClient } from './adapters/ademe.js';
import { createBrevoInboundClient } from './adapters/brevo-inbound.js';
import { createClamavClient } from './adapters/clamav.js';
import type { LlmClient } from './adapters/llm/llm-client.js';
import {
  buildLlmProviders,
  type LlmProvider,
  type LlmProviderName,
} from './adapters/llm/providers.js';
import { createOcrEngine } from './adapters/ocr/index.js';
import { createPdfReader } from './adapters/pdf/pdf-reader.js';
import { createSireneClient } from './adapters/sirene.js';
import { createMailTransport } from './adapters/mail-transport/index.js';
import type { MailTransport } from './adapters/mail-transport/message.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { packageRoot } from './package-root.js';
import { sendCaseReport } from './mail/case-report.js';
import { createMailRenderer, type MailRenderer } from './mail/renderer.js';
import type { MailDeps } from './mail/send-mail.js';
import { announceNewCheck } from './mail/team-mail.js';
import type { QuoteCheck } from './domain/quote-check.js';
import type { InboundDeps } from './inbound/process-inbound-email.js';
import { parisToday } from './domain/dates.js';
import type { Logger } from './logger.js';
import type { RunnerDeps } from './pipeline/runner.js';

export interface Deps extends Omit<RunnerDeps, 'workerId'>, MailDeps {
  config: Config;
  /** What the processing of received mails needs (inbound/process-inbound-email.ts). */
  inbound: InboundDeps;
  database: Database;
  renderer: MailRenderer;
  transport: MailTransport;
  close(): Promise<void>;
}

export interface CreateDepsOptions {
  logger: Logger;
  /** Where var/ lives (tests); the package root's var/ by default. */
  varDir?: string;
  /** Replaces the clock of the rules (tests, `--today`). */
  today?: () => string;
  /** false: a process that never reads a quote file (scheduled jobs) gets no OCR engine. */
  readsFiles?: boolean;
  /** A database the caller already opened (closed by `close()` like one opened here). */
  database?: Database;
  /** Apply pending migrations (default true; workers of an already migrated service skip it). */
  migrate?: boolean;
  /** Extra hooks (mail reports). */
  hooks?: Pick<RunnerDeps, 'onCheckFinal' | 'onCaseFinal'>;
}

const PRIVATE_ORDER: readonly LlmProviderName[] = ['albert', 'ollama', 'mistral', 'openai'];
const WORKS_ORDER: readonly LlmProviderName[] = ['mistral', 'albert', 'ollama', 'openai'];

/**
 * The LLM of each reading (spec/external.md §4.5): the private-data reading only with a
 * provider allowed the full text (Albert, Ollama, or one the operator lists), the works-data
 * reading with any provider (it gets anonymised text).
 */
export function chooseLlmProviders(config: Config): {
  privateData?: LlmProvider;
  worksData?: LlmProvider;
} {
  const providers = buildLlmProviders(config, {
    ...(config.ALBERT_API_BASE_URL ? { albert: config.ALBERT_API_BASE_URL } : {}),
    ...(config.MISTRAL_API_BASE_URL ? { mistral: config.MISTRAL_API_BASE_URL } : {}),
  });
  const optIn = new Set(
    config.LLM_PERSONAL_DATA_PROVIDERS.split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const privateData = PRIVATE_ORDER.map((name) => providers[name]).find(
    (p) => p && (p.personalData || optIn.has(p.name)),
  );
  const worksData = WORKS_ORDER.map((name) => providers[name]).find(Boolean);
  return {
    ...(privateData ? { privateData } : {}),
    ...(worksData ? { worksData } : {}),
  };
}

export async function createDeps(config: Config, options: CreateDepsOptions): Promise<Deps> {
  const { logger } = options;
  const database =
    options.database ??
    (await openDatabase(config, logger, {
      ...(options.varDir ? { varDir: options.varDir } : {}),
      ...(options.migrate === false ? { migrate: false } : {}),
    }));
  const reader = createPdfReader({ poolSize: config.MDSO_WORKER_CONCURRENCY, logger });
  const timeoutMs = config.LOOKUP_TIMEOUT_MS;
  const chosen = chooseLlmProviders(config);
  const llm: { privateData?: LlmClient; worksData?: LlmClient } = {};
  for (const task of ['privateData', 'worksData'] as const) {
    const provider = chosen[task];
    if (provider) {
      // The openai client is loaded only when a provider is configured.
      const { createLlmClient } = await import('./adapters/llm/llm-client.js');
      llm[task] = createLlmClient({
        provider,
        timeoutMs: config.LLM_TIMEOUT_MS,
        maxRetries: 1,
        logger,
      });
    }
  }
  const readsFiles = options.readsFiles !== false;
  // said once, by the process that scans files (the claim loop), not by every minute job
  if (readsFiles && !config.CLAMAV_HOST) logger.info('virus scan off (CLAMAV_HOST unset)');
  // Choosing the OCR engine probes the tesseract command: only for processes that read files.
  const ocr = readsFiles ? await createOcrEngine(config, logger) : undefined;
  const root = packageRoot();
  const renderer = await createMailRenderer({
    templatesDir: join(root, 'templates'),
    cacheFile: join(options.varDir ?? join(root, 'var'), 'cache', 'mail-templates.json'),
    logger,
  });
  const transport = createMailTransport(config, logger, { rootDir: root });
  const mailDeps: MailDeps = { db: database.knex, logger, renderer, transport, config };
  // A report that cannot be sent must not undo the case validation: it is logged, and a
  // transport failure stays queued for the send-pending-mails job.
  const inbound: InboundDeps = {
    db: database.knex,
    logger,
    config,
    mail: mailDeps,
    ...(config.BREVO_API_KEY
      ? {
          brevo: createBrevoInboundClient({
            apiKey: config.BREVO_API_KEY,
            baseUrl: config.BREVO_API_BASE_URL,
            logger,
          }),
        }
      : {}),
  };
  const onCaseFinal = async (caseId: string): Promise<void> => {
    try {
      await sendCaseReport(mailDeps, caseId);
    } catch (err) {
      logger.error({ err, caseId }, 'case report not sent');
    }
  };
  // The team's notice of a new check (spec/email.md §5.1): a failure is logged, the check goes on.
  const onCheckReceived = async (check: QuoteCheck): Promise<void> => {
    try {
      await announceNewCheck(mailDeps, check);
    } catch (err) {
      logger.error({ err, quoteCheckId: check.id }, 'team notice of a new check not sent');
    }
  };
  return {
    config,
    database,
    db: database.knex,
    logger,
    reader,
    readTimeoutMs: config.MDSO_FILE_READ_TIMEOUT_MS,
    ...(ocr ? { ocr } : {}),
    ...(config.CLAMAV_HOST
      ? {
          clamav: createClamavClient({
            host: config.CLAMAV_HOST,
            port: config.CLAMAV_PORT,
            timeoutMs: 60_000,
            logger,
          }),
        }
      : {}),
    ...(config.ADEME_API_BASE_URL
      ? { ademe: createAdemeClient({ baseUrl: config.ADEME_API_BASE_URL, timeoutMs, logger }) }
      : {}),
    ...(config.SIRENE_API_BASE_URL
      ? { sirene: createSireneClient({ baseUrl: config.SIRENE_API_BASE_URL, timeoutMs, logger }) }
      : {}),
    lookupTtlMs: config.LOOKUP_CACHE_TTL_HOURS * 3_600_000,
    llm,
    today: options.today ?? (() => parisToday()),
    priceRanges: config.priceRanges,
    frontendHost: config.FRONTEND_APPLICATION_HOST,
    leaseMs: config.MDSO_LEASE_MS,
    maxAttempts: config.MDSO_MAX_ATTEMPTS,
    retryBaseMs: config.MDSO_RETRY_BASE_MS,
    renderer,
    transport,
    inbound,
    onCaseFinal,
    onCheckReceived,
    ...options.hooks,
    close: async () => {
      await transport.close?.();
      await ocr?.close();
      await reader.close();
      await database.close();
    },
  };
}
