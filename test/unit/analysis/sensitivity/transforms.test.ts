import { describe, expect, it } from 'vitest';
import type { TrialDataset } from '../../../../analysis/dataset/types';
import { participantCosts } from '../../../../analysis/outcomes/costs';
import { buildParticipantTable } from '../../../../analysis/participant-table';
import { perProtocolSubset } from '../../../../analysis/sensitivity/per-protocol-subset';
import { scaleUnitCosts } from '../../../../analysis/sensitivity/scale-unit-costs';
import { sensitivitySettings } from '../../../../analysis/sensitivity/sensitivity-settings';
import { DAYS_PER_MONTH, monthsInIps, topDownProgramme } from '../../../../analysis/sensitivity/top-down-programme';
import { resolveSettings } from '../../../../analysis/settings';

// Testperson Ett (IPS, withdrawn on day 400) and Testperson Två (control); synthetic ids
const dataset: TrialDataset = {
  participants: [
    { pid: 'T001', arm: 'ips', site: 'TEST', sex: 'female', age_band: '25-29', withdrawn_day: 400 },
    { pid: 'T002', arm: 'control', site: 'TEST', sex: 'male', age_band: '30-39', withdrawn_day: null },
    { pid: 'T003', arm: 'ips', site: 'TEST', sex: null, age_band: null, withdrawn_day: null },
  ],
  assessments: [],
  serviceUse: [
    { pid: 'T001', timepoint: 6, item: 'gp_visit', quantity: 2 },
    { pid: 'T002', timepoint: 18, item: 'inpatient_day', quantity: 3 },
  ],
  employment: [],
  timelogs: [
    { pid: 'T001', day: 10, role: 'ips_specialist', activity: 'participant_meeting', minutes: 90 },
    { pid: 'T001', day: 500, role: 'ips_specialist', activity: 'employer_contact', minutes: 30 },
    { pid: 'T002', day: 20, role: 'municipal_coach', activity: 'participant_meeting', minutes: 60 },
  ],
  unitCosts: [
    { item: 'gp_visit', unit_cost: 1650 },
    { item: 'inpatient_day', unit_cost: 8300 },
    { item: 'staff_hour:ips_specialist', unit_cost: 620 },
    { item: 'staff_hour:municipal_coach', unit_cost: 540 },
  ],
};
const prices = (d: TrialDataset) => new Map(d.unitCosts.map((row) => [row.item, row.unit_cost]));
const costsOf = (d: TrialDataset, pid: string, rate: number) =>
  participantCosts(d.serviceUse.filter((r) => r.pid === pid), d.timelogs.filter((r) => r.pid === pid), prices(d), rate);

describe('analysis/sensitivity transforms', () => {
  it('scales every participant cost (service use and staff time) by exactly 0.8 and 1.2', () => {
    for (const factor of [0.8, 1.2]) {
      const scaled = scaleUnitCosts(dataset, factor);
      for (const pid of ['T001', 'T002']) {
        expect(costsOf(scaled, pid, 0.03).total).toBeCloseTo(factor * costsOf(dataset, pid, 0.03).total, 9);
      }
    }
    expect(dataset.unitCosts[0].unit_cost).toBe(1650); // input untouched
  });

  it('charges placeMonthCost per month in IPS (randomization to day 729 or withdrawal), year 2 discounted, instead of the logged programme time', () => {
    const topDown = topDownProgramme(dataset, 4184, 'ips_specialist');
    expect(topDown.timelogs.some((log) => log.role === 'ips_specialist')).toBe(false);
    const d = 1 / 1.03;
    // T001: days 0–400 → 365 days in year 1, 36 in year 2 (hand computation)
    const t001 = costsOf(topDown, 'T001', 0.03);
    expect(t001.total).toBeCloseTo(2 * 1650 + (4184 * (365 + d * 36)) / DAYS_PER_MONTH, 6);
    // T003: the whole horizon, 730 days = 23.98 months; undiscounted = 4184 × 730 / 30.4375
    expect(costsOf(topDown, 'T003', 0).total).toBeCloseTo(4184 * monthsInIps(null), 6);
    expect(monthsInIps(null)).toBeCloseTo(730 / 30.4375, 12);
    // control: unchanged
    expect(costsOf(topDown, 'T002', 0.03).total).toBe(costsOf(dataset, 'T002', 0.03).total);
  });

  it('keeps IPS participants with a programme contact and control participants without', () => {
    const result = perProtocolSubset(dataset, 'ips_specialist');
    if ('skipped' in result) throw new Error(result.skipped);
    expect(result.dataset.participants.map((p) => p.pid)).toEqual(['T001', 'T002']);
    expect(result.excluded).toBe(1);
    expect(result.dataset.timelogs.every((log) => log.pid !== 'T003')).toBe(true);
  });

  it('analyses per protocol by the arm received after an allocation correction, intention to treat by the arm allocated', () => {
    // T003 was allocated IPS, then corrected to usual care (no programme log); T004 allocated usual care, corrected to IPS (programme logs)
    const corrected: TrialDataset = {
      ...dataset,
      participants: [
        ...dataset.participants.slice(0, 2),
        { ...dataset.participants[2], arm_received: 'control', allocation_corrected: 1 },
        { pid: 'T004', arm: 'control', site: 'TEST', sex: null, age_band: null, withdrawn_day: null, arm_received: 'ips', allocation_corrected: 1 },
      ],
      timelogs: [...dataset.timelogs, { pid: 'T004', day: 30, role: 'ips_specialist', activity: 'participant_meeting', minutes: 45 }],
    };
    const result = perProtocolSubset(corrected, 'ips_specialist');
    if ('skipped' in result) throw new Error(result.skipped);
    const arms = Object.fromEntries(result.dataset.participants.map((p) => [p.pid, p.arm]));
    expect(arms).toEqual({ T001: 'ips', T002: 'control', T003: 'control', T004: 'ips' });
    expect(result.excluded).toBe(0);
    // the main (intention-to-treat) table keeps the allocated arms
    const itt = buildParticipantTable(corrected, () => 1, 0.03);
    expect(Object.fromEntries(itt.map((r) => [r.pid, r.arm]))).toEqual({ T001: 'ips', T002: 'control', T003: 'ips', T004: 'control' });
  });

  it('says why per-protocol cannot run', () => {
    const noLogs = perProtocolSubset({ ...dataset, timelogs: [] }, 'ips_specialist');
    expect(noLogs).toEqual({ skipped: 'no time log of role "ips_specialist", so who received IPS cannot be told' });
    const contaminated = perProtocolSubset(
      { ...dataset, timelogs: [...dataset.timelogs, { pid: 'T002', day: 5, role: 'ips_specialist', activity: 'travel', minutes: 10 }] },
      'ips_specialist',
    );
    expect(contaminated).toEqual({ skipped: 'no control participant was treated as allocated' });
  });

  it('reads the sensitivity settings with defaults and names a bad key', () => {
    const base = resolveSettings(undefined);
    if (!base.ok) throw new Error('settings');
    expect(sensitivitySettings(base.settings).placeMonthCost).toBe(4184);
    expect(() => sensitivitySettings({ ...base.settings, sensitivity: { placeMonthCost: -1 } })).toThrow('sensitivity.placeMonthCost');
    expect(() => sensitivitySettings({ ...base.settings, sensitivity: { budget: 1 } })).toThrow('sensitivity.budget is not a known setting');
  });
});
