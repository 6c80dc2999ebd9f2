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
  /** extension: present when missing = "multiple-imputation" */
  imputation?: ImputationRecord;
  /** extension: the pre-specified subgroups of the QALY analysis (settings.subgroups), at wtp.reference */
  subgroups?: SubgroupAnalysis[];
  /** extension: delta-adjusted MI and the tipping point (present when missing = "multiple-imputation") */
  mnar?: MnarAnalysis;
  warnings?: string[];
  software?: { name: string; version: string };
}
