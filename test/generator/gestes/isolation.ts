/** Insulation gestes (the six isolation_* types). */
import type { GesteType } from '../../../src/domain/geste-types.js';
import { acermiNumber } from '../identity.js';
import { decimal } from '../formats.js';
import { brand, model } from '../vocab/business.js';
import { between, DraftWriter, type GesteContext, type GesteDraft } from './draft.js';
import { ISOLATION_KINDS, type IsolationKind } from './isolation-kinds.js';

const R_PHRASES = [
  (r: number) => `Résistance thermique R = ${decimal(r)} m².K/W`,
  (r: number) => `R=${decimal(r, 2)}`,
  (r: number) => `Résistance thermique : ${decimal(r)} m²K/W`,
  (r: number) => `R = ${decimal(r, 1)} m².K/W certifiée`,
];

export function isolation(ctx: GesteContext, type: GesteType): GesteDraft[] {
  const { rng } = ctx;
  const kind = ISOLATION_KINDS[type] as IsolationKind;
  const w = new DraftWriter(ctx);
  const material = rng.pick(kind.material);
  const surface = between(rng, kind.surface[0], kind.surface[1], 1);
  const thickness = between(rng, kind.thickness[0], kind.thickness[1], 1);
  const r = Math.max(kind.minR, between(rng, thickness / 4.2, thickness / 3.2, 0.1));
  const mark = brand(rng);
  const reference = model(rng, rng.int(30, 45));
  w.say(
    'marque_isolant',
    mark,
    [(v) => `Marque ${v}`, (v) => `Isolant de marque ${v}`],
    "marque de l'isolant non indiquée",
  );
  w.say(
    'reference_isolant',
    reference,
    [(v) => `Référence ${v}`, (v) => `Produit : ${v}`],
    "référence de l'isolant non indiquée",
  );
  w.say(
    'surface_isolant',
    surface,
    [(v) => `Surface isolée : ${v} m²`, (v) => `Surface traitée ${v} m²`],
    'surface isolée non indiquée',
  );
  w.say(
    'epaisseur_isolant',
    thickness,
    [(v) => `Épaisseur ${v} cm`, (v) => `ép. ${v * 10} mm`, (v) => `Épaisseur totale : ${v} cm`],
    "épaisseur de l'isolant non indiquée",
  );
  w.say('resistance_thermique', r, R_PHRASES, 'résistance thermique R non indiquée');
  const norm = rng.chance(0.4);
  if (norm)
    w.say(
      'norme_calcul_resistance',
      rng.pick(['NF EN 12664', 'NF EN 12667', 'NF EN 12939']),
      [(v) => `R calculée selon la norme ${v}`, (v) => `Norme de calcul : ${v}`],
      'norme de calcul de R non indiquée',
    );
  else w.known('norme_calcul_resistance', null);
  if (!norm || rng.chance(0.5))
    w.say(
      'numero_acermi',
      acermiNumber(rng),
      [(v) => `Certificat ACERMI n° ${v}`, (v) => `ACERMI ${v}`],
      'numéro ACERMI non indiqué',
    );
  else w.known('numero_acermi', null);
  if (
    type === 'isolation_thermique_par_exterieur_ITE' ||
    type === 'isolation_thermique_par_interieur_ITI'
  ) {
    const ite = type === 'isolation_thermique_par_exterieur_ITE';
    w.say(
      'presence_parement',
      true,
      [() => (ite ? 'Parement : enduit de finition taloché' : 'Parement en plaque de plâtre BA13')],
      'parement non mentionné',
    );
    w.say(
      'presence_protection',
      true,
      [
        () =>
          ite
            ? 'Protection par sous-enduit armé de treillis'
            : 'Protection par pare-vapeur continu',
      ],
      'protection non mentionnée',
    );
    w.say(
      'presence_fixation',
      true,
      [() => (ite ? 'Fixation par calage-chevillage' : 'Fixation sur ossature métallique')],
      'fixation non mentionnée',
    );
  }
  if (type === 'isolation_plancher_bas') {
    w.say(
      'localisation',
      rng.pick([
        'plafond du sous-sol non chauffé',
        'vide sanitaire',
        'plafond du garage sous pièces habitées',
      ]),
      [(v) => `Localisation : ${v}`, (v) => `Isolation posée en ${v}`],
      'localisation du plancher bas non indiquée',
    );
    w.say(
      'emplacement',
      rng.pick(['sous-face', 'par le dessus']),
      [(v) => `Pose ${v}`, (v) => `Mise en œuvre ${v}`],
      'emplacement non indiqué',
    );
  }
  if (type === 'isolation_toiture_terrasse') {
    w.say(
      'type_isolation_toiture_terrasse',
      rng.pick(["isolation par l'extérieur sous étanchéité", 'toiture inversée sur étanchéité']),
      [(v) => `Procédé : ${v}`, (v) => `Type d'isolation : ${v}`],
      "type d'isolation de la toiture-terrasse non indiqué",
    );
  }
  const label = kind.label(material);
  // Without a stated surface the line is a lump sum: no area in the quantity column either.
  const lumpSum = w.shown('surface_isolant') === null;
  const supply = between(rng, kind.supply[0], kind.supply[1], 0.1);
  const labour = between(rng, kind.labour[0], kind.labour[1], 0.1);
  return [
    {
      type,
      label,
      combinedLabel: `${label} – fourniture et pose`,
      details: w.details,
      attrs: w.attrs,
      quantite: lumpSum ? 1 : surface,
      unite: lumpSum ? 'forf.' : 'm²',
      supplyUnitPrice: lumpSum ? Math.round(supply * surface) : supply,
      labourUnitPrice: lumpSum ? Math.round(labour * surface) : labour,
      labourLabel: `Mise en œuvre de l'isolant (${kind.section.toLowerCase()})`,
      tva: 5.5,
      section: kind.section,
      defects: w.defects,
    },
  ];
}
