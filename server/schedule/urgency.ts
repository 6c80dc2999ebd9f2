/**
 * The order of the worklist, most urgent first: overdue (the window closes
 * soonest first — about to be missed), then open (window closes soonest
 * first), then missed (most recently closed first, still worth a note),
 * then upcoming (opens soonest first); completed and withdrawn last. Ties by
 * study id, so the order is stable. Pure: takes the states already decided
 * by assessment-state.ts.
 */
import type { AssessmentState } from './assessment-state';

const RANK: Record<AssessmentState, number> = { overdue: 0, open: 1, missed: 2, upcoming: 3, completed: 4, withdrawn: 5 };

export interface Urgent {
  state: AssessmentState;
  windowStart: string;
  windowEnd: string;
  studyId: string;
  timepoint: number;
}

/** Compares two assessments by urgency (for `Array.prototype.sort`). */
export function byUrgency(a: Urgent, b: Urgent): number {
  if (RANK[a.state] !== RANK[b.state]) return RANK[a.state] - RANK[b.state];
  const dates = a.state === 'missed' ? b.windowEnd.localeCompare(a.windowEnd)
    : a.state === 'upcoming' ? a.windowStart.localeCompare(b.windowStart)
      : a.windowEnd.localeCompare(b.windowEnd);
  return dates || a.studyId.localeCompare(b.studyId) || a.timepoint - b.timepoint;
}
