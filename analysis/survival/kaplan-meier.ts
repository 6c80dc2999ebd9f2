import type { Interval, KaplanMeierStep } from '../result';

/** Times and events: `time` the day of the event or censoring, `event` true for an event. */
export interface TimeEvent {
  time: number;
  event: boolean;
}

/** How the pointwise interval is formed: R's survfit conf.type "log" (its default) or "log-log". */
export type ConfidenceType = 'log' | 'log-log';

/** qnorm(0.975) */
export const Z_975 = 1.959963984540054;

export interface KaplanMeierFit {
  n: number;
  events: number;
  curve: KaplanMeierStep[];
  /** √(Σ d/(n(n − d))): survfit's std.err (of −log S), Infinity once survival is 0 */
  cumulativeHazardSe: number[];
  median: number | null;
  medianCi95: [number | null, number | null];
}

/**
 * Kaplan–Meier estimate with Greenwood's variance, as R's survival::survfit
 * (Surv(time, event) ~ 1): one row per distinct time with an event or a
 * censoring; participants censored on a day are at risk on that day (events
 * come first). The standard error of −log S is √(Σ d/(n(n − d))) (Infinity
 * once n = d); the Greenwood SE of S is S times it. The 95 % interval is
 * S·exp(∓z·se) with the upper end capped at 1 ("log") or
 * exp(−exp(log(−log S) ∓ z·se/log S)) ("log-log", undefined where S is 0 or
 * 1); z = qnorm(0.975). The median and its interval follow print.survfit
 * (survmean): the first time the curve (the lower, the upper interval
 * curve) is below 0.5 + √ε; when it is 0.5 there (within √ε) and the curve
 * drops later, the midpoint of that time and the time of the next drop.
 * O(n log n).
 *
 * @param data times and events (days)
 * @param confType interval type (default "log", survfit's default)
 * @returns the curve, the median and its interval
 * @example kaplanMeier([{ time: 1, event: true }, { time: 2, event: false }]).curve[0].survival // 0.5
 */
export function kaplanMeier(data: readonly TimeEvent[], confType: ConfidenceType = 'log'): KaplanMeierFit {
  const sorted = [...data].sort((a, b) => a.time - b.time);
  const curve: KaplanMeierStep[] = [];
  const cumulativeHazardSe: number[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let greenwood = 0;
  let events = 0;
  for (let i = 0; i < sorted.length;) {
    const day = sorted[i].time;
    let d = 0;
    let c = 0;
    for (; i < sorted.length && sorted[i].time === day; i++) {
      if (sorted[i].event) d++;
      else c++;
    }
    if (d > 0) {
      survival *= (atRisk - d) / atRisk;
      greenwood = atRisk === d ? Infinity : greenwood + d / (atRisk * (atRisk - d));
    }
    const stdErr = Math.sqrt(greenwood);
    curve.push({
      day,
      atRisk,
      events: d,
      censored: c,
      survival,
      se: survival === 0 ? null : survival * stdErr,
      ci95: interval(survival, stdErr, confType),
    });
    cumulativeHazardSe.push(stdErr);
    events += d;
    atRisk -= d + c;
  }
  const days = curve.map((step) => step.day);
  return {
    n: sorted.length,
    events,
    curve,
    cumulativeHazardSe,
    median: firstBelowHalf(curve.map((step) => step.survival), days),
    medianCi95: [
      firstBelowHalf(curve.map((step) => step.ci95?.[0] ?? null), days),
      firstBelowHalf(curve.map((step) => step.ci95?.[1] ?? null), days),
    ],
  };
}

function interval(survival: number, stdErr: number, confType: ConfidenceType): Interval | null {
  if (survival === 0) return null;
  if (confType === 'log') {
    const logS = Math.log(survival);
    return [Math.exp(logS - Z_975 * stdErr), Math.min(1, Math.exp(logS + Z_975 * stdErr))];
  }
  if (survival === 1) return null;
  const logS = Math.log(survival);
  const shift = (Z_975 * stdErr) / logS;
  const centre = Math.log(-logS);
  return [Math.exp(-Math.exp(centre - shift)), Math.exp(-Math.exp(centre + shift))];
}

const TOLERANCE = Math.sqrt(2.220446049250313e-16);

/** survmean's minmin: the first time y < 0.5 (+ √ε), the midpoint with the next drop when y is 0.5 there; null when never. */
function firstBelowHalf(values: readonly (number | null)[], days: readonly number[]): number | null {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const y = values[i];
    if (y !== null && y < 0.5 + TOLERANCE) kept.push(i);
  }
  if (kept.length === 0) return null;
  const first = kept[0];
  const y1 = values[first] as number;
  if (Math.abs(y1 - 0.5) < TOLERANCE) {
    const next = kept.find((i) => (values[i] as number) < y1);
    if (next !== undefined) return (days[first] + days[next]) / 2;
  }
  return days[first];
}
