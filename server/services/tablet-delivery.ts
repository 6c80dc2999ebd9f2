/**
 * Delivering answers a tablet queued in an EARLIER tablet session, after the
 * tablet's session cookie has been replaced by the next participant's (shared
 * clinic tablet) or has expired while the tablet was offline.
 *
 * Each tablet session registers itself for delivery once it is open: the
 * server puts its token into a second HttpOnly, SameSite=Strict cookie
 * (`ips_trial_tablet_delivery`, path /api/tablet-delivery only, a short list
 * of tokens kept while the tablet still holds unsent answers of them).
 * `PUT /api/tablet-delivery/:clientUuid` then picks, among the tokens the
 * browser sends (that cookie and the current session cookie), the session
 * whose CSRF token the request carries, and saves the response for THAT
 * session's participant — never the one now on the tablet. It only writes
 * (the answer carries no answers back), and only for
 * {@link DELIVERY_GRACE_DAYS} days after the session's end: later, the tablet
 * keeps the answers and shows staff how many could not be delivered.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connection';
import { findParticipant, type ParticipantRow } from '../db/queries/participants';
import * as tablets from '../db/queries/tablet-sessions';
import { Problem } from '../errors';
import { sha256 } from './sessions';

export const DELIVERY_COOKIE = 'ips_trial_tablet_delivery';
/**
 * A public marker of the tablet session now on the device (readable by the
 * page, not a credential): the tablet sees, also offline, that staff have
 * opened another participant's session since it last ran.
 */
export const MARKER_COOKIE = 'ips_trial_tablet_session';
export const DELIVERY_PATH = '/api/tablet-delivery';
/** how long after a tablet session ended (closed or expired) its queued answers are still taken */
export const DELIVERY_GRACE_DAYS = 7;
/** at most this many earlier sessions are kept in the delivery cookie */
export const DELIVERY_MAX_SESSIONS = 20;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

export interface DeliverySession {
  token: string;
  tokenHash: string;
  participant: ParticipantRow;
  kind: 'clinic' | 'home';
  csrfToken: string;
  /** false once closed with the PIN or expired (the answers are delivered late) */
  open: boolean;
}

/** The public marker of the session with `token` (derived, not the token nor its stored hash). */
export function sessionMarker(token: string): string {
  return sha256(`marker:${token}`).slice(0, 22);
}

/** The tokens in the delivery cookie's value (dot-separated); malformed ones are ignored. */
export function deliveryTokens(cookie: string | undefined): string[] {
  return (cookie ?? '').split('.').filter((t) => TOKEN_PATTERN.test(t)).slice(0, DELIVERY_MAX_SESSIONS + 1);
}

export function deliveryCookieValue(tokens: string[]): string {
  return [...new Set(tokens)].slice(0, DELIVERY_MAX_SESSIONS + 1).join('.');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The session of `token` if answers given in it may still be delivered at `now`. */
export function loadDeliverySession(db: Db, token: string, now: Date): DeliverySession | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = tablets.findTabletSessionByTokenHash(db, sha256(token));
  if (!row) return null;
  const ended = row.closed_at && row.closed_at < row.expires_at ? row.closed_at : row.expires_at;
  if (now.getTime() > Date.parse(ended) + DELIVERY_GRACE_DAYS * 86_400_000) return null;
  const participant = findParticipant(db, row.participant_id);
  if (!participant) return null;
  const open = row.closed_at === null && Date.parse(row.expires_at) > now.getTime();
  return { token, tokenHash: row.token_hash, participant, kind: row.kind, csrfToken: row.csrf_token, open };
}

/**
 * Among the sessions of `tokens`, the one whose CSRF token is `csrf`; a 401
 * `delivery_not_possible` when none is (unknown to this device, or ended
 * more than the grace period ago): the tablet keeps those answers.
 */
export function sessionForDelivery(db: Db, tokens: string[], csrf: string | undefined, now = new Date()): DeliverySession {
  if (csrf) {
    for (const token of tokens) {
      const session = loadDeliverySession(db, token, now);
      if (session && sameText(session.csrfToken, csrf)) return session;
    }
  }
  throw new Problem(401, 'delivery_not_possible',
    `No tablet session of this device matches the X-CSRF-Token, or it ended more than ${DELIVERY_GRACE_DAYS} days ago; the answers stay on the tablet`);
}

/**
 * The delivery cookie's tokens after the current session registers: the
 * current one plus the earlier ones the tablet still needs (`keep`: their
 * CSRF tokens) that may still deliver.
 */
export function registeredTokens(db: Db, current: string, earlier: string[], keep: string[], now = new Date()): string[] {
  const kept = earlier.filter((token) => token !== current).filter((token) => {
    const session = loadDeliverySession(db, token, now);
    return session !== null && keep.some((csrf) => sameText(csrf, session.csrfToken));
  });
  return [current, ...kept.slice(0, DELIVERY_MAX_SESSIONS)];
}
