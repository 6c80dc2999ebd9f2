/**
 * Both cost-effectiveness analyses under multiple imputation: impute (MICE,
 * PMM) → complete-data estimates per imputed table → Rubin's rules for point
 * estimates and variances → MI-Boot pooled replicates for percentile
 * intervals, CEAC, INMB and CE-plane points.
 */
import { ARMS } from '../dataset/types';
import { ceac } from '../cea/ceac';
import { decisionUncertainty } from '../cea/decision-uncertainty';
import { icer } from '../cea/icer';
import { netBenefit } from '../cea/net-benefit';
import { quadrant } from '../cea/quadrant';
import { SMALL_ARM, type ScenarioAnalysis } from '../effect-analysis';
import { messages } from '../messages';
import type { ParticipantRecord } from '../participant-table';
import type { EffectAnalysis, ImputationRecord, PlanePoint, PooledScalar } from '../result';
import type { AnalysisSettings } from '../settings';
import { percentileInterval } from '../stats/percentile-interval';
import { standardDeviation } from '../stats/standard-deviation';
import { studentTQuantile } from '../stats/student-t';
import { xoshiro128 } from '../stats/xoshiro128';
import { bootstrapImputed, type CompletedOutcomes } from './bootstrap-imputed';
import { completedEstimates, type CompletedEstimates, type Increment } from './completed-estimates';
import { completedTableBuffer, fillCompletedTable } from './completed-tables';
import { imputationFrame } from './imputation-frame';
import { imputationOptions } from './imputation-options';
import { imputeChained } from './impute-chained';
import { poolRubin, type PooledEstimate } from './pool-rubin';
import { pooledIncrementVariances } from './pooled-increment-variances';
import { LINDEP_EPS, LINDEP_MAXCOR } from './remove-linear-dependencies';

export interface ImputedAnalysis {
  qaly: EffectAnalysis;
  employment: EffectAnalysis;
  /** Rubin's rules for each pooled increment (incl. degrees of freedom) */
  pooled: { cost: PooledEstimate; qaly: PooledEstimate; qalyAdjusted: PooledEstimate; employment: PooledEstimate };
  /** the options used (defaults filled in) and mice's loggedEvents */
  imputation: ImputationRecord;
  /** the completed datasets' outcomes per participant (cost, QALYs, employment days) and imputed u0, for the subgroup and MNAR analyses */
  completed: (CompletedOutcomes & { u0: Float64Array })[];
  warnings: string[];
}

/** Maximum number of bootstrap replicates kept as CE-plane points. */
const PLANE_POINTS = 2000;

/**
 * Runs both analyses over all randomized participants with the missing
 * utilities and service-use costs multiply imputed. Seeds: the imputations use
 * xoshiro128(seed), the bootstrap xoshiro128(seed + 1), seed =
 * settings.bootstrap.seed, so one seed reproduces the result exactly.
 *
 * @param table the core's participant table (buildParticipantTable with settings.discountRate)
 * @param settings resolved settings (imputations, imputation.*, bootstrap, wtp, covariates, discountRate)
 * @throws when a variable cannot be imputed or an arm has fewer than two participants
 * @example analyzeImputed(buildParticipantTable(dataset, score, 0.03), settings).qaly.incremental
 */
export function analyzeImputed(table: readonly ParticipantRecord[], settings: AnalysisSettings): ImputedAnalysis;
/**
 * For a sensitivity scenario (`'scenario'`): the same imputations, pooling and
 * MI-Boot replicates, the same numbers, but only what the scenario table
 * reports (no CEAC, INMB, plane or decision uncertainty).
 */
