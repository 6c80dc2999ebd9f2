/**
 * Staff accounts: create, change (name, role, active), deactivate, reset or
 * change a password, and assign sites. Every change is written together with
 * its audit entry. Deactivating an account ends its sessions and expires
 * the unused home codes it handed out (audited as `home_code_revoke`);
 * accounts are never deleted.
 */
import type { Db } from '../db/connection';
import { deleteSessionsOfUser } from '../db/queries/sessions';
import { findSiteByCode } from '../db/queries/sites';
import { expireHomeCodesOf } from '../db/queries/tablet-sessions';
import { replaceUserSites, siteCodesOfUser, siteIdsOfUser, allUserSites } from '../db/queries/user-sites';
import * as users from '../db/queries/users';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { recordAudit, type AuditActor } from './audit';
import { checkPasswordStrength, hashPassword, verifyPassword, type ScryptCost } from './passwords';

export interface StaffUser {
  id: number;
  email: string;
  display_name: string;
  role: users.Role;
  active: boolean;
  sites: string[];
  created_at: string;
  updated_at: string;
}

export function toStaffUser(row: users.UserRow, sites: string[]): StaffUser {
  return {
    id: row.id,
    email: row.email,
    display_name: row.display_name,
    role: row.role,
    active: row.active === 1,
    sites,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function existing(db: Db, id: number): users.UserRow {
  const row = users.findUserById(db, id);
  if (!row) throw problems.notFound('staff user', id);
  return row;
}

export function getStaffUser(db: Db, id: number): StaffUser {
  return toStaffUser(existing(db, id), siteCodesOfUser(db, id));
}

export function listStaffUsers(db: Db): StaffUser[] {
  const sites = new Map<number, string[]>();
  for (const link of allUserSites(db)) sites.set(link.user_id, [...(sites.get(link.user_id) ?? []), link.code]);
  return users.listUsers(db).map((row) => toStaffUser(row, sites.get(row.id) ?? []));
}

function siteIdOf(db: Db, code: string, field: string): number {
  const site = findSiteByCode(db, code);
  if (!site) throw problems.invalidBody([{ field, message: `${field} '${code}' is not a known site` }]);
  return site.id;
}

export interface NewStaffUser {
  email: string;
  display_name: string;
  role: users.Role;
  password: string;
  site_codes?: string[];
}

export async function createStaffUser(db: Db, actor: AuditActor, input: NewStaffUser, cost?: ScryptCost): Promise<StaffUser> {
  checkPasswordStrength(input.password, 'password', input.email);
  const passwordHash = await hashPassword(input.password, cost);
  return inTransaction(db, () => {
    if (users.findUserByEmail(db, input.email)) {
      throw problems.conflict(`A staff user with email ${input.email} already exists`, [{ field: 'email', message: 'email is already in use' }]);
    }
    const siteIds = (input.site_codes ?? []).map((code) => siteIdOf(db, code, 'site_code'));
    const now = new Date().toISOString();
    const id = users.insertUser(db, { email: input.email.trim(), displayName: input.display_name.trim(), role: input.role, passwordHash, now });
    replaceUserSites(db, id, siteIds);
    const created = getStaffUser(db, id);
    recordAudit(db, { actor, action: 'create', entity: 'user', entityId: id, after: created });
    return created;
  });
}

export function updateStaffUser(
  db: Db,
  actor: AuditActor,
  id: number,
  changes: { display_name?: string | null; role?: users.Role | null; active?: boolean | null },
): StaffUser {
  return inTransaction(db, () => {
    const row = existing(db, id);
    const before = toStaffUser(row, siteCodesOfUser(db, id));
    if (actor.id === id && (changes.active === false || (changes.role && changes.role !== row.role))) {
      throw problems.conflict('You cannot deactivate yourself or change your own role; ask another admin');
    }
    const next = {
      displayName: changes.display_name?.trim() || row.display_name,
      role: changes.role ?? row.role,
      active: (changes.active ?? row.active === 1) ? 1 : 0,
    } as const;
    if (next.displayName === row.display_name && next.role === row.role && next.active === row.active) return before;
    const now = new Date().toISOString();
    users.updateUser(db, id, { ...next, now });
    // a deactivated person's logins end, and the home codes they handed out no longer open anything
    let revokedHomeCodes = 0;
    if (next.active === 0) {
      deleteSessionsOfUser(db, id);
      revokedHomeCodes = expireHomeCodesOf(db, id, now);
    }
    const after = getStaffUser(db, id);
    const action = before.active && !after.active ? 'deactivate' : !before.active && after.active ? 'reactivate' : 'update';
    recordAudit(db, { actor, action, entity: 'user', entityId: id, before, after });
    if (revokedHomeCodes > 0) recordAudit(db, { actor, action: 'home_code_revoke', entity: 'user', entityId: id, after: { home_codes: revokedHomeCodes } });
    return after;
  });
}

export function assignSite(db: Db, actor: AuditActor, id: number, siteCode: string): StaffUser {
  return inTransaction(db, () => {
    const before = getStaffUser(db, id);
    const siteId = siteIdOf(db, siteCode, 'site_code');
    const ids = siteIdsOfUser(db, id);
    if (!ids.includes(siteId)) replaceUserSites(db, id, [...ids, siteId]);
    const after = getStaffUser(db, id);
    recordAudit(db, { actor, action: 'assign_site', entity: 'user', entityId: id, before: { sites: before.sites }, after: { sites: after.sites } });
    return after;
  });
}

export function removeSite(db: Db, actor: AuditActor, id: number, siteCode: string): StaffUser {
  return inTransaction(db, () => {
    const before = getStaffUser(db, id);
    const site = findSiteByCode(db, siteCode);
    if (!site || !before.sites.includes(siteCode)) throw problems.notFound(`site ${siteCode} of staff user`, id);
    replaceUserSites(db, id, siteIdsOfUser(db, id).filter((s) => s !== site.id));
    const after = getStaffUser(db, id);
    recordAudit(db, { actor, action: 'remove_site', entity: 'user', entityId: id, before: { sites: before.sites }, after: { sites: after.sites } });
    return after;
  });
}

/** An admin sets a new password for someone; their sessions end. */
export async function resetPassword(db: Db, actor: AuditActor, id: number, newPassword: string, cost?: ScryptCost): Promise<void> {
  const row = existing(db, id);
  checkPasswordStrength(newPassword, 'new_password', row.email);
  const hash = await hashPassword(newPassword, cost);
  inTransaction(db, () => {
    existing(db, id);
    users.updatePasswordHash(db, id, hash, new Date().toISOString());
    deleteSessionsOfUser(db, id);
    recordAudit(db, { actor, action: 'password_reset', entity: 'user', entityId: id });
  });
}

/** A staff member changes their own password; their other sessions end. */
export async function changeOwnPassword(
  db: Db,
  user: users.UserRow,
  currentTokenHash: string,
  input: { current_password: string; new_password: string },
  cost?: ScryptCost,
): Promise<void> {
  if (!(await verifyPassword(input.current_password, user.password_hash))) throw problems.wrongPassword();
  checkPasswordStrength(input.new_password, 'new_password', user.email);
  if (input.new_password === input.current_password) {
    throw problems.invalidBody([{ field: 'new_password', message: 'new_password must differ from the current password' }]);
  }
  const hash = await hashPassword(input.new_password, cost);
  inTransaction(db, () => {
    users.updatePasswordHash(db, user.id, hash, new Date().toISOString());
    deleteSessionsOfUser(db, user.id, currentTokenHash);
    recordAudit(db, { actor: { id: user.id, label: user.email }, action: 'password_change', entity: 'user', entityId: user.id });
  });
}
