/**
 * One cost-effectiveness analysis (cost per QALY or cost per employment day)
 * over its analysed set: means, increments, ICER and quadrant, bootstrap
 * intervals, CEAC, INMB and CE-plane points.
 */
import { ARMS, type Arm } from './dataset/types';
import { ceac } from './cea/ceac';
import { decisionUncertainty } from './cea/decision-uncertainty';
import { incrementVariances } from './cea/increment-variances';
import { icer } from './cea/icer';
import { netBenefit } from './cea/net-benefit';
import { quadrant } from './cea/quadrant';
import { errors, messages } from './messages';
import type { ParticipantRecord } from './participant-table';
import type { EffectAnalysis, Interval, PlanePoint } from './result';
import type { AnalysisSettings } from './settings';
import { bcaInterval } from './stats/bca-interval';
import { bootstrapIncrements, type ArmValues } from './stats/bootstrap-increments';
import { mean } from './stats/mean';
import { percentileInterval } from './stats/percentile-interval';
import { standardDeviation } from './stats/standard-deviation';
import { stratifiedJackknife } from './stats/stratified-jackknife';
import type { Rng } from './stats/xoshiro128';

export type AnalysisKind = 'qaly' | 'employment';
/** At most this many bootstrap replicates are kept as CE-plane points. */
export const PLANE_POINTS = 2000;
/** Below this many analysed participants in an arm, a warning is returned. */
export const SMALL_ARM = 10;

export interface EffectAnalysisInput {
  kind: AnalysisKind;
  records: readonly ParticipantRecord[];
  effectOf: (record: ParticipantRecord) => number;
  /** baseline covariate (u0): also bootstraps the adjusted ΔE of effect ~ arm + baseline into ci95.effectAdjusted */
  baselineOf?: (record: ParticipantRecord) => number;
  setName: string;
  settings: AnalysisSettings;
  rng: Rng;
}

/**
 * One cost-effectiveness analysis over its analysed set: per-arm means,
 * increments Δ = mean(ips) − mean(control), ICER ΔC/ΔE and quadrant, the
 * stratified bootstrap (B = settings.bootstrap.replicates) with percentile
 * intervals, sd of the replicates, CEAC and INMB at each WTP, at most
 * PLANE_POINTS CE-plane points, the Fieller interval of the ICER and the
 * CEAC, CEAF and EVPI on a fine λ grid (decisionUncertainty), and BCa intervals when
 * settings.bootstrap.interval = "bca". Units: cost in the settings' currency;
 * effect in QALYs or employment days. Pure apart from advancing `rng`.
 * Reference: Ramsey et al., Value Health 2015;18:161 (ISPOR CEA alongside trials).
 *
 * @returns the analysis (effectAdjusted is set by the pipeline) and its warnings
 * @throws {AnalysisDataError} when an arm has no analysed participant
 * @example analyseEffect({ kind: 'qaly', records, effectOf: (r) => r.qaly as number, setName: 'complete case', settings, rng: xoshiro128(1) })
 */
export function analyseEffect(input: EffectAnalysisInput): { analysis: EffectAnalysis; warnings: string[] } {
  const { kind, settings } = input;
  const { analysis: core, replicates, values, warnings } = analyseEffectCore(input);
  const { incremental, ci95 } = core;
  const adjusted = replicates.effectAdjusted?.filter(Number.isFinite);
  if (adjusted && adjusted.length === replicates.cost.length) ci95.effectAdjusted = percentileInterval(adjusted);
  const wtps = kind === 'qaly' ? settings.wtp.qaly : settings.wtp.employmentDay;
  const inmb = new Float64Array(replicates.cost.length);
  const netBenefitPoints = wtps.map((wtp) => {
    for (let b = 0; b < inmb.length; b++) inmb[b] = wtp * replicates.effect[b] - replicates.cost[b];
    return { wtp, inmb: netBenefit(incremental.cost, incremental.effect, wtp), ci95: percentileInterval(inmb) };
  });
  const analysis: EffectAnalysis = {
    ...core,
    ceac: ceac(replicates.cost, replicates.effect, wtps),
    netBenefit: netBenefitPoints,
    plane: thin(replicates.cost, replicates.effect),
  };
  const measurable = values.ips.cost.length >= 2 && values.control.cost.length >= 2;
  if (!measurable) warnings.push(messages.fiellerUnavailable(kind));
  Object.assign(analysis, decisionUncertainty({
    incremental,
    variances: measurable ? incrementVariances(values.ips, values.control) : null,
    replicates,
    wtps,
    population: settings.evpi?.population,
  }));
  if (settings.bootstrap.interval === 'bca') {
    analysis.ci95Bca = {
      cost: bca(kind, 'the incremental cost', replicates.cost, incremental.cost, values, 'cost', ci95.cost, warnings),
      effect: bca(kind, 'the incremental effect', replicates.effect, incremental.effect, values, 'effect', ci95.effect, warnings),
    };
  }
  return { analysis, warnings };
}