export function analyzeImputed(table: readonly ParticipantRecord[], settings: AnalysisSettings, scope: 'scenario'): { qaly: ScenarioAnalysis; employment: ScenarioAnalysis };
export function analyzeImputed(table: readonly ParticipantRecord[], settings: AnalysisSettings, scope: 'full' | 'scenario' = 'full'): ImputedAnalysis | { qaly: ScenarioAnalysis; employment: ScenarioAnalysis } {
  const options = imputationOptions(settings);
  const seed = settings.bootstrap.seed;
  const imputationRng = xoshiro128(seed);
  const imputations = imputeChained(imputationFrame(table), options, imputationRng);
  // one completed table, filled with each imputation in turn: estimates and outcome arrays are kept, the table is not (memory)
  const estimates: CompletedEstimates[] = [];
  const outcomes: (CompletedOutcomes & { u0: Float64Array })[] = [];
  const records = completedTableBuffer(table);
  for (const completed of imputations.completed) {
    fillCompletedTable(records, completed, settings.discountRate);
    estimates.push(completedEstimates(records, settings.covariates));
    outcomes.push({
      cost: Float64Array.from(records, (r) => r.cost),
      qaly: Float64Array.from(records, (r) => r.qaly as number),
      employment: Float64Array.from(records, (r) => r.employmentDays),
      u0: Float64Array.from(records, (r) => r.u[0] as number),
    });
  }
  const n = table.length;
  const pooled = {
    cost: pool(estimates, (e) => e.cost, n - 2),
    qaly: pool(estimates, (e) => e.qaly, n - 2),
    qalyAdjusted: poolRubin(
      estimates.map((e) => e.qalyAdjusted.estimate),
      estimates.map((e) => e.qalyAdjusted.variance),
      n - 3 - settings.covariates.length,
    ),
    employment: pool(estimates, (e) => e.employment, n - 2),
  };
  const replicates = bootstrapImputed(outcomes, table.map((r) => r.arm), Math.max(settings.bootstrap.replicates, options.m), xoshiro128(seed + 1));
  const warnings: string[] = droppedPredictorWarnings(imputations.loggedEvents, options.m * options.iterations);
  const analysed = {
    ips: table.filter((r) => r.arm === 'ips').length,
    control: table.filter((r) => r.arm === 'control').length,
  };
  // core: what a sensitivity scenario reports; full(): the whole analysis (computed only when asked for)
  const effectAnalysis = (kind: 'qaly' | 'employment'): { core: ScenarioAnalysis; full: () => EffectAnalysis } => {
    for (const arm of ARMS) if (analysed[arm] < SMALL_ARM) warnings.push(messages.smallArm(kind, arm, analysed[arm]));
    const effect = pooled[kind];
    const replicateEffects = replicates[kind];
    const where = quadrant(pooled.cost.estimate, effect.estimate);
    const adjusted = kind === 'qaly' ? pooledScalar(pooled.qalyAdjusted) : undefined;
    if (where === null) warnings.push(messages.zeroEffect(kind));
    if (where === 'SE') warnings.push(messages.dominant(kind));
    if (where === 'NW') warnings.push(messages.dominated(kind));
    if (where === 'SW') warnings.push(messages.southWest(kind));
    const wtps = kind === 'qaly' ? settings.wtp.qaly : settings.wtp.employmentDay;
    const inmb = new Float64Array(replicates.cost.length);
    const armMean = (arm: 'ips' | 'control', pick: (e: CompletedEstimates) => Increment) =>
      average(estimates.map((e) => (arm === 'ips' ? pick(e).meanIps : pick(e).meanControl)));
    const core: ScenarioAnalysis = {
      analysed,
      mean: Object.fromEntries(
        ARMS.map((arm) => [arm, { cost: armMean(arm, (e) => e.cost), effect: armMean(arm, (e) => e[kind]) }]),
      ) as EffectAnalysis['mean'],
      incremental: {
        cost: pooled.cost.estimate,
        effect: effect.estimate,
        ...(kind === 'qaly' ? { effectAdjusted: pooled.qalyAdjusted.estimate } : {}),
      },
      icer: icer(pooled.cost.estimate, effect.estimate),
      quadrant: where,
      ci95: {
        cost: percentileInterval(replicates.cost),
        effect: percentileInterval(replicateEffects),
        ...(adjusted ? { effectAdjusted: adjusted.ci95 } : {}),
      },
      sd: { cost: standardDeviation(replicates.cost), effect: standardDeviation(replicateEffects) },
    };
    const full = (): EffectAnalysis => ({
      ...core,
      ceac: ceac(replicates.cost, replicateEffects, wtps),
      netBenefit: wtps.map((wtp) => {
        for (let b = 0; b < inmb.length; b++) inmb[b] = wtp * replicateEffects[b] - replicates.cost[b];
        return { wtp, inmb: netBenefit(pooled.cost.estimate, effect.estimate, wtp), ci95: percentileInterval(inmb) };
      }),
      plane: thin(replicates.cost, replicateEffects),
      ...decisionUncertainty({
        incremental: { cost: pooled.cost.estimate, effect: effect.estimate },
        variances: pooledIncrementVariances(outcomes.map((o) => o.cost), outcomes.map((o) => o[kind]), table.map((r) => r.arm)),
        replicates: { cost: replicates.cost, effect: replicateEffects },
        wtps,
        population: settings.evpi?.population,
      }),
      imputation: {
        m: options.m,
        withinVariance: { cost: pooled.cost.withinVariance, effect: effect.withinVariance },
        betweenVariance: { cost: pooled.cost.betweenVariance, effect: effect.betweenVariance },
        totalVariance: { cost: pooled.cost.totalVariance, effect: effect.totalVariance },
        df: { cost: pooled.cost.df, effect: effect.df },
        fractionMissingInformation: { cost: pooled.cost.fractionMissingInformation, effect: effect.fractionMissingInformation },
        ...(adjusted ? { effectAdjusted: adjusted } : {}),
      },
    });
    return { core, full };
  };
  if (scope === 'scenario') return { qaly: effectAnalysis('qaly').core, employment: effectAnalysis('employment').core };
  const imputation: ImputationRecord = {
    method: 'pmm',
    m: options.m,
    iterations: options.iterations,
    donors: options.donors,
    ridge: options.ridge,
    lindep: { eps: LINDEP_EPS, maxcor: LINDEP_MAXCOR },
    loggedEvents: imputations.loggedEvents,
  };
  return { qaly: effectAnalysis('qaly').full(), employment: effectAnalysis('employment').full(), pooled, imputation, completed: outcomes, warnings };
}

