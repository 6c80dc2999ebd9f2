import { describe, expect, it } from 'vitest';
import { prepCePlane } from '../../../analysis/charts/prep-ce-plane';
import { prepCeac, prepNetBenefit } from '../../../analysis/charts/prep-ceac';
import { costCategoryLabel, prepCostBreakdown } from '../../../analysis/charts/prep-cost-breakdown';
import { prepMissingPattern } from '../../../analysis/charts/prep-missing-pattern';
import { prepEmployment, prepUtilities } from '../../../analysis/charts/prep-over-time';
import { sampleResult } from '../report/sample-result';

describe('analysis/charts/prep-ce-plane', () => {
  const analysis = sampleResult().qaly;
  analysis.incremental = { cost: 1000, effect: 0.01 };
  analysis.plane = [
    { effect: 0.02, cost: -3000 },
    { effect: -0.05, cost: 500 },
  ];

  it('spans a plane symmetric about zero, 10 % beyond the largest value', () => {
    const rows = prepCePlane(analysis, 100000);
    expect(rows.effectLimit).toBeCloseTo(0.055, 12);
    expect(rows.costLimit).toBeCloseTo(3300, 9);
    expect(rows.estimate).toEqual({ effect: 0.01, cost: 1000 });
    expect(rows.replicates).toHaveLength(2);
  });

  it('cuts the WTP line through the origin where it leaves the plane', () => {
    const rows = prepCePlane(analysis, 100000);
    // cost = 100,000 × effect reaches the cost limit 3,300 at effect 0.033 < 0.055
    expect(rows.wtpLine[1].effect).toBeCloseTo(0.033, 12);
    expect(rows.wtpLine[1].cost).toBeCloseTo(3300, 6);
    expect(rows.wtpLine[0].effect).toBeCloseTo(-0.033, 12);
    const flat = prepCePlane(analysis, 0);
    expect(flat.wtpLine.map((p) => p.cost)).toEqual([-0, 0]);
    expect(flat.wtpLine[1].effect).toBeCloseTo(0.055, 12);
  });

  it('labels the four quadrants in the right corners', () => {
    const rows = prepCePlane(analysis, 1000);
    const se = rows.quadrantLabels.find((l) => l.label.includes('dominates'))!;
    expect(se.effect).toBeGreaterThan(0);
    expect(se.cost).toBeLessThan(0);
    const nw = rows.quadrantLabels.find((l) => l.label.includes('is dominated'))!;
    expect(nw.effect).toBeLessThan(0);
    expect(nw.cost).toBeGreaterThan(0);
  });

  it('draws an empty plane of unit size when there are no replicates and no differences', () => {
    analysis.plane = undefined;
    analysis.incremental = { cost: 0, effect: 0 };
    const rows = prepCePlane(analysis, 5);
    expect(rows.effectLimit).toBe(1);
    expect(rows.costLimit).toBe(1);
    expect(rows.replicates).toEqual([]);
  });
});

describe('analysis/charts/prep-ceac', () => {
  it('sorts the CEAC and INMB rows by willingness to pay and flattens the interval', () => {
    const analysis = sampleResult().qaly;
    analysis.ceac = [{ wtp: 500, probability: 0.7 }, { wtp: 0, probability: 0.2 }];
    analysis.netBenefit = [{ wtp: 500, inmb: 10, ci95: [-5, 25] }, { wtp: 0, inmb: -3, ci95: [-9, 1] }];
    expect(prepCeac(analysis)).toEqual([{ wtp: 0, probability: 0.2 }, { wtp: 500, probability: 0.7 }]);
    expect(prepNetBenefit(analysis)).toEqual([
      { wtp: 0, inmb: -3, lower: -9, upper: 1 },
      { wtp: 500, inmb: 10, lower: -5, upper: 25 },
    ]);
    delete analysis.netBenefit;
    expect(prepNetBenefit(analysis)).toEqual([]);
  });
});

describe('analysis/charts/prep-over-time', () => {
  it('leaves out timepoints without a mean and nudges the arms apart', () => {
    const rows = prepUtilities([
      { arm: 'control', timepoint: 6, n: 10, mean: 0.7, ci95: [0.6, 0.8] },
      { arm: 'ips', timepoint: 6, n: 12, mean: 0.75, ci95: null },
      { arm: 'ips', timepoint: 12, n: 0, mean: null, ci95: null },
    ]);
    expect(rows).toEqual([
      { arm: 'IPS', timepoint: 6, month: 5.8, mean: 0.75, lower: null, upper: null, n: 12 },
      { arm: 'Usual care', timepoint: 6, month: 6.2, mean: 0.7, lower: 0.6, upper: 0.8, n: 10 },
    ]);
  });

  it('starts each employment step line at day 0', () => {
    const rows = prepEmployment([
      { arm: 'control', day: 100, proportion: 0.1 },
      { arm: 'ips', day: 0, proportion: 0 },
      { arm: 'ips', day: 50, proportion: 0.2 },
    ]);
    expect(rows).toEqual([
      { arm: 'IPS', day: 0, proportion: 0 },
      { arm: 'IPS', day: 50, proportion: 0.2 },
      { arm: 'Usual care', day: 0, proportion: 0 },
      { arm: 'Usual care', day: 100, proportion: 0.1 },
    ]);
  });
});

describe('analysis/charts/prep-cost-breakdown', () => {
  it('names known categories, humanizes unknown ones, and sorts the largest first', () => {
    expect(costCategoryLabel('staff_hour:ips_specialist')).toBe('IPS specialist time');
    expect(costCategoryLabel('staff_hour:job_coach')).toBe('Staff time: job coach');
    expect(costCategoryLabel('home_help_hour')).toBe('Home help hour');
    expect(
      prepCostBreakdown([
        { arm: 'control', category: 'gp_visit', meanCost: 5 },
        { arm: 'ips', category: 'gp_visit', meanCost: 4 },
        { arm: 'ips', category: 'inpatient_day', meanCost: 100 },
      ]),
    ).toEqual([
      { arm: 'IPS', category: 'Inpatient days', meanCost: 100 },
      { arm: 'IPS', category: 'GP visits', meanCost: 4 },
      { arm: 'Usual care', category: 'GP visits', meanCost: 5 },
    ]);
  });
});

describe('analysis/charts/prep-missing-pattern', () => {
  it('gives the share with a utility and with service use per arm and timepoint', () => {
    const rows = prepMissingPattern([
      { arm: 'control', timepoint: 0, randomized: 4, utility: 3, serviceUse: 4, withdrawn: 0 },
      { arm: 'ips', timepoint: 6, randomized: 0, utility: 0, serviceUse: 0, withdrawn: 0 },
    ]);
    expect(rows.map((r) => [r.row, r.timepoint, r.share])).toEqual([
      ['IPS · utility', '6 months', 0],
      ['IPS · service use', '6 months', 0],
      ['Usual care · utility', '0 months', 0.75],
      ['Usual care · service use', '0 months', 1],
    ]);
  });
});
