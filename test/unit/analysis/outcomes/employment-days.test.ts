import { describe, expect, it } from 'vitest';
import type { EmploymentRow } from '../../../../analysis/dataset/types';
import { employmentDays } from '../../../../analysis/outcomes/employment-days';

const job = (start_day: number, end_day: number | null, type: EmploymentRow['type'] = 'competitive'): EmploymentRow => ({
  pid: 'T001', type, start_day, end_day, hours_per_week: 20,
});

describe('analysis/outcomes/employment-days', () => {
  it('counts both the start and the end day', () => {
    expect(employmentDays([job(10, 19)], null, 0)).toMatchObject({ yearOne: 10, yearTwo: 0, discounted: 10 });
    expect(employmentDays([job(5, 5)], null, 0).yearOne).toBe(1);
  });
  it('counts overlapping episodes once (union)', () => {
    // 10–19 ∪ 15–24 ∪ 24–30 = 10–30 = 21 days; 40–40 inside 35–45 adds 11
    expect(employmentDays([job(15, 24), job(10, 19), job(24, 30), job(35, 45), job(40, 40)], null, 0).yearOne).toBe(32);
  });
  it('ignores episodes that are not competitive', () => {
    expect(employmentDays([job(0, 99, 'work_trial'), job(0, 99, 'sheltered'), job(0, 99, 'education')], null, 0).yearOne).toBe(0);
  });
  it('runs an ongoing episode to day 729', () => {
    // 700 … 729 = 30 days in year 2
    expect(employmentDays([job(700, null)], null, 0)).toMatchObject({ yearOne: 0, yearTwo: 30 });
  });
  it('splits an episode crossing day 365 and discounts year 2', () => {
    // 360 … 369: 360–364 year 1 (5 days), 365–369 year 2 (5 days)
    const days = employmentDays([job(360, 369)], null, 0.03);
    expect(days.yearOne).toBe(5);
    expect(days.yearTwo).toBe(5);
    expect(days.discounted).toBeCloseTo(5 + 5 / 1.03, 12);
  });
  it('cuts an episode crossing day 729 and one starting before day 0', () => {
    expect(employmentDays([job(720, 800)], null, 0).yearTwo).toBe(10); // 720 … 729
    expect(employmentDays([job(-10, 4)], null, 0).yearOne).toBe(5); // 0 … 4
    expect(employmentDays([job(730, 900)], null, 0)).toMatchObject({ yearOne: 0, yearTwo: 0, firstDay: null });
  });
  it('counts nothing after withdrawal (the withdrawal day itself counts)', () => {
    expect(employmentDays([job(100, null)], 109, 0).yearOne).toBe(10); // 100 … 109
    expect(employmentDays([job(100, 200)], 50, 0).yearOne).toBe(0);
    expect(employmentDays([job(300, null)], 400, 0)).toMatchObject({ yearOne: 65, yearTwo: 36 }); // 300–364, 365–400
  });
  it('counts the whole horizon as 365 + 365 days', () => {
    const days = employmentDays([job(0, null), job(100, 200)], null, 0.05);
    expect(days).toMatchObject({ yearOne: 365, yearTwo: 365, firstDay: 0 });
    expect(days.discounted).toBeCloseTo(365 + 365 / 1.05, 10);
  });
  it('throws on a discount rate ≤ −1', () => expect(() => employmentDays([], null, -1)).toThrow('discount rate greater than -1'));
});
