/** Ventilation: single-flow humidity-controlled and double-flow units. */
import type { GesteType } from '../../../src/domain/geste-types.js';
import { decimal } from '../formats.js';
import { brand, model } from '../vocab/business.js';
import { between, DraftWriter, type GesteContext, type GesteDraft } from './draft.js';

const ROOMS_DRY = [
  'séjour et chambres',
  'menuiseries des pièces sèches',
  'séjour, bureau et chambres 1 à 3',
];

export function ventilation(ctx: GesteContext, type: GesteType): GesteDraft[] {
  const { rng } = ctx;
  const w = new DraftWriter(ctx);
  const double = type === 'vmc_double_flux';
  const mark = brand(rng);
  const typeVmc = double
    ? 'VMC double flux avec échangeur'
    : `VMC simple flux hygroréglable de type ${rng.pick(['A', 'B'])}`;
  w.say(
    'type_vmc',
    typeVmc,
    [(v) => `Type : ${v}`, (v) => `Système ${v}`],
    'type de VMC non indiqué',
  );
  w.say(
    'marque_caisson',
    mark,
    [(v) => `Caisson ${v}`, (v) => `Groupe d'extraction de marque ${v}`],
    'marque du caisson non indiquée',
  );
  w.say(
    'reference_caisson',
    model(rng, rng.int(150, 450), double ? 'DF' : 'Hygro'),
    [(v) => `Référence caisson : ${v}`, (v) => `Modèle ${v}`],
    'référence du caisson non indiquée',
  );
  w.say(
    'classe_caisson',
    rng.pick(double ? ['A+', 'A'] : ['A', 'B', 'A+']),
    [(v) => `Classe énergétique ${v}`, (v) => `Caisson classe ${v}`],
    'classe du caisson non indiquée',
  );
  w.say(
    'puissance_absobée_pondéréé_moteur',
    between(rng, double ? 20 : 8, double ? 45 : 18, 0.5),
    [
      (v) => `Puissance absorbée pondérée ${decimal(v)} W-Th-C`,
      (v) => `Consommation moteur : ${decimal(v)} W-Th-C`,
    ],
    'puissance absorbée pondérée non indiquée',
  );
  const outlets = brand(rng);
  w.say(
    'marque_bouche_extraction',
    outlets,
    [(v) => `Bouches d'extraction ${v}`],
    "marque des bouches d'extraction non indiquée",
  );
  w.say(
    'reference_bouche_extraction',
    model(rng, rng.int(20, 40), 'BX'),
    [(v) => `Réf. bouches d'extraction : ${v}`],
    "référence des bouches d'extraction non indiquée",
  );
  w.say(
    'nombre_bouche_extraction',
    rng.int(2, 5),
    [
      (v) => `${v} bouches d'extraction (cuisine, salle de bains, WC)`,
      (v) => `Nombre de bouches d'extraction : ${v}`,
    ],
    "nombre de bouches d'extraction non indiqué",
  );
  if (double) {
    w.say(
      'nombre_bouches_soufflage',
      rng.int(3, 6),
      [(v) => `${v} bouches de soufflage`, (v) => `Nombre de bouches de soufflage : ${v}`],
      'nombre de bouches de soufflage non indiqué',
    );
    w.say(
      'marque_bouches_soufflage',
      outlets,
      [(v) => `Bouches de soufflage ${v}`],
      'marque des bouches de soufflage non indiquée',
    );
    w.say(
      'reference_bouches_soufflage',
      model(rng, rng.int(20, 40), 'BS'),
      [(v) => `Réf. bouches de soufflage : ${v}`],
      'référence des bouches de soufflage non indiquée',
    );
    w.say(
      'emplacement_bouches_soufflage',
      rng.pick(ROOMS_DRY),
      [(v) => `Soufflage dans : ${v}`],
      'emplacement des bouches de soufflage non indiqué',
    );
  } else {
    w.say(
      'nombre_bouches_entree_dair',
      rng.int(3, 7),
      [(v) => `${v} entrées d'air hygroréglables`, (v) => `Nombre d'entrées d'air : ${v}`],
      "nombre d'entrées d'air non indiqué",
    );
    w.say(
      'marque_bouches_entree_dair',
      outlets,
      [(v) => `Entrées d'air ${v}`],
      "marque des entrées d'air non indiquée",
    );
    w.say(
      'reference_bouches_entree_dair',
      model(rng, rng.int(20, 40), 'EA'),
      [(v) => `Réf. entrées d'air : ${v}`],
      "référence des entrées d'air non indiquée",
    );
    w.say(
      'emplacement_bouches_entree_dair',
      rng.pick(ROOMS_DRY),
      [(v) => `Entrées d'air posées sur : ${v}`],
      "emplacement des entrées d'air non indiqué",
    );
  }
  // The label names the kind of ventilation only when the type mention is printed.
  let label = 'Ventilation mécanique contrôlée';
  if (w.shown('type_vmc') !== null)
    label = double ? 'Centrale VMC double flux haut rendement' : 'VMC simple flux hygroréglable';
  return [
    {
      type,
      label: `${label}${w.shown('marque_caisson') === null ? '' : ` ${mark}`}`,
      combinedLabel: `${label} – fourniture et pose`,
      details: w.details,
      attrs: w.attrs,
      quantite: 1,
      unite: rng.pick(['u', 'ens.']),
      supplyUnitPrice: between(rng, double ? 2500 : 450, double ? 4800 : 1300, 10),
      labourUnitPrice: between(rng, double ? 1200 : 350, double ? 2600 : 900, 10),
      labourLabel: 'Pose du caisson, des gaines et des bouches, mise en service',
      tva: 5.5,
      section: 'Ventilation',
      defects: w.defects,
    },
  ];
}
