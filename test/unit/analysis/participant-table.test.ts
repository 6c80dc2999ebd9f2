import { describe, expect, it } from 'vitest';
import { buildParticipantTable } from '../../../analysis/participant-table';
import { tinyScore, tinyTrial } from './helpers/tiny-trial';

describe('analysis/participant-table', () => {
  const dataset = tinyTrial([
    { arm: 'ips', level: 2, visits: 3, days: 400 },
    { arm: 'control', level: null, visits: 0, days: 0, suComplete: false },
  ]);
  dataset.serviceUse.push({ pid: 'T001', timepoint: 0, item: 'gp_visit', quantity: 4 });
  const table = buildParticipantTable(dataset, tinyScore, 0.03);

  it('keeps the order of participants.csv and their arms', () => {
    expect(table.map((r) => [r.pid, r.arm])).toEqual([['T001', 'ips'], ['T002', 'control']]);
  });
  it('holds utilities, QALYs, costs by period, baseline cost and employment days', () => {
    const [first] = table;
    expect(first.u).toEqual([0.9, 0.9, 0.9, 0.9, 0.9]);
    expect(first.qaly).toBeCloseTo(0.9 + 0.9 / 1.03, 12);
    expect(first.serviceUseCost).toEqual([300, 0, 0, 0]);
    expect(first.baselineCost).toBe(400);
    expect(first.cost).toBe(300);
    // days 0–399: 365 in year 1, 35 in year 2
    expect(first.employmentDays).toBeCloseTo(365 + 35 / 1.03, 10);
    expect(first.firstEmploymentDay).toBe(0);
  });
  it('marks missing utilities and incomplete service-use periods as null', () => {
    const second = table[1];
    expect(second.u).toEqual([null, null, null, null, null]);
    expect(second.qaly).toBeNull();
    expect(second.serviceUseCost).toEqual([null, null, null, null]);
    expect(second.baselineCost).toBeNull();
    expect(second.suComplete).toEqual([false, false, false, false, false]);
  });
});
