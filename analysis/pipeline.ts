/**
 * The default analysis plan of ANALYSIS-DATASET.md from typed rows to the
 * result object: participant table → analysed sets → the two analyses
 * (cost per QALY, cost per employment day) → summaries for the report.
 */
import type { TrialDataset } from './dataset/types';
import { adjustedEffect } from './adjusted-effect';
import { analysedSets } from './analysed-sets';
import { analyseEffect, analyseEffectCore, type ScenarioAnalysis } from './effect-analysis';
import { analyzeImputed, type ImputedAnalysis } from './imputation/analyze-imputed';
import { imputationOptions } from './imputation/imputation-options';
import { analyseTimeToFirstJob } from './survival/time-to-first-job-analysis';
import { runSensitivityAnalyses } from './sensitivity/run-sensitivity-analyses';
import { messages } from './messages';
import { regularEmployment } from './outcomes/regular-employment';
import type { UtilityScorer } from './outcomes/utilities';
import { analyzeMnar, imputedShareOf } from './mnar/analyze-mnar';
import { mnarWeights } from './mnar/delta-adjusted';
import { buildParticipantTable, type ParticipantRecord } from './participant-table';
import { analyzeSubgroups } from './subgroups/analyze-subgroups';
import type { AnalysisResult } from './result';
import { DEFAULT_REFERENCE_WTP, type AnalysisSettings } from './settings';
import { xoshiro128 } from './stats/xoshiro128';
import { costBreakdown } from './summaries/cost-breakdown';
import { employmentOverTime } from './summaries/employment-over-time';
import { missingPattern } from './summaries/missing-pattern';
import { utilitiesOverTime } from './summaries/utilities-over-time';

export interface AnalysisProgress {
  stage: 'outcomes' | 'qaly' | 'employment' | 'sensitivity' | 'summaries' | 'done';
  /** stages completed so far, out of `total` */
  done: number;
  total: number;
}

export interface AnalyzeOptions {
  /** EQ-5D scorer of settings.valueSet (the server binds instruments/eq5d's eq5dIndex) */
  scoreUtility: UtilityScorer;
  onProgress?: (progress: AnalysisProgress) => void;
  /** sha256 over the input files (computed by the reader) */
  datasetSha256?: string;
  software?: { name: string; version: string };
  /** run the sensitivity-analysis table (default true; the scenarios themselves run without it) */
  sensitivity?: boolean;
  /** run the subgroup and MNAR analyses (default true; the sensitivity scenarios run without them) */
  secondary?: boolean;
}

/**
 * Runs the whole analysis. Pure: the same dataset, settings and seed give the
 * same result, bit for bit.
 *
 * @param dataset typed, validated rows of the dataset folder
 * @param settings resolved settings (defaults filled, see resolveSettings)
 * @returns the result.json object (required fields and extensions)
 * @throws {AnalysisDataError} when an arm has no analysed participant
 * @throws {Error} when `missing` is "multiple-imputation" and a variable cannot be imputed
 * @example analyzeTrial(dataset, resolveSettings(undefined).settings, { scoreUtility })
 */
