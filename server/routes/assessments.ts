/**
 * The follow-up schedule: a participant's assessments with their states,
 * the due/overdue list — the worklist — (per site, coach, timepoint and
 * state, most urgent first; coaches see their own sites)
 * and the reminder list (open + overdue; drops an assessment as soon as its
 * last form is complete), and counts of states per timepoint.
 */
import express from 'express';
import type { Request } from 'express';
import { findSiteByCode } from '../db/queries/sites';
import { problems } from '../errors';
import { requireLogin, requireRole, requireParticipantReader } from '../http/require-role';
import { openDataQueryCount } from '../services/data-queries';
import { assessmentsOf, dueAssessments, reminders, scheduleSummary } from '../services/assessments';
import { participantFromParam, studyToday } from '../services/participant-access';
import { siteScope } from '../services/site-access';
import { TIMEPOINTS, type AssessmentState } from '../schedule/assessment-state';
import type { MakeRouter } from './context';

const STATES: AssessmentState[] = ['upcoming', 'open', 'overdue', 'completed', 'missed', 'withdrawn'];

export const assessmentsRouter: MakeRouter = ({ db }) => {
  const router = express.Router();
  const staff = requireRole('admin', 'trial_manager', 'coach', 'data_monitor');

  function filterOf(req: Request) {
    const user = req.auth!.user;
    let siteIds = siteScope(db, user);
    const errors: { field: string; message: string }[] = [];
    const allowed = new Set(['site', 'coach', 'state', 'timepoint']);
    for (const key of Object.keys(req.query)) if (!allowed.has(key)) errors.push({ field: key, message: `unknown query parameter '${key}'` });
    if (typeof req.query.site === 'string') {
      const site = findSiteByCode(db, req.query.site);
      if (!site) errors.push({ field: 'site', message: `site "${req.query.site}" does not exist` });
      else siteIds = siteIds === null ? [site.id] : siteIds.filter((id) => id === site.id);
    }
    let coachId: number | undefined;
    if (req.query.coach !== undefined) {
      if (req.query.coach === 'me') coachId = user.id;
      else if (typeof req.query.coach === 'string' && /^[1-9]\d{0,9}$/.test(req.query.coach)) coachId = Number(req.query.coach);
      else errors.push({ field: 'coach', message: 'coach must be a staff id or "me"' });
    }
    let states: AssessmentState[] | undefined;
    if (req.query.state !== undefined) {
      const list = String(req.query.state).split(',');
      if (!list.every((s) => STATES.includes(s as AssessmentState))) errors.push({ field: 'state', message: `state must be a comma-separated list of ${STATES.join(', ')}` });
      else states = list as AssessmentState[];
    }
    let timepoints: number[] | undefined;
    if (req.query.timepoint !== undefined) {
      const list = String(req.query.timepoint).split(',');
      if (!list.every((t) => (TIMEPOINTS as readonly number[]).includes(Number(t)) && /^\d+$/.test(t))) errors.push({ field: 'timepoint', message: `timepoint must be a comma-separated list of ${TIMEPOINTS.join(', ')}` });
      else timepoints = list.map(Number);
    }
    if (errors.length) throw problems.invalidQuery(errors);
    return { siteIds, coachId, states, timepoints };
  }

  router.get('/participants/:id/assessments', requireParticipantReader, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    res.json({ studyId: participant.study_id, today: studyToday(db), assessments: assessmentsOf(db, participant.id, studyToday(db)) });
  });

  router.get('/assessments/due', staff, (req, res) => {
    res.json({ today: studyToday(db), assessments: dueAssessments(db, filterOf(req), studyToday(db)) });
  });

  router.get('/assessments/reminders', requireRole('admin', 'trial_manager', 'coach'), (req, res) => {
    res.json({ today: studyToday(db), reminders: reminders(db, filterOf(req), studyToday(db)) });
  });

  router.get('/assessments/summary', requireLogin, (req, res) => {
    res.json({
      today: studyToday(db),
      summary: scheduleSummary(db, siteScope(db, req.auth!.user), studyToday(db)),
      openDataQueries: openDataQueryCount(db, req.auth!.user),
    });
  });

  return router;
};
