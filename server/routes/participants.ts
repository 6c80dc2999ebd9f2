/**
 * Participants: registration (referral + identity), the list and one
 * participant, identifiers (role-filtered), screening, consent, withdrawal
 * and the CONSORT counts. Participants are addressed by numeric id or study
 * id: /api/participants/ORE-AFF-0007. Reading the identifiers and a search
 * that reads names are each audited (never the values or the searched text). Coaches see only their sites'
 * participants (others answer 404). The list searches, filters, sorts and
 * pages on the server (services/participant-list.ts).
 */
import express from 'express';
import type { Request } from 'express';
import { requireRole, requireParticipantReader } from '../http/require-role';
import { findSiteByCode } from '../db/queries/sites';
import { problems } from '../errors';
import { findConsent, findScreening, findWithdrawal } from '../db/queries/participant-forms';
import { actorOf } from '../services/sessions';
import { consortCounts } from '../services/consort';
import { checks, readEnvelope, type Answers } from '../services/operations-forms';
import { identifierAccess, participantFromParam, studyToday } from '../services/participant-access';
import { identifierKeys, readIdentifiers, revealIdentifiers, type NationalIdKind } from '../services/participant-identifiers';
import * as participants from '../services/participants';
import { auditIdentifierSearch, participantPage, readParticipantListQuery } from '../services/participant-list';
import type { MakeRouter } from './context';

const parse = <T>(json: string | undefined): T | null => (json ? (JSON.parse(json) as T) : null);

export const participantsRouter: MakeRouter = ({ db, config }) => {
  const router = express.Router();
  const managers = requireRole('admin', 'trial_manager');
  const keys = () => identifierKeys(db, config);
  const user = (req: Request) => req.auth!.user;
  const participantOf = (req: Request) => participantFromParam(db, user(req), String(req.params.id));

  router.post('/participants', managers, (req, res) => {
    const body = readEnvelope(req.body, {
      forms: { referral: 'referral', identity: 'participant_identity' },
      fields: { site: checks.siteCode, id_kind: checks.oneOf('id_kind', ['SE', 'DK']), coach_id: checks.nullablePositiveId('coach_id') },
      requiredFields: ['site'],
    });
    const row = participants.registerParticipant(db, keys(), actorOf(user(req)), body as unknown as participants.Registration, studyToday(db));
    res.status(201).location(`/api/participants/${row.study_id}`).json({ participant: participants.summarize(db, row) });
  });

  router.get('/participants', requireParticipantReader, (req, res) => {
    const query = readParticipantListQuery(db, user(req), req.query as Record<string, unknown>);
    const page = participantPage(db, keys(), user(req), query);
    auditIdentifierSearch(db, actorOf(user(req)), user(req), query, page);
    res.json(page);
  });

  router.get('/participants/:id', requireParticipantReader, (req, res) => {
    const row = participantOf(req);
    res.json({
      participant: participants.summarize(db, row),
      referral: JSON.parse(row.referral_json),
      screening: parse<Answers>(findScreening(db, row.id)?.answers_json),
      consent: parse<Answers>(findConsent(db, row.id)?.answers_json),
      withdrawal: parse<Answers>(findWithdrawal(db, row.id)?.answers_json),
    });
  });

  router.patch('/participants/:id', managers, (req, res) => {
    const row = participantOf(req);
    const body = readEnvelope(req.body, { forms: { referral: 'referral' }, optionalForms: ['referral'], fields: { coach_id: checks.nullablePositiveId('coach_id'), reason: checks.reason } });
    const updated = participants.updateParticipant(db, actorOf(user(req)), row, body as { referral?: Answers; coach_id?: number | null; reason?: string });
    res.json({ participant: participants.summarize(db, updated) });
  });

  router.get('/participants/:id/identifiers', requireRole('admin', 'trial_manager', 'coach'), (req, res) => {
    const row = participantOf(req);
    // each read is one audit entry (who, when, which fields; never the values)
    res.json({ studyId: row.study_id, identifiers: revealIdentifiers(db, keys(), actorOf(user(req)), row, identifierAccess(user(req).role)) });
  });

  router.put('/participants/:id/identifiers', managers, (req, res) => {
    const row = participantOf(req);
    const body = readEnvelope(req.body, { forms: { identity: 'participant_identity' }, fields: { id_kind: checks.oneOf('id_kind', ['SE', 'DK']), reason: checks.reason } });
    participants.updateIdentifiers(db, keys(), actorOf(user(req)), row, body.identity as Answers, (body.id_kind as NationalIdKind | undefined) ?? 'SE', body.reason as string | undefined, studyToday(db));
    res.json({ studyId: row.study_id, identifiers: readIdentifiers(db, keys(), row.id, 'all') });
  });

  router.put('/participants/:id/screening', managers, (req, res) => {
    const row = participantOf(req);
    const body = readEnvelope(req.body, { forms: { screening: 'screening' }, fields: { reason: checks.reason } });
    participants.recordScreening(db, actorOf(user(req)), row, body.screening as Answers, body.reason as string | undefined);
    res.json({ participant: participants.summarize(db, row), screening: body.screening });
  });

  router.put('/participants/:id/consent', managers, (req, res) => {
    const row = participantOf(req);
    const body = readEnvelope(req.body, { forms: { consent: 'consent' }, fields: { reason: checks.reason } });
    participants.recordConsent(db, actorOf(user(req)), row, body.consent as Answers, body.reason as string | undefined);
    res.json({ participant: participants.summarize(db, row), consent: body.consent });
  });

  router.put('/participants/:id/withdrawal', managers, (req, res) => {
    const row = participantOf(req);
    const body = readEnvelope(req.body, { forms: { withdrawal: 'withdrawal' }, fields: { reason: checks.reason } });
    participants.recordWithdrawal(db, actorOf(user(req)), row, body.withdrawal as Answers, body.reason as string | undefined);
    res.json({ participant: participants.summarize(db, row), withdrawal: body.withdrawal });
  });

  router.get('/consort', requireRole('admin', 'trial_manager', 'evaluator', 'data_monitor'), (req, res) => {
    if (req.query.site === undefined) return void res.json({ consort: consortCounts(db, null) });
    const site = typeof req.query.site === 'string' ? findSiteByCode(db, req.query.site) : undefined;
    if (!site) throw problems.invalidQuery([{ field: 'site', message: `site "${String(req.query.site)}" does not exist` }]);
    res.json({ site: site.code, consort: consortCounts(db, [site.id]) });
  });

  return router;
};
