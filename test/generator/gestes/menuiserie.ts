/** Joinery gestes: windows (room by room), roof windows, doors, insulating shutters. */
import type { GesteType } from '../../../src/domain/geste-types.js';
import { decimal } from '../formats.js';
import type { Rng } from '../prng.js';
import { brand, model } from '../vocab/business.js';
import { between, DraftWriter, type GesteContext, type GesteDraft } from './draft.js';

const ROOMS = [
  'Séjour',
  'Cuisine',
  'Chambre 1',
  'Chambre 2',
  'Chambre 3',
  'Salle de bains',
  'Bureau',
  'Entrée',
  'Salle à manger',
  'Palier',
];
const MATERIALS = ['PVC', 'bois', 'aluminium'] as const;
const POSES: Record<string, string[]> = {
  renovation: ['Pose en rénovation sur dormant existant', 'Pose rénovation'],
  depose_totale: ['Pose en dépose totale', 'Dépose totale du dormant existant'],
};
const POSITIONS: Record<string, string[]> = {
  nu_interieur: ['Position : au nu intérieur', 'Pose au nu intérieur du mur'],
  nu_exterieur: ['Position : au nu extérieur', 'Pose au nu extérieur'],
  tunnel: ['Pose en tunnel', 'Position en tunnel (milieu de mur)'],
};

interface JoineryKind {
  noun: (material: string) => string;
  typeMenuiserie: () => string;
  section: string;
  price: [number, number];
  glazed: boolean;
  rooms: [number, number];
}

function kindOf(rng: Rng, type: GesteType): JoineryKind {
  switch (type) {
    case 'menuiserie_fenetre': {
      const door = rng.chance(0.3);
      return {
        noun: (m) =>
          door
            ? `Porte-fenêtre ${m} 2 vantaux`
            : `Fenêtre ${m} ${rng.pick(['1 vantail', '2 vantaux'])} oscillo-battante`,
        typeMenuiserie: () => (door ? 'porte_fenetre' : 'fenetre'),
        section: 'Menuiseries extérieures',
        price: [480, 1600],
        glazed: true,
        rooms: [1, 3],
      };
    }
    case 'menuiserie_fenetre_toit':
      return {
        noun: (m) =>
          `Fenêtre de toit ${m} à ${rng.pick(['rotation', 'projection'])} ${rng.pick(['78 x 98', '78 x 118', '66 x 118'])}`,
        typeMenuiserie: () => 'fenetre_de_toit',
        section: 'Fenêtres de toit',
        price: [650, 1200],
        glazed: true,
        rooms: [1, 2],
      };
    case 'menuiserie_porte':
      return {
        noun: (m) => `Porte d'entrée ${m} isolante`,
        typeMenuiserie: () => 'porte',
        section: "Porte d'entrée",
        price: [1500, 3200],
        glazed: true,
        rooms: [1, 1],
      };
    default:
      return {
        noun: (m) => `Volet roulant isolant ${m} ${rng.pick(['motorisé', 'manuel'])}`,
        typeMenuiserie: () => 'volet_isolant',
        section: 'Volets isolants',
        price: [380, 900],
        glazed: false,
        rooms: [1, 3],
      };
  }
}

