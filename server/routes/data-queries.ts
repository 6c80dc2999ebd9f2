/**
 * Data queries (REDCap's data resolution workflow): POST /api/data-queries
 * {participant, recordKind, form?, timepoint?, recordId?, field, comment}
 * (data monitor), GET /api/data-queries?state&site&participant (the
 * caller's visible ones; mine=1: opened by the caller, with a step of
 * theirs, or on a participant they coach), GET /api/data-queries/summary (open count),
 * GET /api/data-queries/:id (with its comments), and POST
 * /api/data-queries/:id/answer (staff who may edit the participant),
 * /close and /reopen (data monitor), each with {comment}.
 */
import express from 'express';
import { DATA_QUERY_STATES, RECORD_KINDS, type DataQueryState, type RecordKind } from '../db/queries/data-queries';
import { findParticipantByStudyId } from '../db/queries/participants';
import { findSiteByCode } from '../db/queries/sites';
import { problems, type FieldProblem } from '../errors';
import { idParam } from '../http/params';
import { requireParticipantReader, requireRole } from '../http/require-role';
import { dataQueryDetail, openDataQuery, openDataQueryCount, stepDataQuery, visibleDataQueries } from '../services/data-queries';
import { dataQueryTargetProblems } from '../services/data-query-target';
import { checks, readEnvelope } from '../services/operations-forms';
import { canSeeSite } from '../services/site-access';
import type { MakeRouter } from './context';

const comment = (v: unknown) => (typeof v === 'string' && v.trim().length > 0 && v.length <= 2000 ? null : 'comment must be text of 1 to 2000 characters');
const fieldName = (v: unknown) => (typeof v === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(v) ? null : 'field must be a field name of the data dictionary such as eq5d_mo');
const studyId = (v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9-]{1,40}$/.test(v) ? null : 'participant must be a study id such as ORE-AFF-0007');
const formName = (v: unknown) => (typeof v === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(v) ? null : 'form must be a form name such as eq5d5l');
const timepoint = (v: unknown) => (Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 600 ? null : 'timepoint must be a whole number of months from 0');

const OPEN_SPEC = {
  fields: {
    participant: studyId,
    recordKind: checks.oneOf('recordKind', RECORD_KINDS),
    form: formName,
    timepoint,
    recordId: checks.positiveId('recordId'),
    field: fieldName,
    comment,
  },
  requiredFields: ['participant', 'recordKind', 'field', 'comment'],
};

/** The record named must be complete for its kind: a response needs form and timepoint, an episode/time log/status its id. */
function recordProblems(body: Record<string, unknown>): FieldProblem[] {
  const kind = body.recordKind as RecordKind;
  const errors: FieldProblem[] = [];
  if (kind === 'response') {
    if (body.form === undefined) errors.push({ field: 'form', message: 'form is required for a query on a response' });
    if (body.timepoint === undefined) errors.push({ field: 'timepoint', message: 'timepoint is required for a query on a response' });
  } else if (kind !== 'participant' && body.recordId === undefined) {
    errors.push({ field: 'recordId', message: `recordId is required for a query on a ${kind.replace('_', ' ')}` });
  }
  return errors;
}

export const dataQueriesRouter: MakeRouter = ({ db }) => {
  const router = express.Router();
  const monitor = requireRole('data_monitor');
  const answerers = requireRole('admin', 'trial_manager', 'coach');

  router.post('/data-queries', monitor, (req, res) => {
    const body = readEnvelope(req.body, OPEN_SPEC);
    const errors = recordProblems(body);
    const participant = findParticipantByStudyId(db, String(body.participant));
    if (!participant || !canSeeSite(db, req.auth!.user, participant.site_id)) errors.push({ field: 'participant', message: `there is no participant ${String(body.participant)}` });
    if (errors.length) throw problems.invalidBody(errors);
    const target = {
      recordKind: body.recordKind as RecordKind,
      form: body.recordKind === 'response' ? (body.form as string) : null,
      timepoint: body.recordKind === 'response' ? (body.timepoint as number) : null,
      recordId: body.recordKind === 'response' || body.recordKind === 'participant' ? null : (body.recordId as number),
      fieldName: body.field as string,
    };
    const targetErrors = dataQueryTargetProblems(db, participant!.id, participant!.study_id, target);
    if (targetErrors.length) throw problems.invalidBody(targetErrors);
    res.status(201).json({ dataQuery: openDataQuery(db, req.auth!.user, participant!.id, target, (body.comment as string).trim()) });
  });

  router.get('/data-queries', requireParticipantReader, (req, res) => {
    const errors: FieldProblem[] = [];
    const state = req.query.state === undefined ? null : String(req.query.state);
    if (state !== null && !DATA_QUERY_STATES.includes(state as DataQueryState)) errors.push({ field: 'state', message: `state must be one of ${DATA_QUERY_STATES.join(', ')}` });
    const site = req.query.site === undefined || req.query.site === '' ? null : findSiteByCode(db, String(req.query.site));
    if (site === undefined) errors.push({ field: 'site', message: `site "${String(req.query.site).slice(0, 40)}" does not exist` });
    const participant = req.query.participant === undefined || req.query.participant === '' ? null : findParticipantByStudyId(db, String(req.query.participant));
    if (participant === undefined) errors.push({ field: 'participant', message: `there is no participant ${String(req.query.participant).slice(0, 40)}` });
    const mine = req.query.mine === undefined || req.query.mine === '' ? '0' : String(req.query.mine);
    if (mine !== '0' && mine !== '1') errors.push({ field: 'mine', message: 'mine must be 1 (only my queries) or 0' });
    if (errors.length) throw problems.invalidQuery(errors);
    const filter = { state: state as DataQueryState | null, siteId: site?.id ?? null, participantId: participant?.id ?? null, mine: mine === '1' };
    res.json({ dataQueries: visibleDataQueries(db, req.auth!.user, filter) });
  });

  router.get('/data-queries/summary', requireParticipantReader, (req, res) => {
    res.json({ openDataQueries: openDataQueryCount(db, req.auth!.user) });
  });

  router.get('/data-queries/:id', requireParticipantReader, (req, res) => {
    res.json({ dataQuery: dataQueryDetail(db, req.auth!.user, idParam(req, 'id', 'data query')) });
  });

  for (const [step, who] of [['answer', answerers], ['close', monitor], ['reopen', monitor]] as const) {
    router.post(`/data-queries/:id/${step}`, who, (req, res) => {
      const id = idParam(req, 'id', 'data query');
      dataQueryDetail(db, req.auth!.user, id); // 404 before the body, as for a hidden participant
      const body = readEnvelope(req.body, { fields: { comment }, requiredFields: ['comment'] });
      res.json({ dataQuery: stepDataQuery(db, req.auth!.user, id, step, (body.comment as string).trim()) });
    });
  }

  return router;
};
