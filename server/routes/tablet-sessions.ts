/**
 * Tablet sessions for participants (see services/tablet-sessions.ts):
 * POST /api/participants/:id/tablet-session {pin} (staff, ends the staff
 * session on that device), GET /api/tablet-session (with the site's tablet
 * language), GET
 * /api/tablet-session/assessment (resume), GET /api/tablet-session/wording
 * (the site's licensed instrument wording, read once when the router is
 * built; never public: licences may forbid redistribution), POST /api/tablet-session/exit
 * {pin}, POST /api/participants/:id/home-codes (staff; with the code in
 * groups, the questionnaire's full address and the site's tablet language
 * for the printed slip), POST
 * /api/home-sessions {code} (no login). The tablet cookie is HttpOnly,
 * SameSite=Strict; its state-changing requests need the session's
 * X-CSRF-Token. Leaving (PIN) allows 10 tries and redeeming codes 20 tries
 * per 15 minutes, so neither can be found by trying.
 *
 * Delivery of queued answers (services/tablet-delivery.ts): POST
 * /api/tablet-delivery {keep} registers the open session for delivery (and
 * keeps the earlier sessions whose CSRF tokens are in `keep`); PUT
 * /api/tablet-delivery/:clientUuid saves a response for the participant of
 * the session whose X-CSRF-Token it carries (open, or ended at most
 * DELIVERY_GRACE_DAYS ago).
 */
import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { Request, Response } from 'express';
import { forms } from '../../data-dictionary/index';
import { readLicensedWording, type Config } from '../config';
import type { Db } from '../db/connection';
import { commitTogether } from '../db/group-commit';
import { problems } from '../errors';
import { requireRole } from '../http/require-role';
import { clearSessionCookie, readCookie } from '../http/session';
import { participantFromParam, studyToday } from '../services/participant-access';
import { checkSubmission, openAssessment, saveResponse } from '../services/responses';
import { DELIVERY_COOKIE, DELIVERY_GRACE_DAYS, DELIVERY_MAX_SESSIONS, DELIVERY_PATH, MARKER_COOKIE, deliveryCookieValue, deliveryTokens, registeredTokens, sessionForDelivery, sessionMarker } from '../services/tablet-delivery';
import { actorOf, logout } from '../services/sessions';
import { getStudySettings } from '../services/study-settings';
import { requireWordingForTablet, wordingInUse } from '../services/instrument-wording';
import { wordingCompleteness } from '../../data-dictionary/licensed-wording';
import * as tablets from '../services/tablet-sessions';
import { groupHomeCode, tabletAddress } from '../services/home-code-slip';
import { readEnvelope } from '../services/operations-forms';
import type { MakeRouter } from './context';

export function tabletSessionOf(db: Db, req: Request): tablets.LoadedTabletSession | null {
  const token = readCookie(req.headers.cookie, tablets.TABLET_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return tablets.loadTabletSession(db, token);
}

export function requireTabletCsrf(req: Request, session: tablets.LoadedTabletSession): void {
  const sent = Buffer.from(req.get('x-csrf-token') ?? '');
  const expected = Buffer.from(session.csrfToken);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) throw problems.csrf();
}

