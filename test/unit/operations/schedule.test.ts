import { describe, expect, it } from 'vitest';
import { addCalendarMonths, addDays, daysBetween } from '../../../server/schedule/calendar';
import { assessmentSchedule, assessmentState, type AssessmentFacts } from '../../../server/schedule/assessment-state';

describe('server/schedule/calendar', () => {
  it('clamps month ends instead of spilling into the next month', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addCalendarMonths('2028-02-29', 24)).toBe('2030-02-28');
    expect(addCalendarMonths('2026-03-31', 18)).toBe('2027-09-30');
  });

  it('counts every timepoint from the randomization date, so month ends do not drift', () => {
    expect(assessmentSchedule('2027-01-31').map((a) => a.targetDate)).toEqual(['2027-01-31', '2027-07-31', '2028-01-31', '2028-07-31', '2029-01-31']);
  });

  it('adds days across leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
  });
});

describe('server/schedule/assessment-state', () => {
  const [, sixMonths] = assessmentSchedule('2027-01-15');
  const facts: AssessmentFacts = { ...sixMonths, completed: false, withdrawnOn: null };

  it('uses a −14/+28 day window by default', () => {
    expect(sixMonths).toEqual({ timepoint: 6, targetDate: '2027-07-15', windowStart: '2027-07-01', windowEnd: '2027-08-12' });
  });

  it('changes state exactly at the window edges', () => {
    expect(assessmentState(facts, '2027-06-30')).toBe('upcoming');
    expect(assessmentState(facts, '2027-07-01')).toBe('open');
    expect(assessmentState(facts, '2027-07-15')).toBe('open');
    expect(assessmentState(facts, '2027-07-16')).toBe('overdue');
    expect(assessmentState(facts, '2027-08-12')).toBe('overdue');
    expect(assessmentState(facts, '2027-08-13')).toBe('missed');
  });

  it('is completed once a complete response exists, whenever that was', () => {
    expect(assessmentState({ ...facts, completed: true }, '2027-06-01')).toBe('completed');
    expect(assessmentState({ ...facts, completed: true }, '2030-01-01')).toBe('completed');
  });

  it('marks assessments after a withdrawal as withdrawn and keeps earlier missed ones missed', () => {
    expect(assessmentState({ ...facts, withdrawnOn: '2027-07-20' }, '2027-07-25')).toBe('withdrawn');
    expect(assessmentState({ ...facts, withdrawnOn: '2027-08-12' }, '2027-09-01')).toBe('withdrawn');
    expect(assessmentState({ ...facts, withdrawnOn: '2027-08-13' }, '2027-09-01')).toBe('missed');
    expect(assessmentState({ ...facts, withdrawnOn: '2027-03-01' }, '2027-05-01')).toBe('withdrawn');
    expect(assessmentState({ ...facts, withdrawnOn: '2027-07-20' }, '2027-07-18')).toBe('overdue');
  });

  it('honours a study-specific window', () => {
    const [baseline] = assessmentSchedule('2028-03-01', { daysBefore: 0, daysAfter: 7 });
    expect(baseline.windowStart).toBe('2028-03-01');
    expect(baseline.windowEnd).toBe('2028-03-08');
    const twelve = assessmentSchedule('2027-02-28', { daysBefore: 14, daysAfter: 28 })[2];
    expect(twelve.targetDate).toBe('2028-02-28');
    expect(twelve.windowStart).toBe('2028-02-14');
    expect(twelve.windowEnd).toBe('2028-03-27');
  });
});
