/**
 * Multiple imputation by chained equations (MICE) with predictive mean
 * matching, following mice (van Buuren & Groothuis-Oudshoorn 2011, J Stat
 * Softw 45(3); van Buuren, Flexible Imputation of Missing Data, 2nd ed.,
 * §3.4 Algorithm 3.3 and §4.5 "FCS"). Pure: the seeded uniform generator is
 * passed in.
 */
import { leastSquaresFit, posteriorDraw } from './bayesian-regression-draw';
import { chainCrossProducts, equationSystem, predictRows, updateCrossProducts, type ChainCrossProducts } from './chain-cross-products';
import { matchDonors } from './match-donors';
import { createPmmWorkspace, type PmmWorkspace } from './pmm-workspace';
import { uniformIndex, type Uniform } from './random-draws';
import { removeLinearDependencies } from './remove-linear-dependencies';

/** The data to impute: one column per variable, NaN = missing. */
export interface ImputationFrame {
  n: number;
  /** imputed (and predictor) variables, in visit order */
  names: readonly string[];
  values: readonly Float64Array[];
  /** complete predictors that are never imputed (arm, dummies, …) */
  covariateNames: readonly string[];
  covariates: readonly Float64Array[];
  /** covariates left out because they are constant in the whole data (logged as mice's "constant") */
  constantCovariates?: readonly string[];
}

/**
 * One entry of the imputation log, as a row of mice's `loggedEvents`: in
 * iteration `it` of imputation `imp` (both from 1; 0 and 0 before the
 * iterations), the equation of `dep` with method `meth` left out the
 * predictors `out` (comma-separated, as mice).
 */
export interface LoggedEvent {
  it: number;
  imp: number;
  dep: string;
  meth: 'pmm' | 'constant';
  out: string;
}

export interface ChainedImputationOptions {
  /** number of imputed datasets */
  m: number;
  /** iterations of the chained equations per imputation (mice's maxit) */
  iterations: number;
  /** d, the donor pool of predictive mean matching */
  donors: number;
  /** κ of the ridge penalty, 1e-5 in mice */
  ridge: number;
}

/** m completed copies of the frame's variables: `completed[i][k]` is variable k in imputation i. */
export interface Imputations {
  names: readonly string[];
  m: number;
  completed: Float64Array[][];
  /** how many values each variable had missing */
  missingCount: number[];
  /** predictors left out, per step (mice's loggedEvents) */
  loggedEvents: LoggedEvent[];
}

/**
 * Multiply imputes the missing values of `frame.values` by predictive mean
 * matching. Each variable with missing values is imputed in visit order from
 * all other variables (current values) plus the covariates; the chain starts
 * from random draws of the observed values (mice's initialisation) and runs
 * `iterations` sweeps; m independent chains give the m imputations. Imputed
 * values are always observed values of the same variable.
 * @throws when a variable with missing values has no observed value
 * @example imputeChained(frame, { m: 20, iterations: 10, donors: 5, ridge: 1e-5 }, rng)
 */
export function imputeChained(frame: ImputationFrame, options: ChainedImputationOptions, rng: Uniform): Imputations {
  validate(frame, options);
  const K = frame.values.length;
  const observed: Int32Array[] = [];
  const missing: Int32Array[] = [];
  for (const column of frame.values) {
    const obs: number[] = [];
    const mis: number[] = [];
    for (let i = 0; i < frame.n; i++) (Number.isNaN(column[i]) ? mis : obs).push(i);
    observed.push(Int32Array.from(obs));
    missing.push(Int32Array.from(mis));
  }
  frame.names.forEach((name, k) => {
    if (missing[k].length > 0 && observed[k].length === 0) {
      throw new Error(`imputeChained cannot impute ${name}: no participant has an observed value`);
    }
  });
  const p = K + frame.covariates.length; // intercept + covariates + (K − 1) variables
  const ws = createPmmWorkspace(frame.n, p);
  const ones = new Float64Array(frame.n).fill(1);
  const firstVariable = 1 + frame.covariates.length;
  const completed: Float64Array[][] = [];
  const loggedEvents: LoggedEvent[] = (frame.constantCovariates ?? []).map((out) => ({ it: 0, imp: 0, dep: '', meth: 'constant', out }));
  const predictorNames = (k: number) => ['(intercept)', ...frame.covariateNames, ...frame.names.filter((_, j) => j !== k)];
  let state: ChainCrossProducts | undefined;
  for (let imp = 0; imp < options.m; imp++) {
    const data = frame.values.map((column) => column.slice());
    initialise(data, observed, missing, rng);
    if (state === undefined) state = chainCrossProducts([ones, ...frame.covariates, ...data], firstVariable, missing);
    else restartChain(state, data, missing, ws.previous);
    for (let it = 0; it < options.iterations; it++) {
      for (let k = 0; k < K; k++) {
        if (missing[k].length === 0) continue;
        if (imputeStep(state, ws, data[k], k, observed[k], missing[k], options, rng) > 0) {
          const names = predictorNames(k);
          const out = names.filter((_, a) => ws.dropped[a] === 1).join(', ');
          loggedEvents.push({ it: it + 1, imp: imp + 1, dep: frame.names[k], meth: 'pmm', out });
        }
      }
    }
    completed.push(data);
  }
  return { names: frame.names, m: options.m, completed, missingCount: missing.map((mis) => mis.length), loggedEvents };
}

