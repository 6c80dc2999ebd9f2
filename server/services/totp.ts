/**
 * The TOTP second factor of staff accounts. A staff member starts an
 * enrolment (the server makes a 20-byte secret and shows it once, as Base32,
 * as an otpauth:// URI and as that URI in a QR code for the authenticator
 * app), then confirms it with
 * a code: only then is it active and asked for at every login. The secret is
 * stored only encrypted (AES-256-GCM under a key derived from
 * `secrets/totp-key.key`, the user id as additional data) and never leaves
 * the server after the enrolment started. A code is accepted within one
 * 30-second step either side of now and only for a step later than the last
 * one used, so no code works twice. The admin's policy (app_settings
 * `totp_policy`) names the roles that must have it: someone of such a role
 * without it may, after the password, only set it up (http/totp-gate.ts). An
 * admin's reset removes the factor and ends the person's sessions. Every step
 * is audited; the secret and the codes never are.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import qrcode from 'qrcode-generator';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import { getSetting, setSetting } from '../db/queries/app-settings';
import { deleteSessionsOfUser } from '../db/queries/sessions';
import * as totp from '../db/queries/user-totp';
import { findUserById, ROLES, type Role, type UserRow } from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { matchingStep, otpauthUri, base32Encode } from '../identity/totp';
import { TOTP_KEY, trialSecret } from '../secrets';
import { recordAudit, type AuditActor } from './audit';

export const TOTP_ISSUER = 'IPS trial';
const POLICY_KEY = 'totp_policy';

export interface TotpPolicy {
  required_roles: Role[];
}

export interface TotpStatus {
  /** an active second factor */
  enrolled: boolean;
  /** an enrolment started and not yet confirmed */
  pending: boolean;
  /** the policy requires it for this person's role */
  required: boolean;
  /** required and not enrolled: the person may only set it up */
  must_enrol: boolean;
}

function cipherKey(db: Db, config: Pick<Config, 'secretsDir'>): Buffer {
  return Buffer.from(hkdfSync('sha256', trialSecret(db, config.secretsDir, TOTP_KEY), Buffer.alloc(0), 'ips-trial totp secret aes-256-gcm v1', 32));
}

function seal(key: Buffer, secret: Buffer, userId: number): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(`user:${userId}`));
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()]);
  return ['v1', nonce.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join('.');
}

