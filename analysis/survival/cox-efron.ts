import type { HazardRatio } from '../result';
import { normalCdf } from '../stats/normal-cdf';
import { Z_975 } from './kaplan-meier';
import type { ArmTimeEvent } from './log-rank';

/** Counts of one event day: at risk and events, by arm (x = 1 for IPS). */
interface RiskSet {
  atRisk: [number, number];
  events: [number, number];
}

/**
 * Cox proportional-hazards model with the one covariate x = 1 for IPS, 0
 * for usual care, Efron's approximation for tied event days (R's
 * survival::coxph default, ties = "efron"). At each event day with d events
 * (d₀, d₁ by arm) and risk sets n₀, n₁, for k = 0 … d − 1:
 * A_k = (n₀ − k/d·d₀) + (n₁ − k/d·d₁)·e^β; the partial log-likelihood is
 * Σ β·d₁ − Σ_k log A_k, the score Σ d₁ − Σ_k a_k/A_k and the information
 * Σ_k a_k(A_k − a_k)/A_k² with a_k = (n₁ − k/d·d₁)·e^β. Newton–Raphson from
 * β = 0 with step halving (the log-likelihood is concave) until the Newton
 * step is below 1e-13. The maximum is finite exactly when the score's limits have
 * opposite signs: U(+∞) = Σ (d₁ − d·[n₁ > 0]) < 0 < U(−∞) = Σ (d₁ − d·[n₀ = 0]);
 * otherwise (e.g. an arm without an event) there is no estimate — coxph then
 * warns that the coefficient may be infinite and reports a meaningless large
 * one. Wald interval exp(β ± z·se), se = 1/√I(β̂). O(n log n + iterations ×
 * event days).
 *
 * @param data times, events and arms
 * @returns the hazard ratio IPS : usual care, or null when the partial likelihood has no finite maximum
 * @example coxEfron(data)?.estimate // hazard of a first job in IPS relative to usual care
 */
export function coxEfron(data: readonly ArmTimeEvent[]): HazardRatio | null {
  const sets = riskSets(data);
  let limitPlus = 0;
  let limitMinus = 0;
  for (const { atRisk, events } of sets) {
    const d = events[0] + events[1];
    limitPlus += events[1] - (atRisk[1] > 0 ? d : 0);
    limitMinus += events[1] - (atRisk[0] === 0 ? d : 0);
  }
  if (!(limitPlus < 0 && limitMinus > 0)) return null;
  let beta = 0;
  let current = partial(sets, beta);
  const atZero = current.logLikelihood;
  for (let iteration = 0; iteration < 100; iteration++) {
    let step = current.score / current.information;
    if (Math.abs(step) < 1e-13) break;
    // halve only on a real decrease: next to the maximum the log-likelihood is flat to rounding
    const floor = current.logLikelihood - 1e-12 * (1 + Math.abs(current.logLikelihood));
    let next = partial(sets, beta + step);
    for (let halving = 0; halving < 60 && next.logLikelihood < floor; halving++) {
      step /= 2;
      next = partial(sets, beta + step);
    }
    beta += step;
    current = next;
  }
  const se = 1 / Math.sqrt(current.information);
  return {
    ties: 'efron',
    estimate: Math.exp(beta),
    ci95: [Math.exp(beta - Z_975 * se), Math.exp(beta + Z_975 * se)],
    logHazardRatio: beta,
    se,
    p: 2 * normalCdf(-Math.abs(beta / se)),
    logLikelihood: [atZero, current.logLikelihood],
  };
}

function riskSets(data: readonly ArmTimeEvent[]): RiskSet[] {
  const sorted = [...data].sort((a, b) => a.time - b.time);
  const atRisk: [number, number] = [0, 0];
  for (const row of sorted) atRisk[row.arm === 'ips' ? 1 : 0]++;
  const sets: RiskSet[] = [];
  for (let i = 0; i < sorted.length;) {
    const day = sorted[i].time;
    const events: [number, number] = [0, 0];
    const leaving: [number, number] = [0, 0];
    for (; i < sorted.length && sorted[i].time === day; i++) {
      const x = sorted[i].arm === 'ips' ? 1 : 0;
      leaving[x]++;
      if (sorted[i].event) events[x]++;
    }
    if (events[0] + events[1] > 0) sets.push({ atRisk: [atRisk[0], atRisk[1]], events });
    atRisk[0] -= leaving[0];
    atRisk[1] -= leaving[1];
  }
  return sets;
}

function partial(sets: readonly RiskSet[], beta: number) {
  const risk = Math.exp(beta);
  let logLikelihood = 0;
  let score = 0;
  let information = 0;
  for (const { atRisk, events } of sets) {
    const d = events[0] + events[1];
    logLikelihood += beta * events[1];
    score += events[1];
    for (let k = 0; k < d; k++) {
      const f = k / d;
      const a0 = atRisk[0] - f * events[0];
      const a1 = (atRisk[1] - f * events[1]) * risk;
      const total = a0 + a1;
      logLikelihood -= Math.log(total);
      score -= a1 / total;
      information += (a1 * a0) / (total * total);
    }
  }
  return { logLikelihood, score, information };
}