function performance(w: DraftWriter, type: GesteType, rng: Rng): void {
  if (type === 'menuiserie_fenetre' || type === 'menuiserie_fenetre_toit') {
    const uw = between(rng, type === 'menuiserie_fenetre' ? 0.8 : 1.0, 1.4, 0.1);
    const sw = between(rng, 0.3, type === 'menuiserie_fenetre' ? 0.5 : 0.36, 0.01);
    w.say(
      'uw',
      uw,
      [
        (v) => `Uw = ${decimal(v)} W/m².K`,
        (v) => `Coefficient Uw : ${decimal(v, 1)} W/(m².K)`,
        (v) => `Uw ${decimal(v)}`,
      ],
      'Uw non indiqué',
    );
    w.say(
      'sw',
      sw,
      [(v) => `Sw = ${decimal(v, 2)}`, (v) => `Facteur solaire Sw : ${decimal(v)}`],
      'facteur solaire Sw non indiqué',
    );
  } else if (type === 'menuiserie_porte') {
    w.say(
      'ud',
      between(rng, 0.8, 1.7, 0.1),
      [(v) => `Ud = ${decimal(v)} W/m².K`, (v) => `Coefficient Ud : ${decimal(v, 1)}`],
      'Ud non indiqué',
    );
  } else {
    w.say(
      'deltaR',
      between(rng, 0.2, 0.3, 0.01),
      [
        (v) => `ΔR = ${decimal(v, 2)} m².K/W`,
        (v) => `Delta R = ${decimal(v)}`,
        (v) => `Résistance thermique additionnelle : ${decimal(v)} m².K/W`,
      ],
      'résistance additionnelle ΔR non indiquée',
    );
  }
}

export function menuiserie(ctx: GesteContext, type: GesteType): GesteDraft[] {
  const { rng } = ctx;
  const kind = kindOf(rng, type);
  const mark = brand(rng);
  const material = rng.pick(MATERIALS);
  const vitrage = rng.pick(['double', 'double', 'triple']);
  const pose = rng.pick(['renovation', 'depose_totale']);
  const position = rng.pick(['nu_interieur', 'nu_exterieur', 'tunnel']);
  const rooms = rng.sample(ROOMS, rng.int(kind.rooms[0], kind.rooms[1]));
  const showMaterial = !rng.chance(ctx.omitRate);
  const showRoom = rooms.length > 1 || !rng.chance(ctx.omitRate);
  return rooms.map((room) => {
    const w = new DraftWriter(ctx);
    const reference = model(rng, rng.int(60, 90), rng.pick(['OB1', 'OB2', 'PF2', 'R', 'M', 'S']));
    const noun = kind
      .noun(showMaterial ? material : '')
      .replace(/\s+/gu, ' ')
      .trim();
    w.say('marque', mark, [(v) => `Marque ${v}`, (v) => `Fabricant : ${v}`], 'marque non indiquée');
    w.say('reference', reference, [(v) => `Modèle ${v}`, (v) => `Réf. ${v}`], 'modèle non indiqué');
    w.known('type_menuiserie', kind.typeMenuiserie());
    if (showMaterial) w.known('type_materiaux', material);
    else w.absent('type_materiaux', 'matériau du cadre non indiqué');
    if (showRoom) w.known('localisation', room);
    else w.absent('localisation', 'pièce non indiquée');
    if (kind.glazed) {
      w.say(
        'type_vitrage',
        vitrage,
        [
          (v) =>
            `${v === 'double' ? 'Double' : 'Triple'} vitrage ${v === 'double' ? '4/16/4' : '4/12/4/12/4'} argon`,
          (v) => `Vitrage : ${v}`,
        ],
        'type de vitrage non indiqué',
      );
      w.say('type_pose', pose, [(v) => rng.pick(POSES[v] ?? [])], 'type de pose non indiqué');
      w.say(
        'position_paroie',
        position,
        [(v) => rng.pick(POSITIONS[v] ?? [])],
        'position dans la paroi non indiquée',
      );
    }
    performance(w, type, rng);
    const label = showRoom ? `${noun} – ${room}` : noun;
    return {
      type,
      label,
      combinedLabel: `${label}, fourniture et pose`,
      details: w.details,
      attrs: w.attrs,
      quantite: rng.chance(0.75) ? 1 : 2,
      unite: 'u',
      supplyUnitPrice: between(rng, kind.price[0], kind.price[1], 10),
      labourUnitPrice: between(rng, 120, 420, 10),
      labourLabel: showRoom ? `Pose ${noun.toLowerCase()} – ${room}` : `Pose ${noun.toLowerCase()}`,
      tva: 5.5,
      section: kind.section,
      defects: w.defects.map((d) => (showRoom ? `${d} (${room})` : d)),
    };
  });
}
