import { describe, expect, it } from 'vitest';
import { latestPlausibleDate, notBefore, notInFuture, workingAgeBirthYear } from '../../../server/services/date-plausibility';

describe('server/services/date-plausibility', () => {
  it('takes today as the date in the time zone furthest ahead (UTC+14)', () => {
    expect(latestPlausibleDate(new Date('2026-06-30T09:59:59Z'))).toBe('2026-06-30');
    expect(latestPlausibleDate(new Date('2026-06-30T10:00:00Z'))).toBe('2026-07-01');
  });

  it('refuses a date after that today and before 1900, naming the limit', () => {
    const now = new Date('2026-06-30T12:00:00Z');
    expect(notInFuture('x', '2026-07-01', now)).toBeNull();
    expect(notInFuture('x', '2026-07-02', now)).toMatchObject({ field: 'x', code: 'in_future', limit: '2026-07-01' });
    expect(notInFuture('x', '9999-12-31', now)).toMatchObject({ code: 'in_future' });
    expect(notInFuture('x', '0026-03-01', now)).toMatchObject({ code: 'before_floor', limit: '1900-01-01' });
  });

  it('refuses a date before the event it follows, the same day being fine', () => {
    expect(notBefore('consent_date', '2026-03-01', '2026-03-01', 'before_referral', 'referral')).toBeNull();
    expect(notBefore('consent_date', '2026-02-28', '2026-03-01', 'before_referral', 'referral')).toMatchObject({ field: 'consent_date', limit: '2026-03-01', code: 'before_referral' });
    expect(notBefore('consent_date', '2026-02-28', null, 'before_referral', 'referral')).toBeNull();
  });

  it('takes birth years of people aged 15 to 70 in the year of the questionnaire', () => {
    expect(workingAgeBirthYear('birth_year', 2011, '2026-05-01')).toBeNull();
    expect(workingAgeBirthYear('birth_year', 1956, '2026-05-01')).toBeNull();
    expect(workingAgeBirthYear('birth_year', 2012, '2026-05-01')).toMatchObject({ code: 'outside_working_age', limit: '2011' });
    expect(workingAgeBirthYear('birth_year', 1955, '2026-05-01')).toMatchObject({ code: 'outside_working_age', limit: '1956' });
  });
});
