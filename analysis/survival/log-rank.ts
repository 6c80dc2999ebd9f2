import type { Arm } from '../dataset/types';
import type { LogRankTest } from '../result';
import { normalCdf } from '../stats/normal-cdf';

/** A time and event with the participant's arm. */
export interface ArmTimeEvent {
  arm: Arm;
  time: number;
  event: boolean;
}

/**
 * Log-rank test of two arms, as R's survival::survdiff (rho = 0): at each
 * distinct event day with d events among n at risk (n_ips of them in IPS),
 * E_ips += d·n_ips/n and V += d·(n_ips/n)(1 − n_ips/n)(n − d)/(n − 1);
 * χ² = (O_ips − E_ips)²/V on 1 df, p = P(χ²₁ > χ²) = 2·Φ(−√χ²). Censored
 * participants are at risk on their day. O(n log n).
 *
 * @param data times, events and arms
 * @returns the test, or null when V = 0 (no event, or never both arms at risk at an event)
 * @example logRank([{ arm: 'ips', time: 1, event: true }, { arm: 'control', time: 2, event: true }])?.chiSquare // 1
 */
export function logRank(data: readonly ArmTimeEvent[]): LogRankTest | null {
  const sorted = [...data].sort((a, b) => a.time - b.time);
  let atRisk = sorted.length;
  let atRiskIps = sorted.filter((row) => row.arm === 'ips').length;
  const observed: Record<Arm, number> = { ips: 0, control: 0 };
  let expectedIps = 0;
  let variance = 0;
  for (let i = 0; i < sorted.length;) {
    const day = sorted[i].time;
    let d = 0;
    let dIps = 0;
    let leaving = 0;
    let leavingIps = 0;
    for (; i < sorted.length && sorted[i].time === day; i++) {
      const ips = sorted[i].arm === 'ips';
      leaving++;
      if (ips) leavingIps++;
      if (sorted[i].event) {
        d++;
        if (ips) dIps++;
      }
    }
    if (d > 0) {
      const share = atRiskIps / atRisk;
      expectedIps += d * share;
      if (atRisk > 1) variance += (d * share * (1 - share) * (atRisk - d)) / (atRisk - 1);
      observed.ips += dIps;
      observed.control += d - dIps;
    }
    atRisk -= leaving;
    atRiskIps -= leavingIps;
  }
  if (!(variance > 0)) return null;
  const chiSquare = (observed.ips - expectedIps) ** 2 / variance;
  const total = observed.ips + observed.control;
  return {
    chiSquare,
    df: 1,
    p: 2 * normalCdf(-Math.sqrt(chiSquare)),
    observed,
    expected: { ips: expectedIps, control: total - expectedIps },
  };
}
