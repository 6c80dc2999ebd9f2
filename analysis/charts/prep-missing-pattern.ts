/**
 * Tidy rows for the missing-data pattern: the share of randomized participants
 * with a utility and with a complete service-use form, by arm and timepoint.
 */
import type { MissingPatternCell } from '../result';
import { ARM_LABELS } from './chart-style';

export interface MissingPatternRow {
  /** row of the heatmap, e.g. "IPS · utility" */
  row: string;
  arm: string;
  measure: 'utility' | 'service use';
  timepoint: string;
  observed: number;
  randomized: number;
  /** observed / randomized, 0 when nobody was randomized */
  share: number;
}

/** Two rows (utility, service use) per cell of the pattern, ordered IPS first then by timepoint. */
export function prepMissingPattern(cells: readonly MissingPatternCell[]): MissingPatternRow[] {
  const sorted = [...cells].sort((a, b) => (a.arm === b.arm ? a.timepoint - b.timepoint : a.arm === 'ips' ? -1 : 1));
  return sorted.flatMap((cell) =>
    (['utility', 'service use'] as const).map((measure) => {
      const observed = measure === 'utility' ? cell.utility : cell.serviceUse;
      return {
        row: `${ARM_LABELS[cell.arm]} · ${measure}`,
        arm: ARM_LABELS[cell.arm],
        measure,
        timepoint: `${cell.timepoint} months`,
        observed,
        randomized: cell.randomized,
        share: cell.randomized > 0 ? observed / cell.randomized : 0,
      };
    }),
  );
}
