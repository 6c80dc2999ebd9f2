/**
 * The pre-specified subgroup analyses of the QALY analysis (settings
 * `subgroups`): per subgroup level ΔC, ΔE and INMB at the reference
 * willingness to pay with 95 % intervals, and the treatment × subgroup
 * interaction test on net benefit. One dataset (complete case): t intervals
 * and the F test of the regressions. m imputed datasets: Rubin's rules per
 * estimate (Barnard–Rubin df) and the D2 test of the m F statistics (Li,
 * Meng, Raghunathan & Rubin 1991, Stat Sinica 1:65; as mitml's
 * `testModels(method = "D2")`).
 */
import type { Arm } from '../dataset/types';
import { poolRubin } from '../imputation/pool-rubin';
import { messages } from '../messages';
import type { Interval } from '../result';
import type { CovariateName, SubgroupSpec } from '../settings';
import { fUpperTail } from '../stats/f-distribution';
import { studentTQuantile } from '../stats/student-t';
import { subgroupLevels } from './subgroup-levels';
import { subgroupRegressions, type Coefficient, type LevelFit, type SubgroupData } from './subgroup-regressions';

/** An increment with its standard error, degrees of freedom and t interval estimate ± t(df, 0.975)·se. */
export interface SubgroupEstimate {
  estimate: number;
  standardError: number;
  df: number;
  ci95: Interval;
}

export interface SubgroupLevelResult {
  level: string;
  n: Record<Arm, number>;
  /** ΔC, ΔE (QALYs) and INMB = λ·ΔE − ΔC: arm coefficients of y ~ arm + u0 within the level; null when not estimable */
  cost: SubgroupEstimate | null;
  effect: SubgroupEstimate | null;
  inmb: SubgroupEstimate | null;
}

export interface SubgroupInteraction {
  /** "F" (one dataset) or "D2" (pooled over the imputations) */
  test: 'F' | 'D2';
  statistic: number;
  df1: number;
  df2: number;
  p: number;
}

export interface SubgroupAnalysis {
  variable: CovariateName;
  label: string;
  /** λ of the INMB (currency per QALY) */
  wtp: number;
  /** "regression" (t intervals of OLS) or "rubin" (pooled over the imputations) */
  method: 'regression' | 'rubin';
  levels: SubgroupLevelResult[];
  /** null with fewer than two estimable levels */
  interaction: SubgroupInteraction | null;
  /** participants in no group of a grouped subgroup */
  leftOut: number;
}

/** The attributes the levels are read from, one per participant (same order as the datasets). */
export type SubgroupAttributes = readonly { site: string; sex: string | null; age_band: string | null }[];

/**
 * Runs every pre-specified subgroup.
 *
 * @param attributes site, sex and age band per participant
 * @param datasets one dataset (complete case) or the m imputed datasets, same participants and order
 * @param specs settings.subgroups
 * @param wtp λ per QALY (currency), the reference willingness to pay
 * @returns one analysis per subgroup and the warnings (levels not estimable, participants left out)
 * @example analyzeSubgroups(records, [{ ips, u0, qaly, cost }], ['sex'], 500000).subgroups[0].levels
 */
export function analyzeSubgroups(
  attributes: SubgroupAttributes,
  datasets: readonly SubgroupData[],
  specs: readonly SubgroupSpec[],
  wtp: number,
): { subgroups: SubgroupAnalysis[]; warnings: string[] } {
  const warnings: string[] = [];
  const subgroups = specs.map((spec) => {
    const { variable, label, levels, index } = subgroupLevels(attributes, spec);
    const fits = datasets.map((data) => subgroupRegressions(data, index, levels.length, wtp));
    const pooled = datasets.length > 1;
    const results = levels.map((level, l): SubgroupLevelResult => {
      const perData = fits.map((f) => f.levels[l]);
      const n = perData[0].n;
      const usable = perData.every((f) => f.fit !== null);
      if (!usable) warnings.push(messages.subgroupLevelUnavailable(label, level, n));
      const estimate = (pick: (fit: NonNullable<LevelFit['fit']>) => Coefficient) =>
        usable ? combine(perData.map((f) => pick(f.fit as NonNullable<LevelFit['fit']>)), (perData[0].fit as NonNullable<LevelFit['fit']>).residualDf) : null;
      return { level, n, cost: estimate((f) => f.cost), effect: estimate((f) => f.effect), inmb: estimate((f) => f.inmb) };
    });
    const leftOut = index.filter((i) => i < 0).length;
    if (leftOut > 0) warnings.push(messages.subgroupLeftOut(label, leftOut));
    const tests = fits.map((f) => f.interaction);
    let interaction: SubgroupInteraction | null = null;
    if (tests.every((t) => t !== null) && tests.length > 0) {
      const valid = tests as NonNullable<(typeof tests)[number]>[];
      interaction = pooled ? d2(valid.map((t) => t.f * t.df1), valid[0].df1) : { test: 'F', statistic: valid[0].f, df1: valid[0].df1, df2: valid[0].df2, p: fUpperTail(valid[0].f, valid[0].df1, valid[0].df2) };
    }
    return { variable, label, wtp, method: pooled ? 'rubin' : 'regression', levels: results, interaction, leftOut } satisfies SubgroupAnalysis;
  });
  return { subgroups, warnings };
}

/** One estimate: its t interval (one dataset), or Rubin's rules over the imputations. */
function combine(coefficients: Coefficient[], residualDf: number): SubgroupEstimate {
  if (coefficients.length === 1) {
    const { estimate, standardError } = coefficients[0];
    const half = studentTQuantile(0.975, residualDf) * standardError;
    return { estimate, standardError, df: residualDf, ci95: [estimate - half, estimate + half] };
  }
  const pooled = poolRubin(coefficients.map((c) => c.estimate), coefficients.map((c) => c.standardError ** 2), residualDf);
  const half = studentTQuantile(0.975, pooled.df) * pooled.standardError;
  return { estimate: pooled.estimate, standardError: pooled.standardError, df: pooled.df, ci95: [pooled.estimate - half, pooled.estimate + half] };
}

/**
 * D2 from the m Wald statistics d (each q·F): r = (1 + 1/m)·var(√d),
 * D2 = (mean(d)/q − (m + 1)/(m − 1)·r)/(1 + r), df2 = q^(−3/m)·(m − 1)·(1 + 1/r)².
 */
function d2(d: number[], q: number): SubgroupInteraction {
  const m = d.length;
  const roots = d.map(Math.sqrt);
  const meanRoot = roots.reduce((a, b) => a + b, 0) / m;
  const r = (1 + 1 / m) * (roots.reduce((a, b) => a + (b - meanRoot) ** 2, 0) / (m - 1));
  const dbar = d.reduce((a, b) => a + b, 0) / m;
  const statistic = (dbar / q - ((m + 1) / (m - 1)) * r) / (1 + r);
  const df2 = q ** (-3 / m) * (m - 1) * (1 + 1 / r) ** 2;
  return { test: 'D2', statistic, df1: q, df2, p: fUpperTail(statistic, q, df2) };
}
