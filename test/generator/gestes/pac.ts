/** Heat pumps: air/water, water/water, hybrid, and air/air (checked on SCOP and nominal power only). */
import type { GesteType } from '../../../src/domain/geste-types.js';
import { decimal } from '../formats.js';
import { brand, model } from '../vocab/business.js';
import { between, DraftWriter, type GesteContext, type GesteDraft } from './draft.js';
import { heatingBasics } from './heating-common.js';

const NOUNS: Record<string, string> = {
  pac_air_eau: 'Pompe à chaleur air/eau',
  pac_eau_eau: 'Pompe à chaleur géothermique eau/eau',
  pac_hybride: 'Pompe à chaleur hybride (PAC + chaudière gaz à condensation)',
  pac_air_air: 'Pompe à chaleur air/air multi-split',
};

const REGIMES: Record<string, string[]> = {
  basse: ['Régime basse température (35 °C)', 'Application basse température'],
  moyenne: ['Régime moyenne température (45 °C)', 'Fonctionnement moyenne température'],
  haute: ['Régime haute température (65 °C)', 'Application haute température'],
};

const COP_PHRASES = [
  (v: number) => `COP ${decimal(v)}`,
  (v: number) => `COP : ${decimal(v)} (A7/W35)`,
  (v: number) => `Coefficient de performance COP = ${decimal(v)}`,
];
const SCOP_PHRASES = [
  (v: number) => `SCOP ${decimal(v)}`,
  (v: number) => `SCOP : ${decimal(v, 2)}`,
];
const NOMINAL_PHRASES = [
  (v: number) => `Puissance nominale ${decimal(v)} kW`,
  (v: number) => `Pnom = ${decimal(v)} kW`,
];
const FLUID_PHRASES = [(v: string) => `Fluide frigorigène ${v}`, (v: string) => `Fluide : ${v}`];

export function pac(ctx: GesteContext, type: GesteType): GesteDraft[] {
  const { rng } = ctx;
  const w = new DraftWriter(ctx);
  const mark = brand(rng);
  const power = between(rng, 5, 16, type === 'pac_air_air' ? 0.5 : 1);
  const reference = model(rng, decimal(power), rng.pick(['HT', 'MT', 'Split', 'Duo']));
  const fluid = rng.pick(['R32', 'R290', 'R410A', 'R454B']);
  const noun = NOUNS[type] ?? 'Pompe à chaleur';
  if (type === 'pac_air_air') {
    w.say('marque', mark, [(v) => `Marque ${v}`], 'marque non indiquée');
    w.say('reference', reference, [(v) => `Modèle ${v}`], 'référence non indiquée');
    w.say('puissance_nominale', power, NOMINAL_PHRASES, 'puissance nominale non indiquée');
    w.say('SCOP', between(rng, 3.9, 5.1, 0.1), SCOP_PHRASES, 'SCOP non indiqué');
    w.say('type_fluide_frigorigene', fluid, FLUID_PHRASES, 'fluide frigorigène non indiqué');
  } else {
    heatingBasics(w, rng, { mark, reference, power, etas: rng.int(111, 190) });
    w.say(
      'regime_temperature',
      rng.pick(['basse', 'moyenne', 'haute']),
      [(v) => rng.pick(REGIMES[v] ?? [])],
      'régime de température non indiqué',
    );
    w.say('type_fluide_frigorigene', fluid, FLUID_PHRASES, 'fluide frigorigène non indiqué');
    w.say('COP', between(rng, 3.5, 5.2, 0.1), COP_PHRASES, 'COP non indiqué');
    w.say('SCOP', between(rng, 3.8, 5.2, 0.01), SCOP_PHRASES, 'SCOP non indiqué');
    w.say('puissance_nominale', power, NOMINAL_PHRASES, 'puissance nominale non indiquée');
  }
  const shownMark = w.shown('marque') === null ? '' : ` ${mark}`;
  const shownPower = w.shown(type === 'pac_air_air' ? 'puissance_nominale' : 'puissance');
  const label = `${noun}${shownMark}${shownPower === null ? '' : ` ${decimal(power)} kW`}`;
  const airAir = type === 'pac_air_air';
  return [
    {
      type,
      label: `Fourniture ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
      combinedLabel: `${label}, fourniture et pose`,
      details: w.details,
      attrs: w.attrs,
      quantite: 1,
      unite: airAir ? 'ens.' : 'u',
      supplyUnitPrice: between(rng, airAir ? 2800 : 7500, airAir ? 6000 : 14000, 10),
      labourUnitPrice: between(rng, 900, 2800, 10),
      labourLabel: 'Pose, raccordements, mise en service et réglages de la pompe à chaleur',
      tva: airAir ? 10 : 5.5,
      section: noun,
      defects: w.defects,
    },
  ];
}
