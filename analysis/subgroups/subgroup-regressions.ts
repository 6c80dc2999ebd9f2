/**
 * The complete-data estimates of one dataset (the analysed set, or one
 * imputed dataset) for a pre-specified subgroup: within each level the
 * regression-adjusted increments of cost, QALYs and net monetary benefit
 * (y ~ arm + u0, OLS), and the treatment × subgroup interaction test on net
 * benefit over all levels (F test of nb ~ arm + u0 + level + arm:level
 * against nb ~ arm + u0 + level, as R's `anova` of the two `lm` fits).
 */
import { ordinaryLeastSquares } from '../stats/ordinary-least-squares';

/** One dataset's outcomes per participant. */
export interface SubgroupData {
  /** 1 = IPS, 0 = control */
  ips: Uint8Array;
  u0: ArrayLike<number>;
  qaly: ArrayLike<number>;
  cost: ArrayLike<number>;
}

export interface Coefficient {
  estimate: number;
  standardError: number;
}

export interface LevelFit {
  n: { ips: number; control: number };
  /** null when the level cannot be estimated (fewer than two per arm, or no spread in u0) */
  fit: { cost: Coefficient; effect: Coefficient; inmb: Coefficient; residualDf: number } | null;
}

export interface InteractionFit {
  /** F = ((RSS₀ − RSS₁)/q) / (RSS₁/(n − p₁)) */
  f: number;
  /** q, the number of interaction terms (usable levels − 1) */
  df1: number;
  /** n − p₁, residual degrees of freedom of the model with interaction */
  df2: number;
}

/**
 * Fits each level and the interaction test. Net benefit per participant is
 * nb = λ·qaly − cost, so the arm coefficient of nb is λ·ΔE − ΔC of the two
 * other fits. The interaction test uses the levels that could be estimated
 * (null with fewer than two of them). O(n·k²) for k levels.
 *
 * @param data the outcomes (QALYs, currency)
 * @param index per participant, the level (−1 = in no level)
 * @param levelCount number of levels
 * @param wtp λ, willingness to pay per QALY (currency)
 */
export function subgroupRegressions(
  data: SubgroupData,
  index: Int32Array,
  levelCount: number,
  wtp: number,
): { levels: LevelFit[]; interaction: InteractionFit | null } {
  const nb = Float64Array.from({ length: data.ips.length }, (_, i) => wtp * data.qaly[i] - data.cost[i]);
  const levels: LevelFit[] = [];
  for (let level = 0; level < levelCount; level++) {
    const rows: number[] = [];
    for (let i = 0; i < index.length; i++) if (index[i] === level) rows.push(i);
    const ips = rows.filter((i) => data.ips[i] === 1).length;
    const n = { ips, control: rows.length - ips };
    levels.push({ n, fit: n.ips >= 2 && n.control >= 2 ? levelFit(data, nb, rows) : null });
  }
  const usable = levels.map((l, i) => (l.fit ? i : -1)).filter((i) => i >= 0);
  return { levels, interaction: usable.length >= 2 ? interaction(data, nb, index, usable) : null };
}

function levelFit(data: SubgroupData, nb: Float64Array, rows: number[]): LevelFit['fit'] {
  const design = rows.map((i) => [1, data.ips[i], data.u0[i]]);
  const pick = (values: ArrayLike<number>) => rows.map((i) => values[i]);
  try {
    const coefficient = (values: ArrayLike<number>): Coefficient => {
      const fit = ordinaryLeastSquares(design, pick(values));
      return { estimate: fit.coefficients[1], standardError: fit.standardErrors[1] };
    };
    return { cost: coefficient(data.cost), effect: coefficient(data.qaly), inmb: coefficient(nb), residualDf: rows.length - 3 };
  } catch {
    return null; // u0 constant in the level: the adjusted increment is not defined
  }
}

function interaction(data: SubgroupData, nb: Float64Array, index: Int32Array, usable: number[]): InteractionFit | null {
  const rows: number[] = [];
  for (let i = 0; i < index.length; i++) if (usable.includes(index[i])) rows.push(i);
  const reduced = rows.map((i) => {
    const row = [1, data.ips[i], data.u0[i]];
    for (const level of usable.slice(1)) row.push(index[i] === level ? 1 : 0);
    return row;
  });
  const full = reduced.map((row, r) => [...row, ...usable.slice(1).map((level) => (index[rows[r]] === level ? data.ips[rows[r]] : 0))]);
  const y = rows.map((i) => nb[i]);
  const q = usable.length - 1;
  const df2 = rows.length - full[0].length;
  if (df2 < 1) return null;
  try {
    const rss1 = residualSumOfSquares(full, y);
    const rss0 = residualSumOfSquares(reduced, y);
    return { f: ((rss0 - rss1) / q) / (rss1 / df2), df1: q, df2 };
  } catch {
    return null;
  }
}

function residualSumOfSquares(design: number[][], y: number[]): number {
  const { coefficients } = ordinaryLeastSquares(design, y);
  let rss = 0;
  design.forEach((row, i) => {
    let fitted = 0;
    for (let j = 0; j < row.length; j++) fitted += row[j] * coefficients[j];
    rss += (y[i] - fitted) ** 2;
  });
  return rss;
}
