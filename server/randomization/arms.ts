/**
 * The two arms of the trial and small helpers shared by the allocation
 * algorithms. `ips` is Individual Placement and Support, `control` is the
 * municipality's usual support.
 */
export type Arm = 'ips' | 'control';

export const ARMS: readonly Arm[] = ['ips', 'control'];

export interface ArmCounts {
  ips: number;
  control: number;
}

export function emptyCounts(): ArmCounts {
  return { ips: 0, control: 0 };
}

/** Absolute difference between the arms (|ips − control|). */
export function imbalance(counts: ArmCounts): number {
  return Math.abs(counts.ips - counts.control);
}
