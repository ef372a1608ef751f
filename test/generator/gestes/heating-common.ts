/** Mentions shared by heating equipment: power, seasonal efficiency, replaced boiler. */
import { decimal } from '../formats.js';
import type { Rng } from '../prng.js';
import type { DraftWriter } from './draft.js';

export const ETAS_PHRASES = [
  (v: number) => `ETAS (ηs) : ${v} %`,
  (v: number) => `Efficacité énergétique saisonnière ${v}%`,
  (v: number) => `Efficacité saisonnière ETAS = ${v} %`,
  (v: number) => `Efficacité saisonnière ${v}%`,
  (v: number) => `ηs ${v} %`,
];

export const POWER_PHRASES = [
  (v: number) => `Puissance ${decimal(v)} kW`,
  (v: number) => `Puissance calorifique : ${decimal(v)} kW`,
  (v: number) => `P = ${decimal(v)} kW`,
];

/** Says whether the replaced boiler was a condensing one: true, false, or not said at all. */
export function replacedBoiler(w: DraftWriter, rng: Rng, sayRate: number): void {
  if (!rng.chance(sayRate)) {
    w.absent(
      'remplacement_chaudiere_condensation',
      'condensation de la chaudière remplacée non précisée',
    );
    return;
  }
  const condensing = rng.chance(0.3);
  const fuel = rng.pick(['fioul', 'gaz', 'propane']);
  w.known('remplacement_chaudiere_condensation', condensing);
  w.note(
    condensing
      ? `En remplacement d'une chaudière ${fuel} à condensation`
      : rng.pick([
          `En remplacement d'une chaudière ${fuel} non à condensation`,
          `Remplace une chaudière ${fuel} standard (non à condensation)`,
        ]),
  );
}

export function heatingBasics(
  w: DraftWriter,
  rng: Rng,
  opts: { mark: string; reference: string; power: number; etas: number },
): void {
  w.say(
    'marque',
    opts.mark,
    [(v) => `Marque ${v}`, (v) => `Fabricant ${v}`],
    'marque non indiquée',
  );
  w.say(
    'reference',
    opts.reference,
    [(v) => `Modèle ${v}`, (v) => `Référence : ${v}`],
    'référence non indiquée',
  );
  w.say('puissance', opts.power, POWER_PHRASES, 'puissance non indiquée');
  w.say('ETAS', opts.etas, ETAS_PHRASES, 'ETAS non indiqué');
  replacedBoiler(w, rng, 0.75);
}
