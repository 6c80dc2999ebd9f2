/**
 * Tablet access for participants.
 *
 * Clinic: a staff member, logged in on the tablet, opens a session for one
 * participant with a PIN of 4–8 digits; the staff session on that device is
 * ended at the same moment (the participant cannot reach staff pages), and
 * the tablet cookie only reaches that participant's questionnaire. Leaving
 * the kiosk needs the same PIN (stored as an scrypt hash on the session).
 * Home: staff make a personal one-time code (10 characters, expires after
 * the study's homeCodeHours); redeeming it opens a home session once.
 * Only SHA-256 hashes of tokens and codes are stored.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Db } from '../db/connection';
import type { ParticipantRow } from '../db/queries/participants';
import { findParticipant } from '../db/queries/participants';
import * as tablets from '../db/queries/tablet-sessions';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { recordAudit, type AuditActor } from './audit';
import { hashPassword, verifyPassword, type ScryptCost } from './passwords';
import { sha256 } from './sessions';
import { getStudySettings } from './study-settings';

export const TABLET_COOKIE = 'ips_trial_tablet';
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface LoadedTabletSession {
  tokenHash: string;
  participant: ParticipantRow;
  kind: 'clinic' | 'home';
  csrfToken: string;
  expiresAt: string;
  pinHash: string | null;
}

export function loadTabletSession(db: Db, token: string): LoadedTabletSession | null {
  const row = tablets.findOpenTabletSession(db, sha256(token), new Date().toISOString());
  if (!row) return null;
  const participant = findParticipant(db, row.participant_id);
  if (!participant) return null;
  return { tokenHash: row.token_hash, participant, kind: row.kind, csrfToken: row.csrf_token, expiresAt: row.expires_at, pinHash: row.pin_hash };
}

export function checkPin(pin: unknown): string {
  if (typeof pin !== 'string' || !/^\d{4,8}$/.test(pin)) throw problems.invalidBody([{ field: 'pin', message: 'pin must be 4 to 8 digits' }]);
  return pin;
}

export interface OpenedTabletSession {
  token: string;
  csrfToken: string;
  expiresAt: string;
}

function newSession(db: Db, participant: ParticipantRow, kind: 'clinic' | 'home', openedBy: number | null, pinHash: string | null): OpenedTabletSession {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + getStudySettings(db).tabletSessionHours * 3_600_000).toISOString();
  tablets.insertTabletSession(db, { token_hash: sha256(token), participant_id: participant.id, kind, opened_by: openedBy, pin_hash: pinHash, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function openClinicSession(db: Db, actor: AuditActor, participant: ParticipantRow, pin: string, cost?: ScryptCost): Promise<OpenedTabletSession> {
  const pinHash = await hashPassword(pin, cost);
  return inTransaction(db, () => {
    const opened = newSession(db, participant, 'clinic', actor.id, pinHash);
    recordAudit(db, { actor, action: 'tablet_session_open', entity: 'participant', entityId: participant.study_id, after: { kind: 'clinic', expires_at: opened.expiresAt } });
    return opened;
  });
}

export async function exitClinicSession(db: Db, session: LoadedTabletSession, pin: unknown): Promise<void> {
  if (session.kind === 'clinic') {
    const given = checkPin(pin);
    if (!session.pinHash || !(await verifyPassword(given, session.pinHash))) {
      throw problems.invalidBody([{ field: 'pin', message: 'pin is wrong' }]);
    }
  }
  inTransaction(db, () => {
    tablets.closeTabletSession(db, session.tokenHash, new Date().toISOString());
    recordAudit(db, { actor: { id: null, label: `tablet ${session.participant.study_id}` }, action: 'tablet_session_close', entity: 'participant', entityId: session.participant.study_id });
  });
}

export function createHomeCode(db: Db, actor: AuditActor, participant: ParticipantRow): { code: string; expiresAt: string } {
  const code = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + getStudySettings(db).homeCodeHours * 3_600_000).toISOString();
  inTransaction(db, () => {
    tablets.insertHomeCode(db, { codeHash: sha256(code), participantId: participant.id, createdBy: actor.id, createdAt: now.toISOString(), expiresAt });
    recordAudit(db, { actor, action: 'home_code_create', entity: 'participant', entityId: participant.study_id, after: { expires_at: expiresAt } });
  });
  return { code, expiresAt };
}

export function redeemHomeCode(db: Db, code: unknown): OpenedTabletSession {
  if (typeof code !== 'string' || !/^[A-Za-z0-9 -]{6,20}$/.test(code)) throw problems.invalidBody([{ field: 'code', message: 'code must be the 10-character code from the study team' }]);
  const normalised = code.replace(/[\s-]/g, '').toUpperCase();
  return inTransaction(db, () => {
    const participantId = tablets.redeemHomeCode(db, sha256(normalised), new Date().toISOString());
    if (participantId === undefined) throw problems.invalidBody([{ field: 'code', message: 'code is unknown, already used or expired' }]);
    const participant = findParticipant(db, participantId)!;
    const opened = newSession(db, participant, 'home', null, null);
    recordAudit(db, { actor: { id: null, label: `home code ${participant.study_id}` }, action: 'tablet_session_open', entity: 'participant', entityId: participant.study_id, after: { kind: 'home', expires_at: opened.expiresAt } });
    return opened;
  });
}
