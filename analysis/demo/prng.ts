/**
 * A small seeded pseudo-random number generator for the synthetic demo trial
 * (never for allocation, never for the bootstrap: those have their own
 * streams). Mulberry32 for uniforms, with the draws the generator needs on top:
 * normal (Box–Muller), Bernoulli, Poisson (Knuth, small means), integers and
 * weighted choice. The same seed always gives the same sequence.
 */

export interface DemoPrng {
  /** uniform on [0, 1) */
  uniform(): number;
  /** standard normal N(0, 1) */
  normal(): number;
  /** true with probability p */
  bernoulli(p: number): boolean;
  /** Poisson count with the given mean (mean ≤ ~50) */
  poisson(mean: number): number;
  /** integer uniform on [low, high], both included */
  integer(low: number, high: number): number;
  /** one of the keys, with probability proportional to its weight */
  choose<T extends string>(weights: Readonly<Record<T, number>>): T;
}

/**
 * Seeded PRNG (Mulberry32 by Tommy Ettinger, public domain).
 * @param seed any integer; it is reduced to 32 bits
 * @example createDemoPrng(1).uniform() // always the same number in [0, 1)
 */
export function createDemoPrng(seed: number): DemoPrng {
  if (!Number.isFinite(seed)) throw new Error('createDemoPrng requires a finite seed');
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spareNormal: number | null = null;
  const normal = (): number => {
    if (spareNormal !== null) {
      const value = spareNormal;
      spareNormal = null;
      return value;
    }
    const u1 = 1 - uniform();
    const u2 = uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spareNormal = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
  const poisson = (mean: number): number => {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let count = 0;
    let product = uniform();
    while (product > limit) {
      count += 1;
      product *= uniform();
    }
    return count;
  };
  const tables = new WeakMap<object, { keys: string[]; cumulative: number[] }>();
  const choose = <T extends string>(weights: Readonly<Record<T, number>>): T => {
    let table = tables.get(weights);
    if (!table) {
      const keys = Object.keys(weights);
      let total = 0;
      const cumulative = keys.map((key) => (total += weights[key as T]));
      table = { keys, cumulative: cumulative.map((c) => c / total) };
      tables.set(weights, table);
    }
    const u = uniform();
    const index = table.cumulative.findIndex((c) => u < c);
    return table.keys[index === -1 ? table.keys.length - 1 : index] as T;
  };
  return {
    uniform,
    normal,
    bernoulli: (p) => uniform() < p,
    poisson,
    integer: (low, high) => low + Math.floor(uniform() * (high - low + 1)),
    choose,
  };
}
