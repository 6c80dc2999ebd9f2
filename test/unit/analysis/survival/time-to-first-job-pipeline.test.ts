import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../../../analysis/pipeline';
import { messages } from '../../../../analysis/messages';
import { tinyScore, tinySettings, tinyTrial } from '../helpers/tiny-trial';

/** 6 per arm, no employment from the helper; jobs added by hand below */
function trial() {
  const dataset = tinyTrial(Array.from({ length: 12 }, (_, i) => ({ arm: i < 6 ? 'ips' as const : 'control' as const, level: 1 + (i % 3), visits: i, days: 0 })));
  const job = (pid: string, start_day: number, wage_subsidy: 0 | 1 | null = null) =>
    dataset.employment.push({ pid, type: 'competitive', start_day, end_day: null, hours_per_week: 20, wage_subsidy });
  job('T001', 30); job('T002', 90, 1); job('T003', 90); job('T004', -10); // T004: in a job at randomization
  job('T007', 200, 1); job('T008', 400);
  dataset.participants[4].withdrawn_day = 50; // T005 withdrawn, censored on day 50
  return dataset;
}

describe('analyzeTrial: timeToFirstJob', () => {
  it('is in the result, follows the regular-employment setting and leaves out those employed at randomization', () => {
    const counted = analyzeTrial(trial(), tinySettings(), { scoreUtility: tinyScore, sensitivity: false }).timeToFirstJob;
    expect(counted?.arms.ips).toMatchObject({ analysed: 5, events: 3, employedAtRandomization: 1 });
    expect(counted?.arms.control).toMatchObject({ analysed: 6, events: 2, employedAtRandomization: 0 });
    expect(counted?.arms.ips.curve.map((s) => [s.day, s.atRisk, s.events, s.censored])).toEqual([[30, 5, 1, 0], [50, 4, 0, 1], [90, 3, 2, 0], [729, 1, 0, 1]]);
    expect(counted?.arms.ips.median).toBe(90);
    expect(counted?.hazardRatio?.ties).toBe('efron');
    expect(counted?.logRank?.observed).toEqual({ ips: 3, control: 2 });

    const without = analyzeTrial(trial(), tinySettings({ employment: { countWageSubsidised: false } }), { scoreUtility: tinyScore, sensitivity: false }).timeToFirstJob;
    expect(without?.arms.ips.events).toBe(2);
    expect(without?.arms.control.events).toBe(1);
  });

  it('warns instead of reporting a hazard ratio when usual care has no first job', () => {
    const dataset = trial();
    dataset.employment = dataset.employment.filter((e) => !['T007', 'T008'].includes(e.pid));
    const result = analyzeTrial(dataset, tinySettings(), { scoreUtility: tinyScore, sensitivity: false });
    expect(result.timeToFirstJob?.hazardRatio).toBeNull();
    expect(result.timeToFirstJob?.logRank).not.toBeNull();
    expect(result.warnings).toContain(messages.hazardRatioUnavailable(3, 0));
  });
});
