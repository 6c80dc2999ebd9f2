/**
 * The result of the cost-effectiveness analysis: what `result.json` holds and
 * what the ICER report draws. The required fields are fixed by
 * ANALYSIS-DATASET.md ("Result"); everything marked "extension" is ours and is
 * documented in `data-dictionary/` (docs/analysis.md).
 */
import type { Arm, Timepoint } from './dataset/types';
import type { MnarAnalysis } from './mnar/analyze-mnar';
import type { SubgroupAnalysis } from './subgroups/analyze-subgroups';

export type { MnarAnalysis, SubgroupAnalysis };

export type Quadrant = 'NE' | 'SE' | 'NW' | 'SW';
export type Interval = [number, number];
export type EffectKind = 'qaly' | 'employment';

export interface ArmMeans {
  cost: number;
  effect: number;
}

export interface CeacPoint {
  wtp: number;
  probability: number;
}

/** extension: incremental net monetary benefit λ·ΔE − ΔC with its bootstrap interval */
export interface NetBenefitPoint {
  wtp: number;
  inmb: number;
  ci95: Interval;
}

/**
 * Fieller 95 % interval of the ICER (ANALYSIS-DATASET.md, "Fieller, CEAF,
 * EVPI, power"): `bounded` [lo, hi]; `exclusive`, the set (−∞, lo] ∪ [hi, ∞)
 * with `limits` = [lo, hi]; `unbounded`, the whole line, `limits` null.
 */
export interface FiellerInterval {
  type: 'bounded' | 'exclusive' | 'unbounded';
  limits: Interval | null;
}

/** One point of the cost-effectiveness acceptability frontier. */
export interface CeafPoint {
  wtp: number;
  /** the arm with the higher point-estimate net benefit (ties → control) */
  optimal: Arm;
  /** probability that this arm is the cost-effective one (CEAC, or 1 − CEAC for control) */
  probability: number;
}

/** Expected value of perfect information at one willingness to pay (currency). */
export interface EvpiPoint {
  wtp: number;
  /** per participant: mean max(0, INB) − max(0, mean INB) over the bootstrap replicates */
  perParticipant: number;
  /** perParticipant × settings.evpi.population, present when that setting is given */
  population?: number;
}

/** extension: one bootstrap replicate on the cost-effectiveness plane */
export interface PlanePoint {
  effect: number;
  cost: number;
}

export interface EffectAnalysis {
  analysed: Record<Arm, number>;
  mean: Record<Arm, ArmMeans>;
  incremental: { cost: number; effect: number; effectAdjusted?: number | null };
  icer: number | null;
  quadrant: Quadrant | null;
  ci95: { cost: Interval; effect: Interval; effectAdjusted?: Interval };
  /** extension: bootstrap standard deviation of the increments */
  sd?: { cost: number; effect: number };
  /** extension: BCa intervals when settings.bootstrap.interval = "bca" */
  ci95Bca?: { cost: Interval; effect: Interval };
  ceac: CeacPoint[];
  /** Fieller 95 % interval of the ICER from the arms' sample (co)variances (Rubin's pooled totals under MI) */
  fieller95?: FiellerInterval;
  /** CEAC at ≥ 100 λ from 0 to the largest configured WTP (the configured WTPs included) */
  ceacCurve?: CeacPoint[];
  /** cost-effectiveness acceptability frontier at each λ of ceacCurve */
  ceaf?: CeafPoint[];
  /** expected value of perfect information at each λ of ceacCurve */
  evpi?: EvpiPoint[];
  /** extension */
  netBenefit?: NetBenefitPoint[];
  /** extension: a thinned sample (at most 2,000) of bootstrap replicates for the CE plane */
  plane?: PlanePoint[];
  /** extension: multiple imputation details (pooled with Rubin's rules) when imputing */
  imputation?: {
    m: number;
    withinVariance: { cost: number; effect: number };
    betweenVariance: { cost: number; effect: number };
    totalVariance: { cost: number; effect: number };
    /** Barnard–Rubin degrees of freedom of the pooled increments */
    df: { cost: number; effect: number };
    /** fraction of missing information, (r + 2/(df + 3)) / (r + 1), as mice's pool */
    fractionMissingInformation: { cost: number; effect: number };
    /** qaly only: the adjusted ΔQALY pooled by Rubin's rules, with its t interval Q̄ ± t(df, 0.975)·√T */
    effectAdjusted?: PooledScalar;
  };
}

/** extension: one estimate pooled over the imputations with Rubin's rules */
export interface PooledScalar {
  estimate: number;
  withinVariance: number;
  betweenVariance: number;
  totalVariance: number;
  df: number;
  fractionMissingInformation: number;
  ci95: Interval;
}

/** extension: one row of mice's `loggedEvents` (a predictor left out of an imputation step) */
export interface ImputationLogEntry {
  it: number;
  imp: number;
  dep: string;
  meth: string;
  out: string;
}

