/** Geste types and groups, verbatim from upstream `lib/geste_types.rb` (spec/domain.md §2.4). */

export const GESTE_GROUPS = {
  chauffage: [
    'chaudiere_biomasse',
    'systeme_solaire_combine',
    'poele_insert',
    'pac_air_air',
    'pac_air_eau',
    'pac_hybride',
    'pac_eau_eau',
  ],
  eau_chaude: ['chauffe_eau_solaire_individuel', 'chauffe_eau_thermo'],
  isolation: [
    'isolation_thermique_par_exterieur_ITE',
    'isolation_thermique_par_interieur_ITI',
    'isolation_comble_perdu',
    'isolation_rampants_toiture',
    'isolation_toiture_terrasse',
    'isolation_plancher_bas',
  ],
  menuiserie: [
    'menuiserie_fenetre',
    'menuiserie_volet_isolant',
    'menuiserie_fenetre_toit',
    'menuiserie_porte',
  ],
  ventilation: ['vmc_double_flux', 'vmc_simple_flux'],
} as const;

export type GesteGroup = keyof typeof GESTE_GROUPS;
export type GesteType = (typeof GESTE_GROUPS)[GesteGroup][number];

/** The 21 canonical types, in the order of the groups above. */
export const GESTE_TYPES: readonly GesteType[] = Object.values(GESTE_GROUPS).flat();

/** Upstream group keys as exposed by the metadata endpoint. */
export const GESTE_GROUP_LABELS: Record<GesteGroup, string> = {
  chauffage: 'Chauffage',
  eau_chaude: 'Eau chaude sanitaire',
  isolation: 'Isolation',
  menuiserie: 'Menuiserie',
  ventilation: 'Ventilation',
};

/**
 * French titles of upstream's locale (`quote_checks.geste_type.title.*`): shown to users, the
 * labels of `GET /data_checks/geste_types` and the only values accepted in `metadata.gestes`
 * (spec/api.md §5.4, §5.7; upstream quirk on pac_hybride kept).
 */
export const GESTE_TITLES: Record<GesteType, string> = {
  chaudiere_biomasse: 'Chaudière biomasse',
  systeme_solaire_combine: 'Chauffage solaire combiné',
  poele_insert: 'Poêle/insert à bois/granulés',
  pac_air_air: 'Pompe à chaleur air / air',
  pac_air_eau: 'Pompe à chaleur air / eau',
  pac_hybride: 'Pompe à chaleur géothermique',
  pac_eau_eau: 'Pompe à chaleur eau / eau',
  chauffe_eau_solaire_individuel: 'Chauffe-eau solaire individuel',
  chauffe_eau_thermo: 'Chauffe-eau thermodynamique (CET)',
  isolation_thermique_par_exterieur_ITE: "Isolation des murs par l'extérieur (ITE)",
  isolation_thermique_par_interieur_ITI: "Isolation des murs par l'intérieur (ITI)",
  isolation_comble_perdu: 'Isolation des planchers de combles perdus',
  isolation_rampants_toiture: 'Isolation de la toiture en pente - plafond de combles',
  isolation_toiture_terrasse: 'Isolation de la toiture-terrasse',
  isolation_plancher_bas: 'Isolation des planchers bas',
  menuiserie_fenetre: 'Remplacement des fenêtres ou porte-fenêtres',
  menuiserie_volet_isolant: 'Volet isolant',
  menuiserie_fenetre_toit: 'Menuiserie des fenêtres de toit',
  menuiserie_porte: 'Menuiserie des portes',
  vmc_double_flux: 'Ventilation Mécanique Double-Flux',
  vmc_simple_flux: 'Ventilation Mécanique Simple-Flux',
};

export function isGesteType(value: unknown): value is GesteType {
  return typeof value === 'string' && (GESTE_TYPES as readonly string[]).includes(value);
}

export function groupOf(type: GesteType): GesteGroup {
  for (const [group, types] of Object.entries(GESTE_GROUPS) as [GesteGroup, readonly string[]][]) {
    if (types.includes(type)) return group;
  }
  throw new Error(`unknown geste type ${type}`);
}