export function analyzeTrial(dataset: TrialDataset, settings: AnalysisSettings, options: AnalyzeOptions): AnalysisResult {
  const total = options.sensitivity === false ? 4 : 5;
  const report = (stage: AnalysisProgress['stage'], done: number) => options.onProgress?.({ stage, done, total });
  report('outcomes', 0);
  const countWageSubsidised = settings.employment?.countWageSubsidised ?? true;
  const regular = regularEmployment(dataset, countWageSubsidised);
  const table = buildParticipantTable(regular, options.scoreUtility, settings.discountRate);
  const sets = analysedSets(table);
  report('qaly', 1);
  const main = settings.missing === 'multiple-imputation' ? imputedAnalyses(table, settings) : completeCaseAnalyses(sets, settings);
  report('employment', 2);
  const warnings = [...main.warnings];
  const secondary = options.secondary === false ? undefined : secondaryAnalyses(table, sets, main, settings);
  if (secondary) warnings.push(...secondary.warnings);
  let sensitivity: AnalysisResult['sensitivity'];
  if (options.sensitivity !== false) {
    report('sensitivity', 3);
    // every scenario scores the same EQ-5D states: score each distinct state once
    const scoreUtility = memoizedScorer(options.scoreUtility);
    const table = runSensitivityAnalyses(dataset, settings, { analyze: (d, s) => analyzeScenario(d, s, scoreUtility) });
    sensitivity = table.rows;
    warnings.push(...table.warnings);
  }
  report('summaries', total - 1);
  const timeToFirstJob = analyseTimeToFirstJob(regular);
  warnings.push(...timeToFirstJob.warnings);
  const result: AnalysisResult = {
    n: { ips: table.filter((r) => r.arm === 'ips').length, control: table.filter((r) => r.arm === 'control').length },
    qaly: main.qaly,
    employment: main.employment,
    bootstrap: { replicates: settings.bootstrap.replicates, seed: settings.bootstrap.seed },
    settings: recordedSettings(settings),
    dataset: { sha256: options.datasetSha256 ?? '' },
    missingPattern: missingPattern(table),
    utilitiesOverTime: utilitiesOverTime(table),
    employmentOverTime: employmentOverTime(table),
    costBreakdown: costBreakdown(sets.employment),
    timeToFirstJob: timeToFirstJob.result,
    warnings,
  };
  if (main.imputation) result.imputation = main.imputation;
  if (secondary?.subgroups.length) result.subgroups = secondary.subgroups;
  if (secondary?.mnar) result.mnar = secondary.mnar;
  if (sensitivity) result.sensitivity = sensitivity;
  if (options.software) result.software = options.software;
  report('done', total);
  return result;
}

/**
 * One sensitivity scenario: only what its row reports (sizes, increments,
 * ICER, quadrant, percentile intervals) of both analyses — the same numbers
 * analyzeTrial gives for them (same bootstrap stream), without the CEAC, net
 * benefit, plane, decision uncertainty, adjusted ΔQALY, summaries, time to
 * first job and secondary analyses it would compute and the table discards.
 *
 * @example analyzeScenario(dataset, { ...settings, discountRate: 0 }, scoreUtility).qaly.ci95
 */
export function analyzeScenario(
  dataset: TrialDataset,
  settings: AnalysisSettings,
  scoreUtility: UtilityScorer,
): { qaly: ScenarioAnalysis; employment: ScenarioAnalysis } {
  const regular = regularEmployment(dataset, settings.employment?.countWageSubsidised ?? true);
  const table = buildParticipantTable(regular, scoreUtility, settings.discountRate);
  if (settings.missing === 'multiple-imputation') return analyzeImputed(table, settings, 'scenario');
  const sets = analysedSets(table);
  const rng = xoshiro128(settings.bootstrap.seed);
  // as completeCaseAnalyses, drawing the same stream (the baseline would be resampled from it too, index for index)
  const qaly = analyseEffectCore({ ...qalyInput(sets, settings), rng });
  const employment = analyseEffectCore({ ...employmentInput(sets, settings), rng });
  return { qaly: qaly.analysis, employment: employment.analysis };
}

const qalyInput = (sets: ReturnType<typeof analysedSets>, settings: AnalysisSettings) => ({
  kind: 'qaly' as const,
  records: sets.qaly,
  effectOf: (record: ParticipantRecord) => record.qaly as number,
  setName: 'complete case: all five utilities and service use at 6, 12, 18 and 24 months',
  settings,
});

const employmentInput = (sets: ReturnType<typeof analysedSets>, settings: AnalysisSettings) => ({
  kind: 'employment' as const,
  records: sets.employment,
  effectOf: (record: ParticipantRecord) => record.employmentDays,
  setName: 'complete case: service use at 6, 12, 18 and 24 months',
  settings,
});

