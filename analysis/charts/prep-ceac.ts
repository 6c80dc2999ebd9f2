/**
 * Tidy rows for the cost-effectiveness acceptability curve (CEAC) and for the
 * incremental net monetary benefit (INMB) by willingness to pay.
 */
import type { EffectAnalysis } from '../result';

export interface CeacRow {
  wtp: number;
  probability: number;
}

export interface NetBenefitRow {
  wtp: number;
  inmb: number;
  lower: number;
  upper: number;
}

/** CEAC rows sorted by willingness to pay. */
export function prepCeac(analysis: EffectAnalysis): CeacRow[] {
  return analysis.ceac.map((p) => ({ wtp: p.wtp, probability: p.probability })).sort((a, b) => a.wtp - b.wtp);
}

/** INMB rows with the bounds of the 95 % interval, sorted by willingness to pay (empty when the result has no netBenefit). */
export function prepNetBenefit(analysis: EffectAnalysis): NetBenefitRow[] {
  return (analysis.netBenefit ?? [])
    .map((p) => ({ wtp: p.wtp, inmb: p.inmb, lower: p.ci95[0], upper: p.ci95[1] }))
    .sort((a, b) => a.wtp - b.wtp);
}
