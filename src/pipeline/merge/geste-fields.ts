/**
 * The kind of every geste field we keep (src/domain/attributes.ts `Geste`): an LLM geste is
 * reduced to these fields, each coerced to its type; any other key the model returned is dropped.
 */
import type { Geste } from '../../domain/attributes.js';
import { ATTRIBUTE_QUANTITIES } from '../../domain/units.js';
import type { FieldKind } from './field-values.js';

const NUMBER_FIELDS = [
  'quantite',
  'prix_unitaire_ht',
  'prix_ht',
  'taux_tva',
  'prix_unitaire_ttc',
  'prix_ttc',
  'puissance',
  'ETAS',
  'COP',
  'SCOP',
  'puissance_nominale',
  'rendement_energetique',
  'emission_monoxyde_carbone',
  'emission_composés_organique',
  'emission_particules',
  'emission_oxydes_azotes',
  'emission_reference_o2',
  'contenance_silo',
  'surface_captage',
  'productivite_capteurs',
  'volume_ballon',
  'volume',
  'surface_capteur',
  'surface_isolant',
  'epaisseur_isolant',
  'resistance_thermique',
  'lambda_isolant',
  'uw',
  'sw',
  'ud',
  'deltaR',
  'puissance_absobée_pondéréé_moteur',
  'nombre_bouche_extraction',
  'nombre_bouches_extraction',
  'nombre_bouches_entree_dair',
  'nombre_bouches_soufflage',
] as const satisfies readonly (keyof Geste)[];

const FLAG_FIELDS = [
  'remplacement_chaudiere_condensation',
  'label_flamme_verte',
  'presence_note_dimensionnement',
  'presence_parement',
  'presence_protection',
  'presence_fixation',
] as const satisfies readonly (keyof Geste)[];

const ENUM_FIELDS = {
  regime_temperature: 'enum:basse|moyenne|haute',
  profil_soutirage: 'enum:M|L|XL|XXL',
  type_chargement: 'enum:manuel|automatique',
} as const satisfies Partial<Record<keyof Geste, FieldKind>>;

const TEXT_FIELDS = [
  'intitule',
  'numero_ligne',
  'unite',
  'marque',
  'reference',
  'type_fluide_frigorigene',
  'type_combustible',
  'type_silo',
  'marque_regulateur',
  'reference_regulateur',
  'classe_regulateur',
  'marque_capteurs',
  'reference_capteurs',
  'type_capteurs',
  'energie_appoint',
  'type_installation',
  'type_appoint',
  'classe_energetique_ballon',
  'fluide_capteur',
  'marque_isolant',
  'reference_isolant',
  'norme_calcul_resistance',
  'numero_acermi',
  'localisation',
  'emplacement',
  'type_isolation_toiture_terrasse',
  'type_menuiserie',
  'type_materiaux',
  'type_vitrage',
  'type_pose',
  'position_paroie',
  'type_vmc',
  'marque_caisson',
  'reference_caisson',
  'classe_caisson',
  'marque_bouche_extraction',
  'reference_bouche_extraction',
  'marque_bouches_entree_dair',
  'reference_bouches_entree_dair',
  'emplacement_bouches_entree_dair',
  'marque_bouches_soufflage',
  'reference_bouches_soufflage',
  'emplacement_bouches_soufflage',
] as const satisfies readonly (keyof Geste)[];

/** Free text keeps the longer LLM reading; codes and identifiers of a line keep the naive one. */
const LABEL_TEXT_FIELDS: readonly string[] = ['numero_ligne', 'unite', 'numero_acermi'];

/** Every geste field but `type`, with its kind. */
export const GESTE_FIELD_KINDS: Readonly<Record<string, FieldKind>> = {
  ...Object.fromEntries(
    NUMBER_FIELDS.map((key) => {
      const quantity = ATTRIBUTE_QUANTITIES[key];
      return [key, quantity === undefined ? 'number' : `measure:${quantity}`];
    }),
  ),
  ...Object.fromEntries(FLAG_FIELDS.map((key) => [key, 'flag'])),
  ...ENUM_FIELDS,
  ...Object.fromEntries(
    TEXT_FIELDS.map((key) => [key, LABEL_TEXT_FIELDS.includes(key) ? 'label' : 'text']),
  ),
};
