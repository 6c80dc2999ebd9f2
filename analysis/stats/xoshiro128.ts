/**
 * A seeded pseudo-random number generator: xoshiro128** 1.1 (Blackman &
 * Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021;
 * https://prng.di.unimi.it/xoshiro128starstar.c), period 2^128 − 1, with its
 * 128-bit state filled by SplitMix32 from a 32-bit seed so that nearby seeds
 * give unrelated streams. The same seed always gives the same stream, on
 * every platform (only 32-bit integer arithmetic through Math.imul).
 */
export interface Rng {
  /** next 32-bit unsigned integer */
  nextUint32(): number;
  /** uniform in [0, 1) with 32 bits of resolution */
  nextFloat(): number;
  /** uniform integer in 0 … n − 1 (multiply-shift; bias below n / 2^32) */
  nextIndex(n: number): number;
  /**
   * Writes `count` indices in 0 … n − 1 into `target` (the same stream as
   * `count` calls of nextIndex, in a tight loop on local state: the bootstrap's
   * hot path)
   */
  fillIndices(target: Int32Array, count: number, n: number): void;
  /**
   * Resamples n = first.length participants with replacement (the indices of
   * n calls of nextIndex(n)) and writes Σ first[k] to out[0] and Σ second[k]
   * to out[1]: the bootstrap's fused hot loop, with no index array.
   */
  resampleSums(first: Float64Array, second: Float64Array, out: Float64Array): void;
  /** copies the 128-bit state into `into` (4 × int32), for hot loops that step the generator inline */
  saveState(into: Int32Array): void;
  /** continues from a state written by saveState (after a hot loop stepped it inline) */
  loadState(from: Int32Array): void;
}

function splitMix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates an xoshiro128** generator.
 *
 * @param seed an integer; it is reduced to 32 bits (seed mod 2^32)
 * @returns an {@link Rng}
 * @throws {Error} when seed is not a finite integer
 * @example const rng = xoshiro128(1); rng.nextIndex(10) // an integer 0…9
 */
export function xoshiro128(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new Error('xoshiro128 requires an integer seed');
  const fill = splitMix32(seed);
  let s0 = fill();
  let s1 = fill();
  let s2 = fill();
  let s3 = fill();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const fillIndices = (target: Int32Array, count: number, n: number): void => {
    let a = s0;
    let b = s1;
    let c = s2;
    let d = s3;
    for (let i = 0; i < count; i++) {
      const x = Math.imul(b, 5);
      const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      target[i] = Math.floor((result * n) / 4294967296);
    }
    s0 = a;
    s1 = b;
    s2 = c;
    s3 = d;
  };
  const resampleSums = (first: Float64Array, second: Float64Array, out: Float64Array): void => {
    const n = first.length;
    let a = s0;
    let b = s1;
    let c = s2;
    let d = s3;
    let sumFirst = 0;
    let sumSecond = 0;
    for (let i = 0; i < n; i++) {
      const x = Math.imul(b, 5);
      const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      const k = Math.floor((result * n) / 4294967296);
      sumFirst += first[k];
      sumSecond += second[k];
    }
    s0 = a;
    s1 = b;
    s2 = c;
    s3 = d;
    out[0] = sumFirst;
    out[1] = sumSecond;
  };
  return {
    nextUint32,
    nextFloat: () => nextUint32() / 4294967296,
    nextIndex: (n: number) => Math.floor((nextUint32() * n) / 4294967296),
    fillIndices,
    resampleSums,
    saveState: (into: Int32Array) => {
      into[0] = s0;
      into[1] = s1;
      into[2] = s2;
      into[3] = s3;
    },
    loadState: (from: Int32Array) => {
      s0 = from[0];
      s1 = from[1];
      s2 = from[2];
      s3 = from[3];
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
