/**
 * THE definition of an assessment's state, used by every list, report,
 * reminder and page. Nothing else in the code base decides whether an
 * assessment is due.
 *
 * With window [target − before, target + after] (both ends inclusive, whole
 * calendar days) and `today`:
 *   completed  a complete response exists (whenever it was made)
 *   withdrawn  not completed, and the participant withdrew on or before the
 *              last day of the window
 *   upcoming   today is before the window opens
 *   open       the window is open and the target date has not passed
 *   overdue    the target date has passed but the window is still open
 *   missed     the window has closed without a complete response
 */
import { addCalendarMonths, addDays, type IsoDate } from './calendar';

export const TIMEPOINTS = [0, 6, 12, 18, 24] as const;
export type Timepoint = (typeof TIMEPOINTS)[number];

export type AssessmentState = 'upcoming' | 'open' | 'overdue' | 'completed' | 'missed' | 'withdrawn';

export interface AssessmentWindow {
  /** Days before the target date that the window opens (default 14). */
  daysBefore: number;
  /** Days after the target date that the window closes (default 28). */
  daysAfter: number;
}

export const DEFAULT_WINDOW: AssessmentWindow = { daysBefore: 14, daysAfter: 28 };

export interface ScheduledAssessment {
  timepoint: Timepoint;
  targetDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
}

export interface AssessmentFacts {
  targetDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  completed: boolean;
  withdrawnOn: IsoDate | null;
}

/** The five assessments created at randomization. */
export function assessmentSchedule(randomizedOn: IsoDate, window: AssessmentWindow = DEFAULT_WINDOW): ScheduledAssessment[] {
  if (window.daysBefore < 0 || window.daysAfter < 0) throw new Error('window days must not be negative');
  return TIMEPOINTS.map((timepoint) => {
    const targetDate = addCalendarMonths(randomizedOn, timepoint);
    return {
      timepoint,
      targetDate,
      windowStart: addDays(targetDate, -window.daysBefore),
      windowEnd: addDays(targetDate, window.daysAfter),
    };
  });
}

export function assessmentState(facts: AssessmentFacts, today: IsoDate): AssessmentState {
  if (facts.completed) return 'completed';
  if (facts.withdrawnOn !== null && facts.withdrawnOn <= facts.windowEnd) {
    // withdrawal ends follow-up from that day; earlier past windows stay missed
    if (facts.withdrawnOn <= today) return 'withdrawn';
  }
  if (today < facts.windowStart) return 'upcoming';
  if (today <= facts.targetDate) return 'open';
  if (today <= facts.windowEnd) return 'overdue';
  return 'missed';
}

/** States in which staff should act (due lists and reminders). */
export function isDue(state: AssessmentState): boolean {
  return state === 'open' || state === 'overdue';
}
