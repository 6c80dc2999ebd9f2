/**
 * Calendar feeds (services/calendar-feeds.ts):
 * POST /api/calendar-feeds {lang?: 'sv'|'da'|'en'} makes the caller's feed
 * (coach: their participants; trial manager, admin: the whole trial) and
 * answers 201 with its path, shown this once; GET /api/calendar-feeds shows
 * the feed in use (without its address); DELETE /api/calendar-feeds/:id
 * revokes it. GET /api/calendar/<token>.ics is the feed itself, for
 * calendar programs: no login, the token is the key; 404 once revoked.
 */
import express from 'express';
import { problems, type FieldProblem } from '../errors';
import { idParam } from '../http/params';
import { requireRole } from '../http/require-role';
import { CALENDAR_LANGS, calendarFeedText, createCalendarFeed, feedInUse, revokeCalendarFeed } from '../services/calendar-feeds';
import { studyToday } from '../services/participant-access';
import { actorOf } from '../services/sessions';
import type { CalendarLang } from '../db/queries/calendar-feeds';
import type { MakeRouter } from './context';

const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

function readLang(body: unknown): CalendarLang {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw problems.bodyNotObject();
  const record = body as Record<string, unknown>;
  const errors: FieldProblem[] = Object.keys(record).filter((f) => f !== 'lang').map((f) => ({ field: f, message: `unknown field '${f}'` }));
  const lang = record.lang ?? 'sv';
  if (!CALENDAR_LANGS.includes(lang as CalendarLang)) errors.push({ field: 'lang', message: `lang must be one of ${CALENDAR_LANGS.join(', ')}` });
  if (errors.length) throw problems.invalidBody(errors);
  return lang as CalendarLang;
}

export const calendarFeedsRouter: MakeRouter = ({ db }) => {
  const router = express.Router();
  const feedRoles = requireRole('coach', 'trial_manager', 'admin');

  router.post('/calendar-feeds', feedRoles, (req, res) => {
    const user = req.auth!.user;
    res.status(201).json(createCalendarFeed(db, actorOf(user), user, readLang(req.body ?? {})));
  });

  router.get('/calendar-feeds', feedRoles, (req, res) => {
    res.json({ feed: feedInUse(db, req.auth!.user.id) });
  });

  router.delete('/calendar-feeds/:id', feedRoles, (req, res) => {
    const user = req.auth!.user;
    revokeCalendarFeed(db, actorOf(user), user.id, idParam(req, 'id', 'calendar feed'));
    res.status(204).end();
  });

  router.get('/calendar/:file', (req, res) => {
    const match = FEED_FILE.exec(String(req.params.file));
    if (!match) throw problems.calendarFeedNotFound();
    const text = calendarFeedText(db, match[1], studyToday(db));
    res.type('text/calendar; charset=utf-8').setHeader('Content-Disposition', 'inline; filename="ips-trial.ics"');
    res.send(text);
  });

  return router;
};
