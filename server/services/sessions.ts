/**
 * Logging in and out. A login checks the failure counts first — per
 * address, per email from this address, per email from any address (429
 * when over a limit, with an audit entry; config.ts `LoginLimits`) — then the
 * password; a wrong password, an unknown email and a deactivated account all
 * get the same 401. An account with an active TOTP second factor
 * (services/totp.ts) then needs `totpCode`: without it 401 `totp_required`
 * (not a failure: the password was right), a wrong, expired or replayed code
 * is a failure like a wrong password (401 `bad_totp_code`, counted toward the
 * same lockout). A successful login creates a session: a random 32-byte
 * token for the cookie (only its SHA-256 is stored) and a CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import * as sessions from '../db/queries/sessions';
import { findUserByEmail, findUserById, type UserRow } from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import { problems, type Problem } from '../errors';
import { recordAudit, type AuditActor } from './audit';
import { unmatchableHash, verifyPassword } from './passwords';
import { acceptLoginCode, hasActiveTotp } from './totp';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function emailKey(email: string): string {
  return sha256(email.trim().toLowerCase());
}

export function actorOf(user: Pick<UserRow, 'id' | 'email'>): AuditActor {
  return { id: user.id, label: user.email };
}

const anonymous = (email: string): AuditActor => ({ id: null, label: `login attempt as ${email.slice(0, 120)}` });

function minutesAgo(now: Date, minutes: number): string {
  return new Date(now.getTime() - minutes * 60_000).toISOString();
}

/** The time a lock ends, when `failures` reached `limit` and the lock (from the latest failure) still holds. */
function lockedUntil(failures: { n: number; last: string | null }, limit: number, config: Config, now: Date): number | null {
  if (failures.n < limit || !failures.last) return null;
  const until = Date.parse(failures.last) + config.login.lockMinutes * 60_000;
  return until > now.getTime() ? until : null;
}

/**
 * The 429 problem (already recorded in the audit trail) when this address,
 * this email from this address, or this email from anywhere is over its
 * limit (config.ts, `LoginLimits`).
 */
function limitProblem(db: Db, config: Config, email: string, ip: string, now: Date): Problem | null {
  const since = minutesAgo(now, config.login.windowMinutes);
  const byIp = sessions.failuresForIp(db, ip, since);
  if (byIp.n >= config.login.ipFailures) {
    const retry = Math.max(1, Math.ceil((Date.parse(byIp.first!) + config.login.windowMinutes * 60_000 - now.getTime()) / 1000));
    recordAudit(db, { actor: anonymous(email), action: 'login_refused', entity: 'session', after: { email, reason: 'too many failures from this address' } });
    return problems.tooManyRequests(retry);
  }
  const key = emailKey(email);
  const until =
    lockedUntil(sessions.failuresForPair(db, key, ip, since), config.login.pairFailures, config, now) ??
    lockedUntil(sessions.failuresForEmail(db, key, since), config.login.accountFailures, config, now);
  if (until === null) return null;
  recordAudit(db, { actor: anonymous(email), action: 'login_refused', entity: 'session', after: { email, reason: 'account locked' } });
  return problems.accountLocked(Math.ceil((until - now.getTime()) / 1000));
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: UserRow;
}

/** Records a failed login (wrong password or code) and, when it reaches a limit, the lock. */
function recordFailure(db: Db, config: Config, email: string, user: UserRow | undefined, ip: string, now: Date, what: 'password' | 'totp_code'): void {
  inTransaction(db, () => {
    sessions.insertLoginFailure(db, { emailKey: emailKey(email), ip, at: now.toISOString() });
    // the actor is whoever typed, not the account owner: record the account as the entity
    recordAudit(db, { actor: anonymous(email), action: 'login_failed', entity: 'session', entityId: user?.id ?? null, after: what === 'password' ? { email } : { email, wrong: what } });
    const since = minutesAgo(now, config.login.windowMinutes);
    const fromHere = sessions.failuresForPair(db, emailKey(email), ip, since).n === config.login.pairFailures;
    const fromAnywhere = sessions.failuresForEmail(db, emailKey(email), since).n === config.login.accountFailures;
    if (fromHere || fromAnywhere) {
      const scope = fromAnywhere ? 'every address' : 'this address';
      recordAudit(db, { actor: anonymous(email), action: 'login_locked', entity: 'session', entityId: user?.id ?? null, after: { email, minutes: config.login.lockMinutes, from: scope } });
    }
  });
}

