/**
 * The values a quote's `metadata` may hold (spec/api.md §5.7): the aids and the geste labels
 * grouped as the frontend shows them. The upload and case routes accept only these; the
 * metadata route lists them.
 */
import { GESTE_GROUP_LABELS, GESTE_GROUPS, GESTE_TITLES, type GesteType } from './geste-types.js';

export const METADATA_AIDES = [
  "MaPrimeRénov' par geste",
  "MaPrimeRénov' parcours accompagné",
  'CEE',
  'Eco prêt à taux 0',
  'Aide locale',
] as const;

/** The metadata label of a geste type: its title, except the one upstream spells differently. */
const LABEL_EXCEPTIONS: Partial<Record<GesteType, string>> = {
  chauffe_eau_thermo: 'Chauffe-eau thermodynamique (CET)',
};

export const METADATA_GESTES: readonly { group: string; values: string[] }[] = Object.entries(
  GESTE_GROUPS,
).map(([group, types]) => ({
  group: GESTE_GROUP_LABELS[group as keyof typeof GESTE_GROUPS],
  values: types.map((type: GesteType) => LABEL_EXCEPTIONS[type] ?? GESTE_TITLES[type]),
}));

/** Obsolete labels still sent by old clients, rewritten on the way in (upstream backport). */
export const METADATA_GESTE_ALIASES: Readonly<Record<string, string>> = {
  'Poêle à granulés': 'Poêle/insert à bois/granulés',
};

export const METADATA_KEYS = ['aides', 'gestes'] as const;