function setTabletCookie(res: Response, config: Config, opened: tablets.OpenedTabletSession): void {
  res.cookie(tablets.TABLET_COOKIE, opened.token, { httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/', expires: new Date(opened.expiresAt) });
  res.cookie(MARKER_COOKIE, sessionMarker(opened.token), { httpOnly: false, sameSite: 'strict', secure: config.secureCookies, path: '/', expires: new Date(opened.expiresAt) });
}

export const tabletSessionsRouter: MakeRouter = ({ db, config, rateLimits }) => {
  const router = express.Router();
  const staff = requireRole('admin', 'trial_manager', 'coach');
  // a 4-digit PIN and a 10-character code must not be guessable by trying
  // keyed on bounded values only: the stored hash of a valid session (no session: 401, nothing counted) and the address
  const exitLimit = rateLimits.limit('tablet-exit', { windowMs: 15 * 60_000, max: 10, key: (req) => {
    const session = tabletSessionOf(db, req);
    return session ? `exit:${session.tokenHash}` : null;
  } });
  const codeLimit = rateLimits.limit('home-code', { windowMs: 15 * 60_000, max: 20, key: (req) => `code:${req.ip ?? 'unknown'}` });
  // read and checked once at start-up: a bad file stops the server
  const fileWording = config.licensedWording ? readLicensedWording(config.licensedWording, forms) : null;

  function requireTablet(req: Request): tablets.LoadedTabletSession {
    const session = tabletSessionOf(db, req);
    // a staff browser without a tablet session: 404 (nothing open here), anonymous: 401
    if (!session) throw req.auth ? problems.notFound('tablet session', 'on this device') : problems.notAuthenticated();
    return session;
  }

  router.post('/participants/:id/tablet-session', staff, async (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    const body = readEnvelope(req.body, { fields: { pin: (v) => (typeof v === 'string' && /^\d{4,8}$/.test(v) ? null : 'pin must be 4 to 8 digits') }, requiredFields: ['pin'] });
    requireWordingForTablet(db, fileWording, participant, studyToday(db));
    const opened = await tablets.openClinicSession(db, actorOf(req.auth!.user), participant, String(body.pin), config.passwordCost);
    logout(db, req.auth!);
    clearSessionCookie(res, config);
    setTabletCookie(res, config, opened);
    res.status(201).json({ tabletSession: { studyId: participant.study_id, kind: 'clinic', csrfToken: opened.csrfToken, expiresAt: opened.expiresAt } });
  });

  router.get('/tablet-session', (req, res) => {
    const session = requireTablet(req);
    const marker = sessionMarker(readCookie(req.headers.cookie, tablets.TABLET_COOKIE)!);
    // language: the site's default for the tablet (study setting tabletLanguage; null = the browser's)
    const language = getStudySettings(db).tabletLanguage;
    res.json({ tabletSession: { studyId: session.participant.study_id, participantId: session.participant.id, kind: session.kind, csrfToken: session.csrfToken, expiresAt: session.expiresAt, marker, language } });
  });

  router.get('/tablet-session/assessment', (req, res) => {
    const session = requireTablet(req);
    res.json(openAssessment(db, session.participant, studyToday(db)));
  });

  router.get('/tablet-session/wording', (req, res) => {
    requireTablet(req);
    const { wording } = wordingInUse(db, fileWording);
    // the forms and languages still showing the project's neutral placeholders (the demo study; the tablet marks them)
    const placeholders = wordingCompleteness(forms, wording).filter((c) => !c.complete).map((c) => ({ form: c.form, language: c.language }));
    res.json({ wording: wording ? { source: wording.source, forms: wording.forms } : null, placeholders });
  });

  router.post('/tablet-session/exit', exitLimit, async (req, res) => {
    const session = requireTablet(req);
    requireTabletCsrf(req, session);
    const body = readEnvelope(req.body, { fields: { pin: (v) => (typeof v === 'string' ? null : 'pin must be text') } });
    await tablets.exitClinicSession(db, session, body.pin);
    res.clearCookie(tablets.TABLET_COOKIE, { httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/' });
    res.clearCookie(MARKER_COOKIE, { sameSite: 'strict', secure: config.secureCookies, path: '/' });
    res.status(204).end();
  });

  router.post('/tablet-delivery', (req, res) => {
    const session = requireTablet(req);
    requireTabletCsrf(req, session);
    const keepCheck = (v: unknown) => (Array.isArray(v) && v.length <= DELIVERY_MAX_SESSIONS && v.every((x) => typeof x === 'string' && x.length <= 100)
      ? null : `keep must be a list of at most ${DELIVERY_MAX_SESSIONS} CSRF tokens of earlier tablet sessions`);
    const body = readEnvelope(req.body, { fields: { keep: keepCheck } });
    const current = readCookie(req.headers.cookie, tablets.TABLET_COOKIE)!;
    const earlier = deliveryTokens(readCookie(req.headers.cookie, DELIVERY_COOKIE));
    const tokens = registeredTokens(db, current, earlier, (body.keep as string[] | undefined) ?? []);
    res.cookie(DELIVERY_COOKIE, deliveryCookieValue(tokens), {
      httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: DELIVERY_PATH,
      expires: new Date(Date.parse(session.expiresAt) + DELIVERY_GRACE_DAYS * 86_400_000),
    });
    res.json({ delivery: { sessions: tokens.length, graceDays: DELIVERY_GRACE_DAYS } });
  });

  router.put('/tablet-delivery/:clientUuid', async (req, res) => {
    const cookies = req.headers.cookie;
    const current = readCookie(cookies, tablets.TABLET_COOKIE);
    const tokens = [...(current ? [current] : []), ...deliveryTokens(readCookie(cookies, DELIVERY_COOKIE))];
    const session = sessionForDelivery(db, tokens, req.get('x-csrf-token'));
    const body = checkSubmission(req.body ?? {});
    if (body.participantId !== undefined && body.participantId !== session.participant.id) throw problems.forbidden();
    const label = `${session.kind} tablet ${session.participant.study_id}${session.open ? '' : ' (delivered after the session ended)'}`;
    const uuid = String(req.params.clientUuid);
    // shares one commit with the other saves arriving now (db/group-commit.ts)
    const result = await commitTogether(db, () => saveResponse(db, { id: null, label }, session.kind === 'home' ? 'home' : 'tablet', session.participant, uuid, body));
    // the tablet needs the revision only: no answers go back to the device
    const { clientUuid, revision, complete } = result.response;
    res.status(result.status === 'created' ? 201 : 200).json({ status: result.status, response: { clientUuid, revision, complete } });
  });

  router.post('/participants/:id/home-codes', staff, (req, res) => {
    const participant = participantFromParam(db, req.auth!.user, String(req.params.id));
    readEnvelope(req.body, {});
    requireWordingForTablet(db, fileWording, participant, studyToday(db));
    const created = tablets.createHomeCode(db, actorOf(req.auth!.user), participant);
    // what the printed slip needs: the code in groups, the full address and the site's tablet language
    const url = tabletAddress(config.publicUrl, { protocol: req.protocol, host: req.get('host') });
    res.status(201).json({ homeCode: { studyId: participant.study_id, ...created, grouped: groupHomeCode(created.code), url, language: getStudySettings(db).tabletLanguage ?? null } });
  });

  router.post('/home-sessions', codeLimit, (req, res) => {
    const body = readEnvelope(req.body, { fields: { code: (v) => (typeof v === 'string' ? null : 'code must be text') }, requiredFields: ['code'] });
    const opened = tablets.redeemHomeCode(db, body.code);
    setTabletCookie(res, config, opened);
    res.status(201).json({ tabletSession: { kind: 'home', csrfToken: opened.csrfToken, expiresAt: opened.expiresAt } });
  });

  return router;
};
