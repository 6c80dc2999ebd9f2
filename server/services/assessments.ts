/**
 * The follow-up schedule as staff see it: each participant's assessments
 * with their state (computed only by server/schedule/assessment-state.ts),
 * due and overdue lists per site and per coach, and the reminder list. A
 * timepoint is complete when every questionnaire form of that timepoint has
 * a complete response, so the reminder drops it in the same request that
 * completes the last form. A response counts from the day it was answered
 * (`answered_on`: a paper form keyed in later counts from its own date), and
 * each assessment carries `answeredOn`, the day its last form was answered.
 */
import { forms as dictionaryForms } from '../../data-dictionary/index';
import type { Db } from '../db/connection';
import { listAllAssessments, listAssessmentsOf, type AssessmentRow } from '../db/queries/assessments';
import { findCompleteResponse } from '../db/queries/responses';
import { assessmentState, isDue, type AssessmentState } from '../schedule/assessment-state';
import { byUrgency } from '../schedule/urgency';
import { getStudySettings, type StudySettings } from './study-settings';

/**
 * The forms that make up timepoint `t`: EQ-5D-5L or -3L by the questionnaire
 * version the study collects (never by the value set that scores it, so
 * completion is a fact of the stored answers).
 */
export function requiredForms(timepoint: number, settings: Pick<StudySettings, 'eq5dInstrument'>): string[] {
  const eq5dForm = settings.eq5dInstrument;
  return dictionaryForms
    .filter((f) => f.kind === 'research' && (f.timepoints ?? []).includes(timepoint))
    .filter((f) => !f.name.startsWith('eq5d') || f.name === eq5dForm)
    .map((f) => f.name);
}

const ALL_TIMEPOINT_FORMS = (settings: StudySettings) => JSON.stringify([...new Set([0, 6, 12, 18, 24].flatMap((t) => requiredForms(t, settings)))]);

export interface AssessmentView {
  participantId: number;
  studyId: string;
  siteId: number;
  coachId: number | null;
  timepoint: number;
  targetDate: string;
  windowStart: string;
  windowEnd: string;
  state: AssessmentState;
  formsRequired: string[];
  formsComplete: string[];
  /** the date the participant answered the last of the forms, once every form is complete (else null) */
  answeredOn: string | null;
  /** completed, with a form staff accepted outside the window (with a reason) */
  outOfWindow: boolean;
}

function view(db: Db, row: AssessmentRow, settings: StudySettings, today: string): AssessmentView {
  const formsRequired = requiredForms(row.timepoint, settings);
  // a form counts as done on the day it was answered (not the day it was keyed in), so a state on an earlier day is as it was then
  const responses = formsRequired.map((f) => findCompleteResponse(db, row.participant_id, row.timepoint, f));
  const answered = responses.map((r) => r?.answered_on ?? null);
  const formsComplete = formsRequired.filter((_, i) => answered[i] !== null && answered[i]! <= today);
  const completed = formsComplete.length === formsRequired.length;
  const answeredOn = completed ? answered.reduce((a, b) => (b! > a! ? b : a), answered[0] ?? null) : null;
  const state = assessmentState(
    { targetDate: row.target_date, windowStart: row.window_start, windowEnd: row.window_end, completed, withdrawnOn: row.withdrawal_date },
    today,
  );
  const outOfWindow = completed && responses.some((r) => r?.out_of_window_reason != null);
  return { participantId: row.participant_id, studyId: row.study_id, siteId: row.site_id, coachId: row.coach_id, timepoint: row.timepoint, targetDate: row.target_date, windowStart: row.window_start, windowEnd: row.window_end, state, formsRequired, formsComplete, answeredOn, outOfWindow };
}

export function assessmentsOf(db: Db, participantId: number, today: string): AssessmentView[] {
  const settings = getStudySettings(db);
  return listAssessmentsOf(db, participantId, ALL_TIMEPOINT_FORMS(settings)).map((row) => view(db, row, settings, today));
}

export interface DueFilter {
  siteIds: number[] | null;
  coachId?: number;
  states?: AssessmentState[];
  timepoints?: number[];
}

/** Assessments in the given states (default: open and overdue), for the visible sites and optionally one coach and timepoints; most urgent first (schedule/urgency.ts). */
export function dueAssessments(db: Db, filter: DueFilter, today: string): AssessmentView[] {
  const settings = getStudySettings(db);
  const sites = filter.siteIds === null ? null : new Set(filter.siteIds);
  return listAllAssessments(db, ALL_TIMEPOINT_FORMS(settings))
    .filter((row) => (sites === null || sites.has(row.site_id)) && (filter.coachId === undefined || row.coach_id === filter.coachId))
    .filter((row) => filter.timepoints === undefined || filter.timepoints.includes(row.timepoint))
    .filter((row) => row.window_start <= today || (filter.states?.includes('upcoming') ?? false))
    .map((row) => view(db, row, settings, today))
    .filter((a) => (filter.states ? filter.states.includes(a.state) : isDue(a.state)))
    .sort(byUrgency);
}

/** Every assessment of the visible sites (optionally one coach's participants) with its state, upcoming ones included: the calendar feeds. */
export function scheduledAssessments(db: Db, filter: Omit<DueFilter, 'states'>, today: string): AssessmentView[] {
  const settings = getStudySettings(db);
  const sites = filter.siteIds === null ? null : new Set(filter.siteIds);
  return listAllAssessments(db, ALL_TIMEPOINT_FORMS(settings))
    .filter((row) => (sites === null || sites.has(row.site_id)) && (filter.coachId === undefined || row.coach_id === filter.coachId))
    .map((row) => view(db, row, settings, today));
}

/** Reminders: every open or overdue assessment; completed ones are never on it. */
export function reminders(db: Db, filter: DueFilter, today: string): AssessmentView[] {
  return dueAssessments(db, { ...filter, states: undefined }, today);
}

/** Counts of each state per timepoint for the visible sites. */
export function scheduleSummary(db: Db, siteIds: number[] | null, today: string): Record<string, Record<AssessmentState, number>> {
  const settings = getStudySettings(db);
  const sites = siteIds === null ? null : new Set(siteIds);
  const summary: Record<string, Record<AssessmentState, number>> = {};
  for (const row of listAllAssessments(db, ALL_TIMEPOINT_FORMS(settings))) {
    if (sites !== null && !sites.has(row.site_id)) continue;
    const state = view(db, row, settings, today).state;
    summary[row.timepoint] ??= { upcoming: 0, open: 0, overdue: 0, completed: 0, missed: 0, withdrawn: 0 };
    summary[row.timepoint][state] += 1;
  }
  return summary;
}