/** extension: how the multiple imputation ran (every default used) and what it left out */
export interface ImputationRecord {
  method: 'pmm';
  m: number;
  iterations: number;
  donors: number;
  ridge: number;
  /** mice's remove.lindep thresholds */
  lindep: { eps: number; maxcor: number };
  loggedEvents: ImputationLogEntry[];
}

/** extension: how many participants have a value, by arm and timepoint */
export interface MissingPatternCell {
  arm: Arm;
  timepoint: Timepoint;
  randomized: number;
  utility: number;
  serviceUse: number;
  withdrawn: number;
}

/** extension: mean utility by arm and timepoint with a normal-approximation 95 % interval */
export interface UtilityOverTime {
  arm: Arm;
  timepoint: Timepoint;
  n: number;
  mean: number | null;
  ci95: Interval | null;
}

/** extension: cumulative proportion ever in competitive employment, by arm, as a step function */
export interface EmploymentOverTime {
  arm: Arm;
  day: number;
  proportion: number;
}

/** extension: mean cost per analysed participant by arm and category (currency of settings) */
export interface CostBreakdownRow {
  arm: Arm;
  category: string;
  meanCost: number;
}

/** extension: one row of the sensitivity-analysis table */
export interface SensitivityRow {
  id: string;
  label: string;
  effect: EffectKind;
  analysed: Record<Arm, number>;
  incremental: { cost: number; effect: number };
  icer: number | null;
  quadrant: Quadrant | null;
  ci95?: { cost: Interval; effect: Interval };
}

/** extension: one row of a Kaplan–Meier curve, at each day with an event or a censoring (the rows of R's survfit) */
export interface KaplanMeierStep {
  day: number;
  /** participants still at risk on that day (censored ones count as at risk on their day) */
  atRisk: number;
  events: number;
  censored: number;
  /** Kaplan–Meier estimate of the share still without a competitive job after that day */
  survival: number;
  /** Greenwood standard error of `survival`; null where survival is 0 */
  se: number | null;
  /** 95 % interval on the log scale (survfit's default conf.type = "log"), upper end capped at 1; null where survival is 0 */
  ci95: Interval | null;
}

/** extension: the Kaplan–Meier estimate of one arm */
export interface KaplanMeierArm {
  /** participants analysed (randomized to the arm, not in a competitive job at randomization) */
  analysed: number;
  events: number;
  /** left out: already in a competitive job at randomization */
  employedAtRandomization: number;
  /** median days to first job as print(survfit) reports it; null when the curve does not reach 0.5 */
  median: number | null;
  /** its 95 % interval from the curve's interval (either end null when that curve does not reach 0.5) */
  medianCi95: [number | null, number | null];
  curve: KaplanMeierStep[];
}

/** extension: log-rank test of IPS against usual care (R's survdiff, rho = 0) */
export interface LogRankTest {
  chiSquare: number;
  df: 1;
  p: number;
  observed: Record<Arm, number>;
  expected: Record<Arm, number>;
}

/** extension: Cox proportional-hazards hazard ratio of IPS against usual care (R's coxph, one covariate) */
export interface HazardRatio {
  ties: 'efron';
  /** exp(β): the hazard of a first job in IPS relative to usual care */
  estimate: number;
  /** Wald 95 % interval exp(β ± 1.959964·se) */
  ci95: Interval;
  logHazardRatio: number;
  se: number;
  /** Wald test p-value of β = 0 */
  p: number;
  /** partial log-likelihood at β = 0 and at the estimate (coxph's loglik) */
  logLikelihood: Interval;
}

/** extension: time to first competitive job, by arm (docs/analysis.md, "Time to first competitive job") */
export interface TimeToFirstJob {
  confType: 'log';
  arms: Record<Arm, KaplanMeierArm>;
  /** null when no participant had an event, or the arms never share a risk set */
  logRank: LogRankTest | null;
  /** null when the partial likelihood has no finite maximum (e.g. an arm without any event), with a warning */
  hazardRatio: HazardRatio | null;
}

export interface AnalysisResult {
  n: Record<Arm, number>;
  qaly: EffectAnalysis;
  employment: EffectAnalysis;
  bootstrap: { replicates: number; seed: number };
  settings: Record<string, unknown>;
  dataset: { sha256: string };
  /** extensions below */
  missingPattern?: MissingPatternCell[];
  utilitiesOverTime?: UtilityOverTime[];
  employmentOverTime?: EmploymentOverTime[];
  costBreakdown?: CostBreakdownRow[];
  sensitivity?: SensitivityRow[];
  timeToFirstJob?: TimeToFirstJob;
  /** extension: present when missing = "multiple-imputation" */
  imputation?: ImputationRecord;
  /** extension: the pre-specified subgroups of the QALY analysis (settings.subgroups), at wtp.reference */
  subgroups?: SubgroupAnalysis[];
  /** extension: delta-adjusted MI and the tipping point (present when missing = "multiple-imputation") */
  mnar?: MnarAnalysis;
  warnings?: string[];
  software?: { name: string; version: string };
}