function unseal(key: Buffer, stored: string, userId: number): Buffer {
  const [version, nonce, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !nonce || !tag || ciphertext === undefined) throw new Error('stored TOTP secret has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64'));
  decipher.setAAD(Buffer.from(`user:${userId}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
}

export function getTotpPolicy(db: Db): TotpPolicy {
  const stored = getSetting(db, POLICY_KEY);
  const roles = stored ? ((JSON.parse(stored) as TotpPolicy).required_roles ?? []) : [];
  return { required_roles: ROLES.filter((r) => roles.includes(r)) };
}

export function setTotpPolicy(db: Db, actor: AuditActor, input: { required_roles: Role[]; reason?: string | null }): TotpPolicy {
  const unknown = input.required_roles.filter((r) => !ROLES.includes(r));
  if (unknown.length) throw problems.invalidBody([{ field: 'required_roles', message: `required_roles has unknown role(s): ${unknown.join(', ')}` }]);
  return inTransaction(db, () => {
    const before = getTotpPolicy(db);
    const after: TotpPolicy = { required_roles: ROLES.filter((r) => input.required_roles.includes(r)) };
    if (JSON.stringify(before) === JSON.stringify(after)) return before;
    // an admin who requires it of their own role without having it would lock themselves out of this page
    const own = actor.id === null ? undefined : findUserById(db, actor.id);
    if (own && after.required_roles.includes(own.role) && !hasActiveTotp(db, own.id)) {
      throw problems.conflict('Set up two-step verification for yourself before requiring it of your own role', [{ field: 'required_roles', message: `required_roles includes your own role (${own.role}) but your two-step verification is not set up` }]);
    }
    setSetting(db, POLICY_KEY, JSON.stringify(after), new Date().toISOString());
    recordAudit(db, { actor, action: 'update', entity: 'totp_policy', entityId: POLICY_KEY, before, after, reason: input.reason?.trim() || null });
    return after;
  });
}

export function totpStatus(db: Db, user: Pick<UserRow, 'id' | 'role'>): TotpStatus {
  const row = totp.findUserTotp(db, user.id);
  const enrolled = row?.state === 'active';
  const required = getTotpPolicy(db).required_roles.includes(user.role);
  return { enrolled, pending: row?.state === 'pending', required, must_enrol: required && !enrolled };
}

export interface TotpEnrolment {
  /** the secret in Base32, for typing into the app; shown only now */
  secret: string;
  otpauth_uri: string;
  /** the URI as a QR code for the app's camera: an SVG image as a data: URI (qrcode-generator, as the home-code slip) */
  qr_image: string;
}

/** Starts (or restarts) an enrolment with a new secret; 409 when a second factor is already active. */
export function startTotpEnrolment(db: Db, config: Pick<Config, 'secretsDir'>, user: UserRow): TotpEnrolment {
  return inTransaction(db, () => {
    if (totp.findUserTotp(db, user.id)?.state === 'active') {
      throw problems.conflict('Two-step verification is already set up for this account; an admin can reset it');
    }
    const secret = randomBytes(20);
    totp.upsertPendingTotp(db, user.id, seal(cipherKey(db, config), secret, user.id), new Date().toISOString());
    recordAudit(db, { actor: { id: user.id, label: user.email }, action: 'totp_enrol_start', entity: 'user', entityId: user.id });
    const uri = otpauthUri(secret, user.email, TOTP_ISSUER);
    const code = qrcode(0, 'M');
    code.addData(uri, 'Byte');
    code.make();
    const qr = `data:image/svg+xml;base64,${Buffer.from(code.createSvgTag({ cellSize: 6, margin: 12, scalable: true })).toString('base64')}`;
    return { secret: base32Encode(secret), otpauth_uri: uri, qr_image: qr };
  });
}

/** Confirms a pending enrolment with a code of the app; from now on the code is asked at login. */
export function confirmTotpEnrolment(db: Db, config: Pick<Config, 'secretsDir'>, user: UserRow, code: string, nowMs = Date.now()): TotpStatus {
  return inTransaction(db, () => {
    const row = totp.findUserTotp(db, user.id);
    if (!row || row.state !== 'pending') throw problems.conflict('There is no two-step verification set-up to confirm; start one first');
    const step = matchingStep(unseal(cipherKey(db, config), row.secret_ciphertext, user.id), code, nowMs);
    if (step === null) throw problems.badTotpCode(400, 'code');
    totp.activateTotp(db, user.id, step, new Date(nowMs).toISOString());
    recordAudit(db, { actor: { id: user.id, label: user.email }, action: 'totp_enrol', entity: 'user', entityId: user.id });
    return totpStatus(db, user);
  });
}

/** Whether `user` has an active second factor (login asks for a code). */
export function hasActiveTotp(db: Db, userId: number): boolean {
  return totp.findUserTotp(db, userId)?.state === 'active';
}

/** Accepts a login code: right within the window and of a step later than any used before (no replay). */
export function acceptLoginCode(db: Db, config: Pick<Config, 'secretsDir'>, userId: number, code: string, nowMs = Date.now()): boolean {
  return inTransaction(db, () => {
    const row = totp.findUserTotp(db, userId);
    if (!row || row.state !== 'active') return false;
    const step = matchingStep(unseal(cipherKey(db, config), row.secret_ciphertext, userId), code, nowMs);
    return step !== null && totp.useTotpStep(db, userId, step);
  });
}

/** An admin removes someone's second factor (lost phone): their sessions end; they set it up again at the next login. */
export function resetTotp(db: Db, actor: AuditActor, userId: number, reason: string): void {
  if (!reason.trim()) throw problems.invalidBody([{ field: 'reason', message: 'reason is required' }]);
  inTransaction(db, () => {
    if (!findUserById(db, userId)) throw problems.notFound('staff user', userId);
    const row = totp.findUserTotp(db, userId);
    if (!row) throw problems.conflict('This staff user has no two-step verification to reset');
    totp.deleteUserTotp(db, userId);
    deleteSessionsOfUser(db, userId);
    recordAudit(db, { actor, action: 'totp_reset', entity: 'user', entityId: userId, before: { totp: row.state }, after: { totp: 'none' }, reason: reason.trim() });
  });
}

/** Ids of the staff with an active second factor (the admin's user list). */
export const enrolledUserIds = (db: Db): Set<number> => new Set(totp.activeTotpUserIds(db));