/** A Rubin's-rules estimate with its t interval Q̄ ± t(ν, 0.975)·√T (mice's `pool` confidence interval). */
function pooledScalar(p: PooledEstimate): PooledScalar {
  const half = studentTQuantile(0.975, p.df) * p.standardError;
  return {
    estimate: p.estimate,
    withinVariance: p.withinVariance,
    betweenVariance: p.betweenVariance,
    totalVariance: p.totalVariance,
    df: p.df,
    fractionMissingInformation: p.fractionMissingInformation,
    ci95: [p.estimate - half, p.estimate + half],
  };
}

/** One warning per imputed variable whose equation left predictors out, naming them and in how many steps. */
function droppedPredictorWarnings(events: readonly ImputationRecord['loggedEvents'][number][], steps: number): string[] {
  const byVariable = new Map<string, Map<string, number>>();
  for (const event of events) {
    if (event.meth !== 'pmm') continue;
    const outs = byVariable.get(event.dep) ?? new Map<string, number>();
    for (const name of event.out.split(', ')) outs.set(name, (outs.get(name) ?? 0) + 1);
    byVariable.set(event.dep, outs);
  }
  return [...byVariable].map(([variable, outs]) => messages.predictorsLeftOut(variable, [...outs].map(([name, count]) => ({ name, count })), steps));
}

function pool(estimates: CompletedEstimates[], pick: (e: CompletedEstimates) => Increment, completeDf: number): PooledEstimate {
  return poolRubin(estimates.map((e) => pick(e).difference), estimates.map((e) => pick(e).variance), completeDf);
}

function average(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function thin(cost: Float64Array, effect: Float64Array): PlanePoint[] {
  const step = Math.max(1, Math.ceil(cost.length / PLANE_POINTS));
  const points: PlanePoint[] = [];
  for (let b = 0; b < cost.length; b += step) points.push({ effect: effect[b], cost: cost[b] });
  return points;
}
