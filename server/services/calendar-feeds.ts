/**
 * Calendar feeds as a use case. A coach makes a secret address for the
 * assessment windows of the participants they coach; a trial manager or
 * admin one for every participant of the sites they see. The address holds
 * 32 random bytes (base64url) shown once; the database keeps only their
 * SHA-256. Making a new feed revokes the old one; a revoked address, or one
 * whose owner was deactivated or moved to a role without a feed, answers
 * 404. Making and revoking are audited (entity "calendar_feed", never the
 * token). The feed itself carries study ids and dates only: the assessment
 * windows still to be done and the open data queries (never a comment).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection';
import * as feeds from '../db/queries/calendar-feeds';
import type { CalendarFeedRow, CalendarLang, CalendarScope } from '../db/queries/calendar-feeds';
import { findUserById, type Role } from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { openDataQueriesForFeed } from '../db/queries/data-queries';
import { assessmentEvents } from '../calendar/assessment-events';
import { dataQueryEvents } from '../calendar/data-query-events';
import { FEED_TEXTS } from '../calendar/feed-texts';
import { writeCalendar } from '../calendar/ics-writer';
import { scheduledAssessments } from './assessments';
import { recordAudit, type AuditActor } from './audit';
import { siteScope } from './site-access';

export const CALENDAR_LANGS: readonly CalendarLang[] = ['sv', 'da', 'en'];

const SCOPE_OF_ROLE: Partial<Record<Role, CalendarScope>> = { coach: 'coach', trial_manager: 'trial', admin: 'trial' };

/** The feed a role may have: the coach's own participants, or the whole trial; undefined for other roles. */
export function calendarScopeOf(role: Role): CalendarScope | undefined {
  return SCOPE_OF_ROLE[role];
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface CalendarFeedView {
  id: number;
  scope: CalendarScope;
  lang: CalendarLang;
  createdAt: string;
}

export const viewFeed = (row: CalendarFeedRow): CalendarFeedView => ({ id: row.id, scope: row.scope, lang: row.lang, createdAt: row.created_at });

/** The path of a feed: /api/calendar/<token>.ics */
export const feedPath = (token: string) => `/api/calendar/${token}.ics`;

function revoke(db: Db, actor: AuditActor, row: CalendarFeedRow, now: string): void {
  feeds.revokeCalendarFeed(db, row.id, now);
  recordAudit(db, { actor, action: 'revoke', entity: 'calendar_feed', entityId: row.id, before: viewFeed(row), after: { revokedAt: now } });
}

/** Makes the staff member's feed (revoking the one in use); returns it with its token, which is not kept. */
export function createCalendarFeed(db: Db, actor: AuditActor, user: { id: number; role: Role }, lang: CalendarLang, now = new Date().toISOString()) {
  const scope = calendarScopeOf(user.role);
  if (!scope) throw problems.forbidden();
  const token = randomBytes(32).toString('base64url');
  const row = inTransaction(db, () => {
    const old = feeds.feedInUseOfUser(db, user.id);
    if (old) revoke(db, actor, old, now);
    const created = feeds.insertCalendarFeed(db, { userId: user.id, scope, lang, tokenHash: hashToken(token), now });
    recordAudit(db, { actor, action: 'create', entity: 'calendar_feed', entityId: created.id, after: viewFeed(created) });
    return created;
  });
  return { feed: viewFeed(row), path: feedPath(token) };
}

/** Revokes the staff member's own feed `feedId`; 404 when it is not theirs or already revoked. */
export function revokeCalendarFeed(db: Db, actor: AuditActor, userId: number, feedId: number, now = new Date().toISOString()): void {
  inTransaction(db, () => {
    const row = feeds.findFeedOfUser(db, userId, feedId);
    if (!row || row.revoked_at !== null) throw problems.notFound('calendar feed', feedId);
    revoke(db, actor, row, now);
  });
}

export function feedInUse(db: Db, userId: number): CalendarFeedView | null {
  const row = feeds.feedInUseOfUser(db, userId);
  return row ? viewFeed(row) : null;
}

/** The iCalendar text of the feed with this token; 404 for an unknown or revoked token or an owner no longer entitled. */
export function calendarFeedText(db: Db, token: string, today: string, now = new Date().toISOString()): string {
  const row = feeds.findFeedInUse(db, hashToken(token));
  const owner = row ? findUserById(db, row.user_id) : undefined;
  if (!row || !owner || owner.active !== 1 || calendarScopeOf(owner.role) !== row.scope) throw problems.calendarFeedNotFound();
  const filter = { siteIds: siteScope(db, owner), coachId: row.scope === 'coach' ? owner.id : undefined };
  const windows = scheduledAssessments(db, filter, today);
  const texts = FEED_TEXTS[row.lang];
  const queries = openDataQueriesForFeed(db, filter);
  const events = [...assessmentEvents(windows, texts), ...dataQueryEvents(queries, today, texts)];
  return writeCalendar({ name: texts.calendarName[row.scope], events, stamp: now });
}
