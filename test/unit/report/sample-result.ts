/**
 * A small hand-made analysis result for the chart and report tests: the
 * fields of result.ts with round numbers that make each expectation easy to
 * check by eye. Not the output of the pipeline.
 */
import type { AnalysisResult, EffectAnalysis } from '../../../analysis/result';

/** deterministic scatter for the CE plane (no Math.random in fixtures) */
function scatter(count: number, centre: { effect: number; cost: number }, spread: { effect: number; cost: number }) {
  return Array.from({ length: count }, (_, i) => ({
    effect: centre.effect + spread.effect * Math.sin(i * 12.9898),
    cost: centre.cost + spread.cost * Math.cos(i * 78.233),
  }));
}

function effectAnalysis(kind: 'qaly' | 'employment'): EffectAnalysis {
  const qaly = kind === 'qaly';
  const effect = qaly ? 0.045 : 38.5;
  const cost = 21500;
  return {
    analysed: { ips: qaly ? 61 : 70, control: qaly ? 55 : 66 },
    mean: {
      ips: { cost: 151234.5, effect: qaly ? 1.412 : 120.25 },
      control: { cost: 129734.5, effect: qaly ? 1.367 : 81.75 },
    },
    incremental: { cost, effect, ...(qaly ? { effectAdjusted: 0.041 } : {}) },
    icer: cost / effect,
    quadrant: 'NE',
    ci95: { cost: [4100, 39800], effect: qaly ? [-0.012, 0.101] : [12.2, 64.9] },
    sd: { cost: 9000, effect: qaly ? 0.029 : 13.4 },
    ceac: (qaly ? [0, 100000, 250000, 500000, 1000000] : [0, 250, 500, 1000, 2000, 5000]).map((wtp, i) => ({ wtp, probability: Math.min(0.95, 0.01 + 0.2 * i) })),
    netBenefit: (qaly ? [0, 100000, 250000, 500000, 1000000] : [0, 250, 500, 1000, 2000, 5000]).map((wtp) => ({
      wtp,
      inmb: wtp * effect - cost,
      ci95: [wtp * effect - cost - 20000, wtp * effect - cost + 20000],
    })),
    plane: scatter(150, { effect, cost }, { effect: qaly ? 0.05 : 25, cost: 15000 }),
    fieller95: qaly ? { type: 'exclusive', limits: [-2500000, 90000] } : { type: 'bounded', limits: [150, 2100] },
    ...curves(cost, effect, qaly ? 1000000 : 5000),
  };
}

/** a smooth logistic CEAC on 101 λ, its frontier (switching at the ICER) and a hump-shaped EVPI peaking there */
function curves(cost: number, effect: number, largest: number): Pick<EffectAnalysis, 'ceacCurve' | 'ceaf' | 'evpi'> {
  const icer = cost / effect;
  const wtps = Array.from({ length: 101 }, (_, i) => (largest * i) / 100);
  const ceacCurve = wtps.map((wtp) => ({ wtp, probability: 1 / (1 + Math.exp(-(wtp - icer) / (0.3 * icer))) }));
  return {
    ceacCurve,
    ceaf: ceacCurve.map(({ wtp, probability }) =>
      wtp * effect - cost > 0 ? { wtp, optimal: 'ips' as const, probability } : { wtp, optimal: 'control' as const, probability: 1 - probability }),
    evpi: ceacCurve.map(({ wtp, probability }) => ({ wtp, perParticipant: 8000 * probability * (1 - probability) })),
  };
}

