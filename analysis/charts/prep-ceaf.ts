/**
 * Tidy rows for the smooth acceptability chart: the CEAC of each arm on the
 * fine λ grid (IPS = CEAC, usual care = 1 − CEAC), the acceptability
 * frontier split into runs of one optimal arm, and the configured WTPs.
 */
import type { EffectAnalysis } from '../result';
import { ARM_LABELS } from './chart-style';

export interface AcceptabilityRow {
  wtp: number;
  probability: number;
  /** ARM_LABELS value */
  arm: string;
}

export interface FrontierRow extends AcceptabilityRow {
  /** consecutive λ with the same optimal arm share a run number (no line across a switch) */
  run: number;
}

export interface CeafRows {
  curves: AcceptabilityRow[];
  frontier: FrontierRow[];
  /** the CEAC at the configured WTPs (IPS) */
  configured: AcceptabilityRow[];
}

/** Rows of the acceptability chart, or null when the result has no ceacCurve/ceaf (results from before they were added). */
export function prepCeaf(analysis: EffectAnalysis): CeafRows | null {
  if (!analysis.ceacCurve?.length || !analysis.ceaf?.length) return null;
  const curve = [...analysis.ceacCurve].sort((a, b) => a.wtp - b.wtp);
  const curves = curve.flatMap((p) => [
    { wtp: p.wtp, probability: p.probability, arm: ARM_LABELS.ips },
    { wtp: p.wtp, probability: 1 - p.probability, arm: ARM_LABELS.control },
  ]);
  let run = 0;
  const frontier = [...analysis.ceaf]
    .sort((a, b) => a.wtp - b.wtp)
    .map((p, i, all) => {
      if (i > 0 && p.optimal !== all[i - 1].optimal) run++;
      return { wtp: p.wtp, probability: p.probability, arm: ARM_LABELS[p.optimal], run };
    });
  const configured = analysis.ceac.map((p) => ({ wtp: p.wtp, probability: p.probability, arm: ARM_LABELS.ips })).sort((a, b) => a.wtp - b.wtp);
  return { curves, frontier, configured };
}
