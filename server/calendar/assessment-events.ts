/**
 * The calendar events of the follow-up schedule: for each assessment still
 * to be done (upcoming, open or overdue) three all-day events, the day its
 * window opens, its target date and the day its window closes, named by
 * study id and timepoint only. UIDs are built from the study id, the
 * timepoint and the mark, so every download gives the same UID and calendar
 * programs update the event in place; a completed assessment drops out.
 */
import type { AllDayEvent } from './ics-writer';
import type { FeedTexts, WindowMark } from './feed-texts';

export interface ScheduledWindow {
  studyId: string;
  timepoint: number;
  windowStart: string;
  targetDate: string;
  windowEnd: string;
  state: string;
}

const STILL_TO_DO = new Set(['upcoming', 'open', 'overdue']);
const MARKS: WindowMark[] = ['opens', 'target', 'closes'];

export function assessmentEvents(windows: readonly ScheduledWindow[], texts: FeedTexts): AllDayEvent[] {
  return windows
    .filter((w) => STILL_TO_DO.has(w.state))
    .flatMap((w) =>
      MARKS.map((mark) => ({
        uid: `${w.studyId}-m${w.timepoint}-${mark}@ips-trial.assessments`,
        date: mark === 'opens' ? w.windowStart : mark === 'target' ? w.targetDate : w.windowEnd,
        summary: `${w.studyId} · ${texts.timepoint(w.timepoint)}: ${texts.mark[mark]}`,
        description: texts.description(w.studyId, w.windowStart, w.targetDate, w.windowEnd),
        categories: [texts.category],
      })),
    )
    .sort((a, b) => (a.date === b.date ? a.uid.localeCompare(b.uid) : a.date < b.date ? -1 : 1));
}