export function sampleResult(): AnalysisResult {
  return {
    n: { ips: 100, control: 100 },
    qaly: effectAnalysis('qaly'),
    employment: effectAnalysis('employment'),
    bootstrap: { replicates: 5000, seed: 7 },
    settings: {
      instrument: 'eq5d5l',
      valueSet: 'eq5d5l_SE_Sun2022',
      discountRate: 0.03,
      currency: 'SEK',
      priceYear: 2025,
      missing: 'complete-case',
      imputations: 20,
      bootstrap: { replicates: 5000, seed: 7 },
      wtp: { qaly: [0, 100000, 250000, 500000, 1000000], employmentDay: [0, 250, 500, 1000, 2000, 5000] },
    },
    dataset: { sha256: 'a'.repeat(64) },
    missingPattern: [0, 6, 12, 18, 24].flatMap((timepoint) =>
      (['ips', 'control'] as const).map((arm) => ({
        arm,
        timepoint: timepoint as 0 | 6 | 12 | 18 | 24,
        randomized: 100,
        utility: 100 - timepoint * (arm === 'ips' ? 1 : 1.5),
        serviceUse: 95 - timepoint * (arm === 'ips' ? 1 : 1.5),
        withdrawn: timepoint / 6,
      })),
    ),
    utilitiesOverTime: [0, 6, 12, 18, 24].flatMap((timepoint) =>
      (['ips', 'control'] as const).map((arm) => {
        const mean = 0.7 + (arm === 'ips' && timepoint > 0 ? 0.04 : 0) + timepoint * 0.001;
        return { arm, timepoint: timepoint as 0 | 6 | 12 | 18 | 24, n: 90 - timepoint, mean, ci95: [mean - 0.04, mean + 0.04] as [number, number] };
      }),
    ),
    employmentOverTime: [
      { arm: 'ips', day: 0, proportion: 0 },
      { arm: 'ips', day: 120, proportion: 0.2 },
      { arm: 'ips', day: 400, proportion: 0.45 },
      { arm: 'ips', day: 729, proportion: 0.52 },
      { arm: 'control', day: 0, proportion: 0 },
      { arm: 'control', day: 200, proportion: 0.1 },
      { arm: 'control', day: 729, proportion: 0.27 },
    ],
    costBreakdown: [
      { arm: 'ips', category: 'staff_hour:ips_specialist', meanCost: 38000 },
      { arm: 'ips', category: 'inpatient_day', meanCost: 60000 },
      { arm: 'ips', category: 'psychiatrist_visit', meanCost: 53234.5 },
      { arm: 'control', category: 'staff_hour:municipal_coach', meanCost: 9000 },
      { arm: 'control', category: 'inpatient_day', meanCost: 70000 },
      { arm: 'control', category: 'psychiatrist_visit', meanCost: 50734.5 },
    ],
    sensitivity: [
      { id: 'discount-0', label: 'Discount rate 0 %', effect: 'qaly', analysed: { ips: 61, control: 55 }, incremental: { cost: 22000, effect: 0.046 }, icer: 22000 / 0.046, quadrant: 'NE', ci95: { cost: [4000, 40000], effect: [-0.01, 0.1] } },
      { id: 'unit-costs-minus-20', label: 'Unit costs −20 %', effect: 'employment', analysed: { ips: 70, control: 66 }, incremental: { cost: -3000, effect: 30 }, icer: -100, quadrant: 'SE' },
    ],
    timeToFirstJob: {
      confType: 'log',
      arms: {
        ips: {
          analysed: 8, events: 5, employedAtRandomization: 2, median: 300, medianCi95: [120, null],
          curve: [
            { day: 60, atRisk: 8, events: 1, censored: 0, survival: 0.875, se: 0.1169, ci95: [0.673, 1] },
            { day: 120, atRisk: 7, events: 2, censored: 1, survival: 0.625, se: 0.1712, ci95: [0.365, 1] },
            { day: 300, atRisk: 4, events: 2, censored: 0, survival: 0.3125, se: 0.1771, ci95: [0.103, 0.949] },
            { day: 729, atRisk: 2, events: 0, censored: 2, survival: 0.3125, se: 0.1771, ci95: [0.103, 0.949] },
          ],
        },
        control: {
          analysed: 8, events: 2, employedAtRandomization: 1, median: null, medianCi95: [400, null],
          curve: [
            { day: 200, atRisk: 8, events: 1, censored: 0, survival: 0.875, se: 0.1169, ci95: [0.673, 1] },
            { day: 400, atRisk: 7, events: 1, censored: 1, survival: 0.75, se: 0.1531, ci95: [0.503, 1] },
            { day: 729, atRisk: 5, events: 0, censored: 5, survival: 0.75, se: 0.1531, ci95: [0.503, 1] },
          ],
        },
      },
      logRank: { chiSquare: 2.25, df: 1, p: 0.1336, observed: { ips: 5, control: 2 }, expected: { ips: 3.2, control: 3.8 } },
      hazardRatio: { ties: 'efron', estimate: 2.6, ci95: [0.5, 13.5], logHazardRatio: Math.log(2.6), se: 0.84, p: 0.255, logLikelihood: [-20.5, -19.8] },
    },
    warnings: ['12 participants had <b>no</b> baseline utility'],
    software: { name: 'ips-trial', version: '0.1.0' },
  };
}
