/**
 * Test helper: the fixture written by test/reference/decision-uncertainty.R
 * (R 4.2, var/cov, textbook Fieller roots, sample() bootstrap replicates).
 */
import { readFileSync } from 'node:fs';
import type { Arm } from '../../../../analysis/dataset/types';
import type { CeacPoint, CeafPoint, EvpiPoint, FiellerInterval } from '../../../../analysis/result';
import type { IncrementVariances } from '../../../../analysis/cea/increment-variances';

export interface FiellerCase {
  name: string;
  arm: Arm[];
  cost: number[];
  effect: number[];
  incremental: { cost: number; effect: number };
  variances: IncrementVariances;
  fieller95: FiellerInterval;
}

export interface CurveCase {
  name: string;
  wtp: number[];
  population: number;
  incremental: { cost: number; effect: number };
  replicates: { cost: number[]; effect: number[] };
  ceacCurve: CeacPoint[];
  ceaf: CeafPoint[];
  evpi: Required<EvpiPoint>[];
}

export interface DecisionUncertaintyFixture {
  z: number;
  fieller: FiellerCase[];
  imputed: { arm: Arm[]; cost: number[][]; effect: number[][]; variances: IncrementVariances; fieller95: FiellerInterval };
  trials: {
    folder: string;
    discountRate: number;
    qaly: { variances: IncrementVariances; fieller95: FiellerInterval };
    employment: { variances: IncrementVariances; fieller95: FiellerInterval };
  }[];
  curves: CurveCase[];
}

const path = new URL('../../../fixtures/analysis/decision-uncertainty.json', import.meta.url).pathname;

export const reference = JSON.parse(readFileSync(path, 'utf8')) as DecisionUncertaintyFixture;

/** The costs and effects of one arm of a case. */
export function armOf(data: { arm: readonly Arm[]; cost: readonly number[]; effect: readonly number[] }, arm: Arm) {
  const rows = data.arm.flatMap((a, i) => (a === arm ? [i] : []));
  return { cost: rows.map((i) => data.cost[i]), effect: rows.map((i) => data.effect[i]) };
}

/** Expects two Fieller intervals to agree: same type, limits to `tolerance` relative. */
export function sameFieller(got: FiellerInterval | undefined, want: FiellerInterval, tolerance: number, expect: (v: unknown) => any): void {
  expect(got?.type).toBe(want.type);
  if (want.limits === null) {
    expect(got?.limits).toBeNull();
    return;
  }
  const limits = got?.limits as [number, number];
  for (const i of [0, 1]) expect(Math.abs(limits[i] - want.limits[i]) / Math.abs(want.limits[i])).toBeLessThan(tolerance);
}
