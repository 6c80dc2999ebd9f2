/**
 * The model terms of the EQ-5D value sets, as defined by the eq5d R package
 * (`R/eq5d3l.R`, `R/eq5d5l.R`) and ../shared/reference/valuesets/README.md.
 * `compileModel` turns a set's `{ term: coefficient }` into a function of the
 * five levels; an unknown term is an error, never silently ignored.
 */
import { DIMENSIONS } from './state';

type Levels = readonly number[];
/** How much of a term applies to a state: 0 (not at all), 1, or a count for count-type terms. */
type Amount = (l: Levels) => number;

const count = (l: Levels, test: (level: number) => boolean) => l.reduce((n, level) => n + (test(level) ? 1 : 0), 0);
const flag = (b: boolean) => (b ? 1 : 0);
const atLeastZero = (n: number) => (n > 0 ? n : 0);
const dimIndex = (dim: string) => DIMENSIONS.indexOf(dim as (typeof DIMENSIONS)[number]);
/** The set of distinct levels is exactly {1, k}, or every dimension is at k (eq5d `.O2`/`.O3`). */
const onlyOneAnd = (l: Levels, k: number) =>
  l.every((v) => v === k) || (l.every((v) => v === 1 || v === k) && l.includes(1) && l.includes(k));

const NAMED: Record<string, Amount> = {
  FullHealth: () => 1,
  StartValue: () => 1,
  AtLeastOne2Or3: (l) => flag(l.some((v) => v > 1)),
  Intercept: (l) => flag(l.some((v) => v > 1)),
  AtLeastOne3: (l) => flag(l.includes(3)),
  N4: (l) => flag(l.some((v) => v >= 4)),
  N5: (l) => flag(l.includes(5)),
  Num45sq: (l) => {
    const n = count(l, (v) => v >= 4);
    return n > 0 ? (n - 1) ** 2 : 0;
  },
  D1: (l) => atLeastZero(count(l, (v) => v > 1) - 1),
  I2: (l) => atLeastZero(count(l, (v) => v === 2) - 1),
  I2square: (l) => atLeastZero(count(l, (v) => v === 2) - 1) ** 2,
  I3: (l) => atLeastZero(count(l, (v) => v === 3) - 1),
  I3square: (l) => atLeastZero(count(l, (v) => v === 3) - 1) ** 2,
  C2square: (l) => count(l, (v) => v === 2) ** 2,
  C3square: (l) => count(l, (v) => v === 3) ** 2,
  O2: (l) => flag(onlyOneAnd(l, 2)),
  O3: (l) => flag(onlyOneAnd(l, 3)),
  X5: (l) => flag(l.every((v) => v === 2 || v === 3)),
  Z2: (l) => flag(l.includes(2) && l.includes(3)),
  Z3: (l) => (l.includes(3) ? count(l, (v) => v === 2) : 0),
  MOAD: (l) => (l[0] - 1) * (l[4] - 1),
  PDAD: (l) => (l[3] - 1) * (l[4] - 1),
};

const SCALE = 1e10;

const DIM_LEVEL = /^(MO|SC|UA|PD|AD)([1-5])$/;
const DIM_45 = /^(MO|SC|UA|PD|AD)45$/;
const PAIR = /^(MO|SC|UA|PD|AD)([1-5])(MO|SC|UA|PD|AD)([1-5])$/;

/** How much of `term` applies to a state; throws for a term this code does not know. */
export function termAmount(term: string, valueSetId: string): Amount {
  if (NAMED[term]) return NAMED[term];
  let m = DIM_LEVEL.exec(term);
  if (m) {
    const i = dimIndex(m[1]);
    const level = Number(m[2]);
    return (l) => flag(l[i] === level);
  }
  m = DIM_45.exec(term);
  if (m) {
    const i = dimIndex(m[1]);
    return (l) => flag(l[i] >= 4);
  }
  m = PAIR.exec(term);
  if (m) {
    const [i, a, j, b] = [dimIndex(m[1]), Number(m[2]), dimIndex(m[3]), Number(m[4])];
    return (l) => flag(l[i] === a && l[j] === b);
  }
  throw new Error(`value set ${valueSetId} uses the model term "${term}", which eq5dIndex does not know`);
}

/** Index as a function of the five levels for an additive or multiplicative model. */
export function compileModel(
  type: 'additive' | 'multiplicative',
  terms: Record<string, number>,
  valueSetId: string,
): (levels: Levels) => number {
  const parts = Object.entries(terms).map(([term, coefficient]) => ({ amount: termAmount(term, valueSetId), coefficient, term }));
  if (type === 'additive') {
    // Coefficients are published decimals with at most 9 places: summing them as
    // integer multiples of 1e-10 is exact, so the result is the double nearest
    // to the exact decimal sum (0.22, not 0.21999999999999986).
    const exact = parts.every((p) => Math.abs(p.coefficient * SCALE - Math.round(p.coefficient * SCALE)) < 1e-4);
    if (exact) {
      const scaled = parts.map((p) => ({ amount: p.amount, units: Math.round(p.coefficient * SCALE) }));
      return (l) => scaled.reduce((sum, p) => sum + p.units * p.amount(l), 0) / SCALE;
    }
    return (l) => parts.reduce((sum, p) => sum + p.coefficient * p.amount(l), 0);
  }
  for (const p of parts) {
    if (!(p.term in NAMED) && !DIM_LEVEL.test(p.term)) {
      throw new Error(`value set ${valueSetId}: term "${p.term}" has no meaning in a multiplicative model`);
    }
  }
  return (l) => parts.reduce((product, p) => (p.amount(l) === 1 ? product * p.coefficient : product), 1);
}
