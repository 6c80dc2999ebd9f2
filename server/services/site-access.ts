/**
 * Which sites a staff member may see. Coaches see only the participants of
 * the sites they belong to; every other role sees all sites. Use
 * `siteScope(db, user)` to filter lists (null = every site) and
 * `canSeeSite` / `assertCanSeeSite` for one record (a hidden record is
 * answered as 404, so its existence is not revealed).
 */
import type { Db } from '../db/connection';
import { siteIdsOfUser } from '../db/queries/user-sites';
import type { Role } from '../db/queries/users';
import { problems } from '../errors';

const SITE_BOUND_ROLES: ReadonlySet<Role> = new Set<Role>(['coach']);

/** The ids of the sites `user` may see, or null when the role sees every site. */
export function siteScope(db: Db, user: { id: number; role: Role }): number[] | null {
  return SITE_BOUND_ROLES.has(user.role) ? siteIdsOfUser(db, user.id) : null;
}

export function canSeeSite(db: Db, user: { id: number; role: Role }, siteId: number): boolean {
  const scope = siteScope(db, user);
  return scope === null || scope.includes(siteId);
}

/** Throws 404 `not_found` (for `what` `id`) when the user may not see records of `siteId`. */
export function assertCanSeeSite(db: Db, user: { id: number; role: Role }, siteId: number, what: string, id: string | number): void {
  if (!canSeeSite(db, user, siteId)) throw problems.notFound(what, id);
}
