import type { EffectAnalysis } from '../result';
import { ceac } from './ceac';
import { ceaf } from './ceaf';
import { evpi } from './evpi';
import { fieller95 } from './fieller95';
import type { IncrementVariances } from './increment-variances';
import { wtpGrid } from './wtp-grid';

export interface DecisionUncertaintyInput {
  /** ΔC and ΔE at the point estimates */
  incremental: { cost: number; effect: number };
  /** V_C, V_E and C_CE of the increments; null when an arm has fewer than two participants (no Fieller interval) */
  variances: IncrementVariances | null;
  /** ΔC and ΔE of each bootstrap replicate */
  replicates: { cost: ArrayLike<number>; effect: ArrayLike<number> };
  /** the configured WTPs of this analysis */
  wtps: readonly number[];
  /** settings.evpi.population, when given */
  population?: number;
}

/**
 * The decision-uncertainty fields of one analysis (ANALYSIS-DATASET.md,
 * "Fieller, CEAF, EVPI, power"): the Fieller 95 % interval of the ICER (when
 * the variances exist), the
 * CEAC on the fine λ grid of wtpGrid, the acceptability frontier and the EVPI
 * at every λ of that grid. O(B·k) for k ≈ 101 λ values.
 *
 * @returns `fieller95`, `ceacCurve`, `ceaf` and `evpi` for result.json
 * @throws {Error} as fieller95, ceac, evpi and wtpGrid do
 * @example decisionUncertainty({ incremental, variances, replicates, wtps: settings.wtp.qaly }).ceacCurve.length // ≥ 101
 */
export function decisionUncertainty(
  input: DecisionUncertaintyInput,
): Pick<EffectAnalysis, 'fieller95'> & Required<Pick<EffectAnalysis, 'ceacCurve' | 'ceaf' | 'evpi'>> {
  const { incremental, replicates } = input;
  const grid = wtpGrid(input.wtps);
  const ceacCurve = ceac(replicates.cost, replicates.effect, grid);
  return {
    ...(input.variances ? { fieller95: fieller95(incremental.cost, incremental.effect, input.variances) } : {}),
    ceacCurve,
    ceaf: ceaf(ceacCurve, incremental.cost, incremental.effect),
    evpi: evpi(replicates.cost, replicates.effect, grid, input.population),
  };
}