/** The part of an analysis a sensitivity scenario reports: sizes, means, increments, ICER, quadrant, percentile intervals and sd of the replicates. */
export type ScenarioAnalysis = Pick<EffectAnalysis, 'analysed' | 'mean' | 'incremental' | 'icer' | 'quadrant' | 'ci95' | 'sd'>;

/**
 * The core of {@link analyseEffect}: means, increments, ICER, quadrant and the
 * bootstrap with its percentile intervals of ΔC and ΔE — the same numbers,
 * drawn from `rng` exactly as analyseEffect draws them (a baseline, when
 * given, is resampled from the same stream). The sensitivity scenarios use it
 * alone; analyseEffect adds CEAC, INMB, plane, decision uncertainty and BCa.
 *
 * @example analyseEffectCore({ kind: 'employment', records, effectOf: (r) => r.employmentDays, setName, settings, rng }).analysis.ci95
 */
export function analyseEffectCore(input: EffectAnalysisInput): {
  analysis: ScenarioAnalysis & { ci95: EffectAnalysis['ci95'] };
  replicates: ReturnType<typeof bootstrapIncrements>;
  values: Record<Arm, ArmValues>;
  warnings: string[];
} {
  const { kind, records, effectOf, settings, rng } = input;
  const warnings: string[] = [];
  const values = {} as Record<Arm, ArmValues>;
  for (const arm of ARMS) {
    const armRecords = records.filter((record) => record.arm === arm);
    if (armRecords.length === 0) throw errors.emptyArm(kind, arm, input.setName);
    if (armRecords.length < SMALL_ARM) warnings.push(messages.smallArm(kind, arm, armRecords.length));
    values[arm] = {
      cost: Float64Array.from(armRecords, (record) => record.cost),
      effect: Float64Array.from(armRecords, effectOf),
      ...(input.baselineOf ? { baseline: Float64Array.from(armRecords, input.baselineOf) } : {}),
    };
  }
  const means = {
    ips: { cost: mean(values.ips.cost), effect: mean(values.ips.effect) },
    control: { cost: mean(values.control.cost), effect: mean(values.control.effect) },
  };
  const incremental = { cost: means.ips.cost - means.control.cost, effect: means.ips.effect - means.control.effect };
  const ratio = icer(incremental.cost, incremental.effect);
  const where = quadrant(incremental.cost, incremental.effect);
  if (where === null) warnings.push(messages.zeroEffect(kind));
  if (where === 'SE') warnings.push(messages.dominant(kind));
  if (where === 'NW') warnings.push(messages.dominated(kind));
  if (where === 'SW') warnings.push(messages.southWest(kind));

  const replicates = bootstrapIncrements(values.ips, values.control, settings.bootstrap.replicates, rng);
  const ci95: EffectAnalysis['ci95'] = { cost: percentileInterval(replicates.cost), effect: percentileInterval(replicates.effect) };
  const sd = { cost: standardDeviation(replicates.cost), effect: standardDeviation(replicates.effect) };
  if (sd.cost === 0 && sd.effect === 0) warnings.push(messages.noSpread(kind));
  return {
    analysis: {
      analysed: { ips: values.ips.cost.length, control: values.control.cost.length },
      mean: means,
      incremental,
      icer: ratio,
      quadrant: where,
      ci95,
      sd,
    },
    replicates,
    values,
    warnings,
  };
}

function bca(
  kind: AnalysisKind,
  what: string,
  replicates: Float64Array,
  estimate: number,
  values: Record<Arm, ArmValues>,
  field: 'cost' | 'effect',
  fallback: Interval,
  warnings: string[],
): Interval {
  const arrays = [values.ips[field], values.control[field]];
  if (arrays.some((array) => array.length < 2)) {
    warnings.push(messages.bcaUnavailable(kind, what));
    return fallback;
  }
  const sums = arrays.map((array) => array.reduce((a, b) => a + b, 0));
  const means = arrays.map((array, s) => sums[s] / array.length);
  // θ without participant i of stratum s: that arm's mean recomputed without i
  const influence = stratifiedJackknife(arrays.map((array) => array.length), (stratum, index) => {
    const array = arrays[stratum];
    const leaveOut = (sums[stratum] - array[index]) / (array.length - 1);
    return stratum === 0 ? leaveOut - means[1] : means[0] - leaveOut;
  });
  const interval = bcaInterval(replicates, estimate, influence);
  if (interval === null) {
    warnings.push(messages.bcaUnavailable(kind, what));
    return fallback;
  }
  return interval;
}

function thin(cost: Float64Array, effect: Float64Array): PlanePoint[] {
  const step = Math.max(1, Math.ceil(cost.length / PLANE_POINTS));
  const points: PlanePoint[] = [];
  for (let b = 0; b < cost.length; b += step) points.push({ effect: effect[b], cost: cost[b] });
  return points;
}