function validate(frame: ImputationFrame, options: ChainedImputationOptions): void {
  if (!Number.isInteger(options.m) || options.m < 1) throw new Error('imputeChained requires m ≥ 1');
  if (!Number.isInteger(options.iterations) || options.iterations < 1) {
    throw new Error('imputeChained requires at least one iteration');
  }
  if (!Number.isInteger(options.donors) || options.donors < 1) throw new Error('imputeChained requires at least one donor');
  for (const column of [...frame.values, ...frame.covariates]) {
    if (column.length !== frame.n) throw new Error('imputeChained requires every column to have n values');
  }
  frame.covariates.forEach((column, c) => {
    for (let i = 0; i < frame.n; i++) {
      if (!Number.isFinite(column[i])) {
        throw new Error(`imputeChained requires complete covariates (${frame.covariateNames[c]} is missing)`);
      }
    }
  });
}

/** mice's initialisation: each missing value is a random draw of the observed values. */
function initialise(data: Float64Array[], observed: Int32Array[], missing: Int32Array[], rng: Uniform): void {
  data.forEach((column, k) => {
    const obs = observed[k];
    for (const row of missing[k]) column[row] = column[obs[uniformIndex(rng, obs.length)]];
  });
}

/**
 * Starts the next chain from the last one's cross-products: the chains differ
 * only at the missing values, so moving each variable from the last chain's
 * values to the new starting draws is an update at its missing rows
 * (updateCrossProducts), much cheaper than building the sums anew.
 */
function restartChain(state: ChainCrossProducts, data: Float64Array[], missing: Int32Array[], previous: Float64Array): void {
  data.forEach((column, k) => {
    const rows = missing[k];
    const J = state.firstVariable + k;
    const before = state.columns[J];
    for (let m = 0; m < rows.length; m++) previous[m] = before[rows[m]];
    state.columns[J] = column;
    updateCrossProducts(state, k, rows, previous);
  });
}

/**
 * One PMM step for variable k: leave out the predictors mice would remove
 * (constant or collinear on k's observed rows), fit on the observed rows, draw
 * β*, match donors, update the cross-products. Every loop is in a small kernel
 * of its own. Returns how many predictors were left out (marked in ws.dropped).
 */
function imputeStep(
  state: ChainCrossProducts,
  ws: PmmWorkspace,
  y: Float64Array,
  k: number,
  observed: Int32Array,
  missing: Int32Array,
  options: ChainedImputationOptions,
  rng: Uniform,
): number {
  equationSystem(state, k, ws);
  const J = state.firstVariable + k;
  const dropped = removeLinearDependencies(ws, (state.sums[k] as Float64Array)[J * state.width + J], observed.length);
  leastSquaresFit(ws, options.ridge);
  predictRows(state, k, ws.coef, observed, ws.yhatObs);
  posteriorDraw(ws, residualSumOfSquares(y, observed, ws.yhatObs), observed.length, rng);
  predictRows(state, k, ws.beta, missing, ws.yhatMis);
  gatherRows(y, missing, ws.previous);
  matchDonors(ws, y, observed, missing, ws.yhatMis, options.donors, rng);
  updateCrossProducts(state, k, missing, ws.previous);
  return dropped;
}

/** Σ (y_r − fitted_i)² over rows[i]. */
function residualSumOfSquares(y: Float64Array, rows: Int32Array, fitted: Float64Array): number {
  let rss = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = y[rows[i]] - fitted[i];
    rss += r * r;
  }
  return rss;
}

/** into[i] = y[rows[i]]. */
function gatherRows(y: Float64Array, rows: Int32Array, into: Float64Array): void {
  for (let i = 0; i < rows.length; i++) into[i] = y[rows[i]];
}
