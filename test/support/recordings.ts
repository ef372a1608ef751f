/**
 * Recorded exchanges with outside APIs (test/fixtures/recordings/<adapter>/…), in the format of
 * the shared reference folder's README.md §3, replayed by the fake HTTP server of ./fake-http.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FakeHandler, FakeRequest, FakeResponse } from './fake-http.js';

export interface RecordedInteraction {
  request: { method: string; uri: string; content_type?: string; body?: unknown };
  response: { status: number; content_type?: string; body: unknown };
  recorded_at?: string;
}

export interface Recording {
  interactions: RecordedInteraction[];
}

const recordingsDir = new URL('../fixtures/recordings/', import.meta.url);

/** Loads `test/fixtures/recordings/<name>` (e.g. `ademe/multiple-pages.json`). */
export function loadRecording(name: string): Recording {
  const text = readFileSync(fileURLToPath(new URL(name, recordingsDir)), 'utf8');
  return JSON.parse(text) as Recording;
}

/** The recorded answer as a fake response; `from` (the real origin) becomes the fake's origin. */
export function toFakeResponse(
  interaction: RecordedInteraction,
  rewrite?: { from: string; to: string },
): FakeResponse {
  const { status, content_type: contentType, body } = interaction.response;
  const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
  if (!rewrite) return { status, body, headers };
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const replaced = text.split(rewrite.from).join(rewrite.to);
  return { status, headers, body: typeof body === 'string' ? replaced : JSON.parse(replaced) };
}

function sameQuery(recorded: URLSearchParams, received: Record<string, string>): boolean {
  const a = [...recorded.entries()].sort().map(([k, v]) => `${k}=${v}`);
  const b = Object.entries(received)
    .sort()
    .map(([k, v]) => `${k}=${v}`);
  return a.length === b.length && a.every((entry, i) => entry === b[i]);
}

function matches(interaction: RecordedInteraction, req: FakeRequest): boolean {
  const url = new URL(interaction.request.uri);
  return (
    interaction.request.method.toUpperCase() === req.method &&
    url.pathname === req.path &&
    sameQuery(url.searchParams, req.query)
  );
}

/**
 * A handler answering each request with the first unused recorded interaction of the same
 * method, path and query (in recorded order; the last match repeats once all are used).
 * Occurrences of `from` (the recorded origin, e.g. `https://data.ademe.fr`) in answers are
 * replaced by the fake's origin, so absolute `next` links lead back to the fake.
 */
export function replayRecording(recording: Recording, from: string): FakeHandler {
  const used = new Set<number>();
  return (req) => {
    const candidates = recording.interactions
      .map((interaction, index) => ({ interaction, index }))
      .filter(({ interaction }) => matches(interaction, req));
    const pick = candidates.find(({ index }) => !used.has(index)) ?? candidates.at(-1);
    if (!pick) return { status: 599, body: { fake: `not recorded: ${req.method} ${req.path}` } };
    used.add(pick.index);
    return toFakeResponse(pick.interaction, { from, to: req.origin });
  };
}

/** The recorded interactions' answers, in order, for a route replaying them one by one. */
export function recordedResponses(recording: Recording, from: string, to: string): FakeResponse[] {
  return recording.interactions.map((interaction) => toFakeResponse(interaction, { from, to }));
}
