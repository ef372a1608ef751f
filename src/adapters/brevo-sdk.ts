/**
 * The Brevo SDK, loaded on first use: importing it costs about 350 ms, which every process
 * start (CLI commands, Bree job threads) would pay even when Brevo is not configured.
 */
import type * as BrevoSdk from '@getbrevo/brevo';

type BrevoModule = typeof BrevoSdk;

let loading: Promise<BrevoModule> | undefined;

export function loadBrevoSdk(): Promise<BrevoModule> {
  loading ??= import('@getbrevo/brevo');
  return loading;
}

/** The HTTP status of a Brevo SDK error (its errors carry `statusCode`), if any. */
export function brevoStatusOf(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}
