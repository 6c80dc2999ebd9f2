/**
 * Tidy rows for the cost-effectiveness plane: the bootstrap replicates, the
 * point estimate, the willingness-to-pay line cost = λ · effect through the
 * origin, and the quadrant labels, on axes symmetric about zero so the four
 * quadrants are equally visible.
 */
import type { EffectAnalysis } from '../result';

export interface CePlanePoint {
  effect: number;
  cost: number;
}

export interface CePlaneLabel extends CePlanePoint {
  label: string;
  align: 'left' | 'right';
}

export interface CePlaneRows {
  replicates: CePlanePoint[];
  estimate: CePlanePoint;
  wtp: number;
  wtpLine: CePlanePoint[];
  quadrantLabels: CePlaneLabel[];
  /** half-width of each axis: the plane spans [-effectLimit, effectLimit] × [-costLimit, costLimit] */
  effectLimit: number;
  costLimit: number;
}

function limit(values: number[]): number {
  const largest = values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  return largest > 0 ? largest * 1.1 : 1;
}

/**
 * CE-plane rows from one analysis (qaly or employment).
 * @param analysis the effect analysis of the result (uses plane, incremental)
 * @param wtp willingness to pay per unit of effect for the line through the origin
 */
export function prepCePlane(analysis: EffectAnalysis, wtp: number): CePlaneRows {
  const replicates = (analysis.plane ?? []).map((p) => ({ effect: p.effect, cost: p.cost }));
  const estimate = { effect: analysis.incremental.effect, cost: analysis.incremental.cost };
  const effectLimit = limit([...replicates.map((p) => p.effect), estimate.effect]);
  const costLimit = limit([...replicates.map((p) => p.cost), estimate.cost]);
  // the line cost = λ·effect, cut where it leaves the plane
  const reach = wtp > 0 ? Math.min(effectLimit, costLimit / wtp) : effectLimit;
  const wtpLine = [
    { effect: -reach, cost: -wtp * reach },
    { effect: reach, cost: wtp * reach },
  ];
  const x = effectLimit * 0.97;
  const y = costLimit * 0.93;
  const quadrantLabels: CePlaneLabel[] = [
    { effect: x, cost: y, label: 'NE: more effect, more cost', align: 'right' },
    { effect: x, cost: -y, label: 'SE: IPS dominates', align: 'right' },
    { effect: -x, cost: y, label: 'NW: IPS is dominated', align: 'left' },
    { effect: -x, cost: -y, label: 'SW: less effect, less cost', align: 'left' },
  ];
  return { replicates, estimate, wtp, wtpLine, quadrantLabels, effectLimit, costLimit };
}
