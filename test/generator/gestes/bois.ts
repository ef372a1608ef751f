/** Wood and pellet heating: stoves/inserts and biomass boilers. */
import type { GesteType } from '../../../src/domain/geste-types.js';
import { decimal } from '../formats.js';
import type { Rng } from '../prng.js';
import { brand, model } from '../vocab/business.js';
import { between, DraftWriter, type GesteContext, type GesteDraft } from './draft.js';
import { heatingBasics } from './heating-common.js';

/** Emissions (mg/Nm³) with the Flamme Verte label, or in its place. */
function emissions(w: DraftWriter, rng: Rng, pellets: boolean): void {
  if (rng.chance(0.45)) {
    w.known('label_flamme_verte', true);
    w.note(rng.pick(['Label Flamme Verte 7 étoiles', 'Appareil labellisé Flamme Verte']));
  } else {
    w.known('label_flamme_verte', null);
  }
  w.say(
    'emission_monoxyde_carbone',
    rng.int(pellets ? 40 : 300, pellets ? 280 : 1400),
    [(v) => `CO : ${v} mg/Nm³`, (v) => `Émissions de monoxyde de carbone ${v} mg/Nm3 à 13 % d'O2`],
    'émissions de CO non indiquées',
  );
  w.say(
    'emission_composés_organique',
    rng.int(3, pellets ? 55 : 110),
    [(v) => `COG : ${v} mgC/Nm³`, (v) => `Composés organiques gazeux ${v} mgC/Nm3`],
    'émissions de COG non indiquées',
  );
  w.say(
    'emission_particules',
    rng.int(5, pellets ? 28 : 38),
    [(v) => `Particules : ${v} mg/Nm³`, (v) => `Poussières ${v} mg/Nm3`],
    'émissions de particules non indiquées',
  );
  w.say(
    'emission_oxydes_azotes',
    rng.int(60, 195),
    [(v) => `NOx : ${v} mg/Nm³`, (v) => `Oxydes d'azote ${v} mg/Nm3`],
    'émissions de NOx non indiquées',
  );
}

function poele(
  ctx: GesteContext,
  w: DraftWriter,
  mark: string,
): Pick<GesteDraft, 'label' | 'section' | 'supplyUnitPrice' | 'labourLabel'> {
  const { rng } = ctx;
  const pellets = rng.chance(0.6);
  const insert = rng.chance(0.3);
  const power = between(rng, 5, 12, 0.5);
  heatingBasics(w, rng, {
    mark,
    reference: model(rng, decimal(power)),
    power,
    etas: rng.int(pellets ? 80 : 66, 92),
  });
  w.say(
    'type_combustible',
    pellets ? 'granules' : 'bois',
    [
      (v) => `Combustible : ${v === 'bois' ? 'bois bûches' : 'granulés de bois'}`,
      (v) => (v === 'bois' ? 'Fonctionne au bois bûche' : 'Fonctionne aux granulés'),
    ],
    'type de combustible non indiqué',
  );
  w.say(
    'rendement_energetique',
    between(rng, 75, 93, 0.1),
    [(v) => `Rendement ${decimal(v)} %`, (v) => `Rendement énergétique : ${decimal(v)}%`],
    'rendement énergétique non indiqué',
  );
  emissions(w, rng, pellets);
  // The label names the fuel only when the fuel mention is printed.
  const fuel = w.shown('type_combustible') === null ? '' : pellets ? ' à granulés' : ' à bois';
  const noun = `${insert ? 'Insert' : 'Poêle'}${fuel}${insert ? '' : ' étanche'}`;
  return {
    label: `${noun}${w.shown('marque') === null ? '' : ` ${mark}`}`,
    section: insert ? 'Insert' : 'Poêle',
    supplyUnitPrice: between(rng, 1800, 4800, 10),
    labourLabel: 'Pose, raccordement au conduit et mise en service',
  };
}

function chaudiere(
  ctx: GesteContext,
  w: DraftWriter,
  mark: string,
): Pick<GesteDraft, 'label' | 'section' | 'supplyUnitPrice' | 'labourLabel'> {
  const { rng } = ctx;
  const power = rng.int(12, 35);
  const automatic = rng.chance(0.7);
  heatingBasics(w, rng, {
    mark,
    reference: model(rng, power, automatic ? 'AT' : 'MN'),
    power,
    etas: rng.int(77, 92),
  });
  w.say(
    'type_combustible',
    automatic ? 'granules' : 'bois',
    [(v) => `Combustible : ${v === 'bois' ? 'bûches' : 'granulés'}`],
    'type de combustible non indiqué',
  );
  w.say(
    'type_chargement',
    automatic ? 'automatique' : 'manuel',
    [
      (v) => `Chargement ${v}`,
      (v) => `Alimentation ${v === 'manuel' ? 'manuelle' : 'automatique'}`,
    ],
    'type de chargement non indiqué',
  );
  const hopper = rng.chance(0.2);
  w.say(
    'type_silo',
    hopper
      ? 'trémie intégrée'
      : rng.pick([
          'silo textile neuf en chaufferie',
          'silo maçonné existant',
          'silo extérieur neuf',
        ]),
    [(v) => `Stockage : ${v}`, (v) => `Silo : ${v}`],
    'type de silo non indiqué',
  );
  w.say(
    'contenance_silo',
    hopper ? rng.int(15, 22) * 10 : rng.int(20, 60) * 100,
    [(v) => `Contenance ${v} litres`, (v) => `Capacité du silo : ${v} L`],
    'contenance du silo non indiquée',
  );
  emissions(w, rng, automatic);
  w.say(
    'marque_regulateur',
    brand(rng),
    [(v) => `Régulateur ${v}`],
    'marque du régulateur non indiquée',
  );
  w.say(
    'reference_regulateur',
    model(rng, rng.int(10, 60)),
    [(v) => `Référence régulateur : ${v}`],
    'référence du régulateur non indiquée',
  );
  w.say(
    'classe_regulateur',
    rng.pick(['IV', 'V', 'VI', 'VII', 'VIII']),
    [(v) => `Régulation de classe ${v}`, (v) => `Classe du régulateur : ${v}`],
    'classe du régulateur non indiquée',
  );
  if (rng.chance(0.6)) {
    w.known('presence_note_dimensionnement', true);
    w.note('Note de dimensionnement jointe');
  } else w.known('presence_note_dimensionnement', null);
  return {
    label: [
      'Chaudière',
      w.shown('type_chargement') === null
        ? null
        : automatic
          ? 'automatique'
          : 'à chargement manuel',
      w.shown('type_combustible') === null ? 'biomasse' : automatic ? 'à granulés' : 'à bûches',
      w.shown('marque') === null ? null : mark,
    ]
      .filter(Boolean)
      .join(' '),
    section: 'Chaudière biomasse',
    supplyUnitPrice: between(rng, 9000, 19000, 10),
    labourLabel: 'Installation hydraulique, raccordement fumées et mise en service',
  };
}

export function bois(ctx: GesteContext, type: GesteType): GesteDraft[] {
  const { rng } = ctx;
  const w = new DraftWriter(ctx);
  const mark = brand(rng);
  const part = type === 'poele_insert' ? poele(ctx, w, mark) : chaudiere(ctx, w, mark);
  return [
    {
      type,
      ...part,
      combinedLabel: `${part.label} – fourniture et pose`,
      details: w.details,
      attrs: w.attrs,
      quantite: 1,
      unite: 'u',
      labourUnitPrice: between(rng, 600, 3200, 10),
      tva: 5.5,
      defects: w.defects,
    },
  ];
}
