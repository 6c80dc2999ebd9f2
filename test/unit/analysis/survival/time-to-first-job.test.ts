import { describe, expect, it } from 'vitest';
import type { EmploymentRow, ParticipantRow } from '../../../../analysis/dataset/types';
import { coxEfron } from '../../../../analysis/survival/cox-efron';
import { kaplanMeier } from '../../../../analysis/survival/kaplan-meier';
import { logRank } from '../../../../analysis/survival/log-rank';
import { timesToFirstJob } from '../../../../analysis/survival/time-to-first-job';

const person = (pid: string, withdrawn_day: number | null = null, arm: 'ips' | 'control' = 'ips'): ParticipantRow =>
  ({ pid, arm, site: 'SITE-A', sex: null, age_band: null, withdrawn_day });
const job = (pid: string, start_day: number, end_day: number | null = null, type: EmploymentRow['type'] = 'competitive'): EmploymentRow =>
  ({ pid, type, start_day, end_day, hours_per_week: null });

describe('analysis/survival/time-to-first-job', () => {
  it('takes the earliest competitive start on days 0 … min(729, withdrawal), else censors there', () => {
    const { times, employedAtRandomization } = timesToFirstJob(
      [person('a'), person('b', 100), person('c', 100), person('d'), person('e'), person('f', 0), person('g')],
      [
        job('a', 300), job('a', 120, 200), job('a', 50, null, 'work_trial'), // first competitive start: 120
        job('b', 100), // on the withdrawal day: counts
        job('c', 101), // after withdrawal: censored on day 100
        job('d', 730), // after the horizon: censored on day 729
        job('e', 0), // on the day of randomization
        job('g', -300, -1), job('g', 10, null, 'sheltered'), // a job that ended before randomization; other types never count
      ],
    );
    expect(times.map(({ pid, time, event }) => [pid, time, event])).toEqual([
      ['a', 120, true], ['b', 100, true], ['c', 100, false], ['d', 729, false], ['e', 0, true], ['f', 0, false], ['g', 729, false],
    ]);
    expect(employedAtRandomization).toEqual({ ips: 0, control: 0 });
  });

  it('leaves out, per arm, those in a competitive job at randomization (started before day 0, not ended before it)', () => {
    const { times, employedAtRandomization } = timesToFirstJob(
      [person('a'), person('b', null, 'control'), person('c', null, 'control'), person('d')],
      [job('a', -20), job('a', 40), job('b', -20, 0), job('c', -20, -1), job('c', 60), job('d', -5, 10, 'education')],
    );
    expect(times.map((t) => t.pid)).toEqual(['c', 'd']);
    expect(times[0]).toEqual({ pid: 'c', arm: 'control', time: 60, event: true });
    expect(employedAtRandomization).toEqual({ ips: 1, control: 1 });
  });
});

describe('analysis/survival edge cases', () => {
  it('an empty arm has an empty curve and no median', () => {
    expect(kaplanMeier([])).toMatchObject({ n: 0, events: 0, curve: [], median: null, medianCi95: [null, null] });
  });

  it('no events: the curve stays at 1 with a degenerate interval; no log-rank test, no hazard ratio', () => {
    const data = [{ arm: 'ips' as const, time: 10, event: false }, { arm: 'control' as const, time: 20, event: false }];
    expect(kaplanMeier(data).curve.map((s) => [s.survival, s.ci95])).toEqual([[1, [1, 1]], [1, [1, 1]]]);
    expect(logRank(data)).toBeNull();
    expect(coxEfron(data)).toBeNull();
  });

  it('no hazard ratio when every IPS job comes after the last usual-care participant left (only the usual-care job is informative: the likelihood rises towards β = −∞)', () => {
    const data = [
      { arm: 'control' as const, time: 1, event: true }, { arm: 'control' as const, time: 2, event: false },
      { arm: 'ips' as const, time: 1, event: false }, { arm: 'ips' as const, time: 5, event: true }, { arm: 'ips' as const, time: 6, event: true },
    ];
    // the score's limits: U(+∞) = Σ (d₁ − d·[n₁ > 0]) = −1 < 0, U(−∞) = Σ (d₁ − d·[n₀ = 0]) = 2 − 2 = 0: U < 0 everywhere, no finite maximum
    expect(coxEfron(data)).toBeNull();
    // with one more usual-care participant at risk at day 5 the maximum exists
    expect(coxEfron([...data, { arm: 'control', time: 5, event: false }])).not.toBeNull();
  });
});
