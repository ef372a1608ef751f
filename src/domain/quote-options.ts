/**
 * The closed lists a client picks from when it sends a quote (spec/api.md §5.2, §5.3, §5.7):
 * the profiles the API accepts, the renovation types, the aids of `metadata.aides`, with their
 * French labels. One source for the reference routes and for the validation of uploads.
 * (Geste types, their groups and titles live in ./geste-types.ts.)
 */
import type { Profile, RenovationType } from './quote-check.js';

/** Profiles a client may choose (`email` is technical, `mandataire` deprecated), in order. */
export const API_PROFILES = [
  'artisan',
  'particulier',
  'conseiller',
] as const satisfies readonly Profile[];
export type ApiProfile = (typeof API_PROFILES)[number];

/** Upstream locale `quotes.profile.title.*`. */
export const PROFILE_LABELS: Record<ApiProfile, string> = {
  artisan: 'Artisan',
  particulier: 'Particulier',
  conseiller: 'Conseiller',
};

export const RENOVATION_TYPES = ['geste', 'ampleur'] as const satisfies readonly RenovationType[];

/** Upstream locale `quotes.renovation_type.title.*`. */
export const RENOVATION_TYPE_LABELS: Record<RenovationType, string> = {
  geste: 'Rénovation par geste',
  ampleur: "Rénovation d'ampleur",
};

/** The only values accepted in `metadata.aides`, in display order. */
export const AIDES = [
  "MaPrimeRénov' par geste",
  "MaPrimeRénov' parcours accompagné",
  'CEE',
  'Eco prêt à taux 0',
  'Aide locale',
] as const;