function completeCaseAnalyses(sets: ReturnType<typeof analysedSets>, settings: AnalysisSettings) {
  const rng = xoshiro128(settings.bootstrap.seed);
  const qaly = analyseEffect({
    ...qalyInput(sets, settings),
    // the bootstrap interval of the adjusted ΔQALY is for qaly ~ arm + u0 (without extra covariates)
    baselineOf: settings.covariates.length === 0 ? (record) => record.u[0] as number : undefined,
    rng,
  });
  try {
    qaly.analysis.incremental.effectAdjusted = adjustedEffect(sets.qaly, settings.covariates).effect;
  } catch (error) {
    qaly.analysis.incremental.effectAdjusted = null;
    qaly.warnings.push(messages.adjustmentUnavailable((error as Error).message));
  }
  const employment = analyseEffect({ ...employmentInput(sets, settings), rng });
  return { qaly: qaly.analysis, employment: employment.analysis, imputation: undefined, completed: undefined, warnings: [...qaly.warnings, ...employment.warnings] };
}

function imputedAnalyses(table: ReturnType<typeof buildParticipantTable>, settings: AnalysisSettings) {
  const imputed = analyzeImputed(table, settings);
  return { qaly: imputed.qaly, employment: imputed.employment, imputation: imputed.imputation, completed: imputed.completed, warnings: imputed.warnings };
}

/**
 * The subgroups (settings.subgroups; on the QALY analysed set, or on every
 * imputed dataset) and, under imputation, the MNAR delta adjustment with its
 * tipping point, both at the reference willingness to pay (wtp.reference).
 */
function secondaryAnalyses(
  table: ReturnType<typeof buildParticipantTable>,
  sets: ReturnType<typeof analysedSets>,
  main: { completed?: ImputedAnalysis['completed'] },
  settings: AnalysisSettings,
) {
  const wtp = referenceWtp(settings);
  const completed = main.completed;
  const isIps = (records: readonly { arm: string }[]) => Uint8Array.from(records, (r) => (r.arm === 'ips' ? 1 : 0));
  const specs = settings.subgroups ?? [];
  const subgroups = specs.length === 0
    ? { subgroups: [], warnings: [] }
    : completed
      ? analyzeSubgroups(table, completed.map((c) => ({ ips: isIps(table), u0: c.u0, qaly: c.qaly, cost: c.cost })), specs, wtp)
      : analyzeSubgroups(sets.qaly, [{
        ips: isIps(sets.qaly),
        u0: Float64Array.from(sets.qaly, (r) => r.u[0] as number),
        qaly: Float64Array.from(sets.qaly, (r) => r.qaly as number),
        cost: Float64Array.from(sets.qaly, (r) => r.cost),
      }], specs, wtp);
  const mnar = completed
    ? analyzeMnar({ ips: isIps(table), outcomes: completed, ...mnarWeights(table, settings.discountRate) }, settings.mnar, wtp, imputedShareOf(table))
    : undefined;
  return { subgroups: subgroups.subgroups, mnar, warnings: subgroups.warnings };
}

/** wtp.reference, else DEFAULT_REFERENCE_WTP (currency per QALY). */
export function referenceWtp(settings: AnalysisSettings): number {
  return settings.wtp.reference ?? DEFAULT_REFERENCE_WTP;
}

/**
 * The settings as used, every default filled in: resolveSettings fills the
 * contract's keys; the chained-equation options (`imputation.iterations`,
 * `imputation.donors`) are filled here with the values imputationOptions uses,
 * since the sensitivity table imputes even in a complete-case analysis.
 */
function recordedSettings(settings: AnalysisSettings): Record<string, unknown> {
  const { iterations, donors } = imputationOptions(settings);
  return structuredClone({
    ...settings,
    wtp: { ...settings.wtp, reference: referenceWtp(settings) },
    imputation: { ...settings.imputation, iterations, donors },
  }) as unknown as Record<string, unknown>;
}

/** The same scorer, remembering the index of each state it has scored (levels are small integers). */
function memoizedScorer(score: UtilityScorer): UtilityScorer {
  const known = new Map<string, number>();
  return (levels) => {
    const key = levels.join(',');
    let index = known.get(key);
    if (index === undefined) {
      index = score(levels);
      known.set(key, index);
    }
    return index;
  };
}
