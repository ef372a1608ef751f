/** Hot water (thermodynamic and solar water heaters) and the combined solar heating system. */
import type { GesteType } from '../../../src/domain/geste-types.js';
import { decimal } from '../formats.js';
import { brand, model } from '../vocab/business.js';
import { between, DraftWriter, type GesteContext, type GesteDraft } from './draft.js';
import { ETAS_PHRASES, heatingBasics } from './heating-common.js';

const PROFILE_PHRASES = [
  (v: string) => `Profil de soutirage ${v}`,
  (v: string) => `Soutirage : ${v}`,
];
const VOLUME_PHRASES = [(v: number) => `Volume ${v} L`, (v: number) => `Capacité : ${v} litres`];

function collectors(w: DraftWriter, ctx: GesteContext, area: number): void {
  const { rng } = ctx;
  w.say(
    'marque_capteurs',
    brand(rng),
    [(v) => `Capteurs ${v}`, (v) => `Marque des capteurs : ${v}`],
    'marque des capteurs non indiquée',
  );
  w.say(
    'reference_capteurs',
    model(rng, rng.int(20, 30), 'V'),
    [(v) => `Référence capteurs : ${v}`],
    'référence des capteurs non indiquée',
  );
  w.say(
    'type_capteurs',
    rng.pick(['capteurs plans vitrés', 'capteurs à tubes sous vide']),
    [(v) => `Type : ${v}`, (v) => `Technologie : ${v}`],
    'type de capteurs non indiqué',
  );
  w.say(
    'surface_captage',
    area,
    [
      (v) => `Surface de captage ${decimal(v)} m²`,
      (v) => `Surface d'entrée des capteurs : ${decimal(v)} m²`,
    ],
    'surface de captage non indiquée',
  );
  w.say(
    'productivite_capteurs',
    rng.int(52, 80) * 10,
    [(v) => `Productivité ${v} W/m²`, (v) => `Productivité des capteurs : ${v} W/m²`],
    'productivité des capteurs non indiquée',
  );
}

export function eauChaude(ctx: GesteContext, type: GesteType): GesteDraft[] {
  const { rng } = ctx;
  const w = new DraftWriter(ctx);
  const mark = brand(rng);
  let label: string;
  let section: string;
  let price: [number, number];
  if (type === 'systeme_solaire_combine') {
    const power = rng.int(10, 25);
    heatingBasics(w, rng, {
      mark,
      reference: model(rng, power, 'SSC'),
      power,
      etas: rng.int(82, 140),
    });
    collectors(w, ctx, between(rng, 8, 20, 0.5));
    w.say(
      'volume_ballon',
      rng.int(6, 12) * 100,
      [(v) => `Ballon de stockage ${v} L`, (v) => `Volume du ballon : ${v} litres`],
      'volume du ballon non indiqué',
    );
    w.say(
      'profil_soutirage',
      rng.pick(['L', 'XL', 'XXL']),
      PROFILE_PHRASES,
      'profil de soutirage non indiqué',
    );
    w.say(
      'energie_appoint',
      rng.pick(['électrique', 'gaz', 'bois']),
      [(v) => `Appoint ${v}`, (v) => `Énergie d'appoint : ${v}`],
      "énergie d'appoint non indiquée",
    );
    label = 'Système solaire combiné chauffage et eau chaude';
    section = 'Chauffage solaire combiné';
    price = [11000, 19000];
  } else {
    const thermo = type === 'chauffe_eau_thermo';
    const volume = rng.pick(thermo ? [150, 200, 250, 270] : [200, 300, 400]);
    w.say('marque', mark, [(v) => `Marque ${v}`], 'marque non indiquée');
    w.say(
      'reference',
      model(rng, volume, thermo ? 'VM' : 'CESI'),
      [(v) => `Modèle ${v}`, (v) => `Réf. ${v}`],
      'référence non indiquée',
    );
    w.say('volume', volume, VOLUME_PHRASES, 'volume non indiqué');
    w.say('ETAS', rng.int(thermo ? 110 : 60, thermo ? 160 : 110), ETAS_PHRASES, 'ETAS non indiqué');
    w.say(
      'profil_soutirage',
      rng.pick(['M', 'L', 'XL']),
      PROFILE_PHRASES,
      'profil de soutirage non indiqué',
    );
    if (thermo) {
      w.say(
        'COP',
        between(rng, 2.5, 3.8, 0.1),
        [(v) => `COP ${decimal(v)}`, (v) => `COP ${decimal(v)} selon EN 16147`],
        'COP non indiqué',
      );
      w.say(
        'type_installation',
        rng.pick(['air ambiant', 'air extérieur', 'air extrait']),
        [(v) => `Installation sur ${v}`, (v) => `Prise d'air : ${v}`],
        "type d'installation non indiqué",
      );
      label = `Chauffe-eau thermodynamique${w.shown('volume') === null ? '' : ` ${volume} L`}`;
      section = 'Eau chaude sanitaire';
      price = [1700, 3200];
    } else {
      w.say(
        'type_appoint',
        // Enumerated as in the extraction prompt: `electrique` or `autre`.
        rng.pick(['electrique', 'autre']),
        [(v) => (v === 'autre' ? 'Appoint par la chaudière gaz existante' : 'Appoint électrique')],
        "type d'appoint non indiqué",
      );
      w.say(
        'surface_capteur',
        between(rng, 2, 6, 0.1),
        [
          (v) => `Surface des capteurs ${decimal(v)} m²`,
          (v) => `Capteurs : ${decimal(v)} m² au total`,
        ],
        'surface des capteurs non indiquée',
      );
      w.say(
        'classe_energetique_ballon',
        rng.pick(['B', 'C']),
        [(v) => `Ballon de classe énergétique ${v}`, (v) => `Classe ErP du ballon : ${v}`],
        'classe énergétique du ballon non indiquée',
      );
      w.say(
        'fluide_capteur',
        rng.pick(['eau glycolée', 'eau']),
        [(v) => `Fluide caloporteur : ${v}`],
        'fluide des capteurs non indiqué',
      );
      label = `Chauffe-eau solaire individuel${w.shown('volume') === null ? '' : ` ${volume} L`}`;
      section = 'Chauffe-eau solaire';
      price = [3500, 6500];
    }
  }
  const shownMark = w.shown('marque') === null ? '' : ` ${mark}`;
  return [
    {
      type,
      label: `${label}${shownMark}`,
      combinedLabel: `${label}${shownMark}, fourniture et pose`,
      details: w.details,
      attrs: w.attrs,
      quantite: 1,
      unite: 'u',
      supplyUnitPrice: between(rng, price[0], price[1], 10),
      labourUnitPrice: between(rng, 450, 1900, 10),
      labourLabel: 'Pose, raccordements hydrauliques et électriques, mise en service',
      tva: 5.5,
      section,
      defects: w.defects,
    },
  ];
}