export async function login(db: Db, config: Config, input: { email: string; password: string; ip: string; totpCode?: string | null }): Promise<LoginResult> {
  const email = input.email.trim();
  const refused = inTransaction(db, () => limitProblem(db, config, email, input.ip, new Date()));
  if (refused) throw refused;
  const user = findUserByEmail(db, email);
  const matches = await verifyPassword(input.password, user?.password_hash ?? unmatchableHash(config.passwordCost));
  const now = new Date();
  if (!user || !matches || !user.active) {
    recordFailure(db, config, email, user, input.ip, now, 'password');
    throw problems.badCredentials();
  }
  // failures by parallel attempts may have locked the account while the password was being checked
  const lateRefusal = inTransaction(db, () => limitProblem(db, config, email, input.ip, now));
  if (lateRefusal) throw lateRefusal;
  if (hasActiveTotp(db, user.id)) {
    if (!input.totpCode) throw problems.totpRequired();
    if (!acceptLoginCode(db, config, user.id, input.totpCode, now.getTime())) {
      recordFailure(db, config, email, user, input.ip, now, 'totp_code');
      throw problems.badTotpCode(401, 'totp_code');
    }
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  inTransaction(db, () => {
    sessions.clearFailuresForEmail(db, emailKey(email));
    sessions.deleteExpiredSessions(db, now.toISOString());
    sessions.deleteOldFailures(db, minutesAgo(now, 24 * 60));
    sessions.insertSession(db, {
      token_hash: sha256(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + config.sessionHours * 3_600_000).toISOString(),
      last_seen_at: now.toISOString(),
    });
    recordAudit(db, { actor: actorOf(user), action: 'login', entity: 'session', entityId: user.id });
  });
  return { token, csrfToken, user };
}

export interface LoadedSession {
  tokenHash: string;
  csrfToken: string;
  expiresAt: string;
  user: UserRow;
}

const TOUCH_EVERY_MS = 60_000;

/**
 * The live session for a cookie token, or null (unknown, expired, idle for
 * longer than `idleMinutes`, or user deactivated). Use is recorded at most
 * once a minute, so reads do not each cost a write.
 */
export function loadSession(db: Db, token: string, idleMinutes = 120): LoadedSession | null {
  const tokenHash = sha256(token);
  const session = sessions.findSession(db, tokenHash);
  if (!session) return null;
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const lastSeenMs = Date.parse(session.last_seen_at);
  if (session.expires_at <= now || nowMs - lastSeenMs > idleMinutes * 60_000) {
    sessions.deleteSession(db, tokenHash);
    return null;
  }
  if (nowMs - lastSeenMs > TOUCH_EVERY_MS) sessions.touchSession(db, tokenHash, now);
  const user = findUserById(db, session.user_id);
  if (!user || !user.active) return null;
  return { tokenHash, csrfToken: session.csrf_token, expiresAt: session.expires_at, user };
}

export function logout(db: Db, session: LoadedSession): void {
  inTransaction(db, () => {
    sessions.deleteSession(db, session.tokenHash);
    recordAudit(db, { actor: actorOf(session.user), action: 'logout', entity: 'session', entityId: session.user.id });
  });
}

/** Ends a session without an audit entry (it is replaced by a new login, which is audited). */
export function endSession(db: Db, session: LoadedSession): void {
  sessions.deleteSession(db, session.tokenHash);
}
