/**
 * The one place that builds the link of a result (DESIGN.md §6): to the web frontend when one is
 * configured (`FRONTEND_APPLICATION_HOST`, its paths of spec/email.md §5 and api.md §6), else to
 * the service's own result page, `<APPLICATION_HOST>/resultats/<token>` — the random token,
 * never the id. Mails, acknowledgements and API answers all call it.
 */

export interface LinkSettings {
  /** The web frontend; absent when none is deployed. */
  frontendHost?: string | undefined;
  /** The service's own public URL. */
  applicationHost: string;
}

export interface ResultTarget {
  kind: 'check' | 'case';
  id: string;
  /** The record's result token (`result_token`). */
  token: string;
  /** Frontend path of the profile (`email` maps to `conseiller`); `conseiller` when absent. */
  profile?: string;
  /** Matomo campaign of the frontend link: `full_email` in mails, `api` in API answers. */
  campaign: string;
}

const PROFILE_PATHS: Record<string, string> = {
  artisan: 'artisan',
  particulier: 'particulier',
  mandataire: 'mandataire',
  conseiller: 'conseiller',
  email: 'conseiller',
};

export const RESULT_PAGE_PATH = '/resultats';

const trimSlashes = (host: string) => host.replace(/\/+$/u, '');

export function resultPagePath(token: string): string {
  return `${RESULT_PAGE_PATH}/${encodeURIComponent(token)}`;
}

export function buildResultUrl(settings: LinkSettings, target: ResultTarget): string {
  if (!settings.frontendHost) {
    return `${trimSlashes(settings.applicationHost)}${resultPagePath(target.token)}`;
  }
  const path = PROFILE_PATHS[target.profile ?? 'conseiller'] ?? 'conseiller';
  const kind = target.kind === 'check' ? 'devis' : 'dossier';
  const campaign = encodeURIComponent(target.campaign);
  return `${trimSlashes(settings.frontendHost)}/${path}/${kind}/${encodeURIComponent(target.id)}?mtm_campaign=${campaign}`;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);

/** True when a link to this URL leads nowhere for anyone but this machine. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost') || host.startsWith('127.');
  } catch {
    return false;
  }
}
