/**
 * The sensitivity-analysis table: the whole analysis rerun under changed
 * assumptions (discount rate, unit costs, missing-data method, programme
 * costing, per-protocol population), one row per scenario and effect.
 */
import type { TrialDataset } from '../dataset/types';
import { isSubsidisedJob } from '../outcomes/regular-employment';
import type { ScenarioAnalysis } from '../effect-analysis';
import type { EffectKind, SensitivityRow } from '../result';
import type { AnalysisSettings } from '../settings';
import { perProtocolSubset } from './per-protocol-subset';
import { scaleUnitCosts } from './scale-unit-costs';
import { sensitivitySettings } from './sensitivity-settings';
import { topDownProgramme } from './top-down-programme';

/** A sensitivity row; `note` says why a scenario was skipped (then its numbers are NaN, null in JSON) or what it changed. */
export interface SensitivityTableRow extends SensitivityRow {
  note?: string;
}

export interface SensitivityDeps {
  /** the core's analysis of a scenario (analyzeScenario, or analyzeTrial, bound to the EQ-5D scorer): the fields of its rows */
  analyze: (dataset: TrialDataset, settings: AnalysisSettings) => Record<EffectKind, ScenarioAnalysis>;
}

interface Scenario {
  id: string;
  label: string;
  prepare: () => { dataset: TrialDataset; settings: AnalysisSettings; note?: string } | { skipped: string };
}

const EFFECTS: EffectKind[] = ['qaly', 'employment'];
const percent = (rate: number) => `${+(rate * 100).toFixed(2)} %`;

/**
 * Runs every sensitivity scenario through `deps.analyze` with
 * `sensitivity.replicates` bootstrap replicates (same seed as the main
 * analysis): discount rates (default 0 % and 5 %), all unit costs −20 % and
 * +20 %, the other missing-data method (complete case ↔ multiple
 * imputation), the programme costed top-down (placeMonthCost × months in IPS
 * instead of the logged time of programmeRole), the other definition of
 * regular employment (jobs with a wage subsidy counted or not), and per-protocol (IPS
 * participants with ≥ 1 log of programmeRole, control participants without).
 * A scenario that cannot run gives rows with a `note` and a warning. Pure.
 *
 * @param dataset typed, validated rows
 * @param settings resolved settings of the main analysis
 * @returns two rows (qaly, employment) per scenario, and warnings
 * @throws when settings.sensitivity is invalid (naming the key)
 * @example runSensitivityAnalyses(dataset, settings, { analyze: (d, s) => analyzeTrial(d, s, { scoreUtility }) }).rows
 */
export function runSensitivityAnalyses(
  dataset: TrialDataset,
  settings: AnalysisSettings,
  deps: SensitivityDeps,
): { rows: SensitivityTableRow[]; warnings: string[] } {
  const options = sensitivitySettings(settings);
  const base: AnalysisSettings = { ...settings, bootstrap: { ...settings.bootstrap, replicates: options.replicates } };
  const same = (changes: Partial<AnalysisSettings>) => () => ({ dataset, settings: { ...base, ...changes } });
  const other = settings.missing === 'complete-case' ? 'multiple-imputation' : 'complete-case';
  const countsSubsidised = settings.employment?.countWageSubsidised ?? true;
  const scenarios: Scenario[] = [
    ...options.discountRates.map((rate) => ({
      id: `discount-${+(rate * 100).toFixed(2)}`,
      label: `Discount rate ${percent(rate)} (main analysis ${percent(settings.discountRate)})`,
      prepare: same({ discountRate: rate }),
    })),
    ...[-1, 1].map((sign) => ({
      id: `unit-costs-${sign < 0 ? 'minus' : 'plus'}-${+(options.unitCostChange * 100).toFixed(2)}`,
      label: `All unit costs ${sign < 0 ? '−' : '+'}${percent(options.unitCostChange)} (service use and staff time)`,
      prepare: () => ({ dataset: scaleUnitCosts(dataset, 1 + sign * options.unitCostChange), settings: base }),
    })),
    {
      id: `missing-${other}`,
      label: other === 'multiple-imputation' ? 'Multiple imputation instead of complete case' : 'Complete case instead of multiple imputation',
      prepare: same({ missing: other }),
    },
    {
      id: 'programme-top-down',
      label: `Programme costed top-down: ${options.placeMonthCost} ${settings.currency} per place-month × months in IPS`,
      prepare: () => ({
        dataset: topDownProgramme(dataset, options.placeMonthCost, options.programmeRole),
        settings: base,
        note: `logged time of ${options.programmeRole} replaced by the place-month cost from randomization to day 729 or withdrawal`,
      }),
    },
    {
      // the other definition of regular employment (settings employment.countWageSubsidised)
      id: countsSubsidised ? 'employment-without-wage-subsidy' : 'employment-with-wage-subsidy',
      label: countsSubsidised ? 'Jobs with a wage subsidy not counted as regular employment' : 'Jobs with a wage subsidy counted as regular employment',
      prepare: () => ({
        dataset,
        settings: { ...base, employment: { countWageSubsidised: !countsSubsidised } },
        note: `${dataset.employment.filter(isSubsidisedJob).length} competitive episodes with a wage subsidy ${countsSubsidised ? 'left out of' : 'counted in'} employment days`,
      }),
    },
    {
      id: 'per-protocol',
      label: `Per protocol (IPS with ≥ 1 ${options.programmeRole} contact, control without)`,
      prepare: () => {
        const subset = perProtocolSubset(dataset, options.programmeRole);
        if ('skipped' in subset) return subset;
        return { dataset: subset.dataset, settings: base, note: `${subset.excluded} participants not treated as allocated left out` };
      },
    },
  ];
  const rows: SensitivityTableRow[] = [];
  const warnings: string[] = [];
  for (const scenario of scenarios) {
    let prepared: ReturnType<Scenario['prepare']>;
    let result: Record<EffectKind, ScenarioAnalysis> | null = null;
    try {
      prepared = scenario.prepare();
      if (!('skipped' in prepared)) result = deps.analyze(prepared.dataset, prepared.settings);
    } catch (error) {
      prepared = { skipped: (error as Error).message };
    }
    if (result === null || 'skipped' in prepared) {
      const reason = 'skipped' in prepared ? prepared.skipped : 'no result';
      warnings.push(`sensitivity analysis "${scenario.label}" skipped: ${reason}`);
      for (const effect of EFFECTS) rows.push(skippedRow(scenario, effect, reason));
      continue;
    }
    for (const effect of EFFECTS) {
      const analysis = result[effect];
      rows.push({
        id: scenario.id,
        label: scenario.label,
        effect,
        analysed: analysis.analysed,
        incremental: { cost: analysis.incremental.cost, effect: analysis.incremental.effect },
        icer: analysis.icer,
        quadrant: analysis.quadrant,
        ci95: { cost: analysis.ci95.cost, effect: analysis.ci95.effect },
        ...(prepared.note ? { note: prepared.note } : {}),
      });
    }
  }
  return { rows, warnings };
}

function skippedRow(scenario: Scenario, effect: EffectKind, reason: string): SensitivityTableRow {
  return {
    id: scenario.id,
    label: scenario.label,
    effect,
    analysed: { ips: 0, control: 0 },
    incremental: { cost: NaN, effect: NaN },
    icer: null,
    quadrant: null,
    note: `skipped: ${reason}`,
  };
}
