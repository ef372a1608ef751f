/**
 * The fuzz suite's seed and sizes, in one place. `MDSO_FUZZ_SEED` replays another run (the
 * default is fixed, so `npm test` always sends the same inputs); a failure message names the
 * seed and the input, which `MDSO_FUZZ_SEED=<seed> npx jest test/fuzz` reproduces.
 */
import { createRng, type Rng } from '../generator/prng.js';

export const DEFAULT_FUZZ_SEED = '20261207';

export function fuzzSeed(): string {
  return process.env['MDSO_FUZZ_SEED']?.trim() || DEFAULT_FUZZ_SEED;
}

/** A generator for one part of the suite: same seed and label, same sequence. */
export function fuzzRng(label: string): Rng {
  return createRng(`${fuzzSeed()}:${label}`);
}
