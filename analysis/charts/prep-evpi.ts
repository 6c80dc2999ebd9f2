/**
 * Tidy rows for the EVPI curve: the expected value of perfect information by
 * willingness to pay, for the population of `evpi.population` when the
 * result has it, else per participant.
 */
import type { EffectAnalysis } from '../result';

export interface EvpiRow {
  wtp: number;
  evpi: number;
}

export interface EvpiRows {
  rows: EvpiRow[];
  /** "population" when every point has a population figure, else "participant" */
  scope: 'population' | 'participant';
}

/** EVPI rows sorted by willingness to pay, or null when the result has no evpi. */
export function prepEvpi(analysis: EffectAnalysis): EvpiRows | null {
  const points = analysis.evpi;
  if (!points?.length) return null;
  const population = points.every((p) => p.population !== undefined);
  return {
    scope: population ? 'population' : 'participant',
    rows: points.map((p) => ({ wtp: p.wtp, evpi: population ? (p.population as number) : p.perParticipant })).sort((a, b) => a.wtp - b.wtp),
  };
}
