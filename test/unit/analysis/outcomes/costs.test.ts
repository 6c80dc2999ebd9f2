import { describe, expect, it } from 'vitest';
import { participantCosts } from '../../../../analysis/outcomes/costs';

const prices = new Map([['gp_visit', 100], ['inpatient_day', 5000], ['staff_hour:ips_specialist', 600]]);
const use = (timepoint: 0 | 6 | 12 | 18 | 24, item: string, quantity: number) => ({ pid: 'T001', timepoint, item, quantity });
const log = (day: number, minutes: number) => ({ pid: 'T001', day, role: 'ips_specialist', activity: 'participant_meeting', minutes });

describe('analysis/outcomes/costs', () => {
  it('prices service use, year 1 at 6/12 and year 2 at 18/24 discounted', () => {
    const costs = participantCosts([use(6, 'gp_visit', 2), use(12, 'inpatient_day', 1), use(18, 'gp_visit', 3), use(24, 'inpatient_day', 0.5)], [], prices, 0.03);
    expect(costs.serviceUseByPeriod).toEqual([200, 5000, 300, 2500]);
    expect(costs.total).toBeCloseTo(200 + 5000 + (300 + 2500) / 1.03, 9);
  });
  it('keeps timepoint-0 service use as a baseline covariate, not a cost', () => {
    const costs = participantCosts([use(0, 'inpatient_day', 3)], [], prices, 0.03);
    expect(costs.baselineServiceUse).toBe(15000);
    expect(costs.total).toBe(0);
  });
  it('prices staff minutes / 60 × hourly cost by the day of the log, ignoring days outside 0–729', () => {
    const costs = participantCosts([], [log(0, 30), log(364, 60), log(365, 90), log(729, 60), log(-1, 600), log(730, 600)], prices, 0.05);
    expect(costs.staffYearOne).toBeCloseTo(300 + 600, 9);
    expect(costs.staffYearTwo).toBeCloseTo(900 + 600, 9);
    expect(costs.total).toBeCloseTo(900 + 1500 / 1.05, 9);
  });
  it('breaks the discounted cost down by item and staff role, summing to the total', () => {
    const costs = participantCosts([use(6, 'gp_visit', 1), use(18, 'gp_visit', 1)], [log(400, 60)], prices, 0.03);
    expect(costs.byCategory.get('gp_visit')).toBeCloseTo(100 + 100 / 1.03, 9);
    expect(costs.byCategory.get('staff_hour:ips_specialist')).toBeCloseTo(600 / 1.03, 9);
    expect([...costs.byCategory.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(costs.total, 9);
  });
  it('throws for an item without a unit cost', () => {
    expect(() => participantCosts([use(6, 'taxi', 1)], [], prices, 0.03)).toThrow('no unit cost for "taxi"');
  });
});
