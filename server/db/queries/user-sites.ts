/** Queries on `user_sites`: which staff belong to which sites. */
import type { Db } from '../connection';
import { statement } from './statement';

export interface UserSiteRow {
  user_id: number;
  site_id: number;
  code: string;
}

export function siteCodesOfUser(db: Db, userId: number): string[] {
  const rows = statement(
    db,
    'SELECT s.code FROM user_sites us JOIN sites s ON s.id = us.site_id WHERE us.user_id = ? ORDER BY s.code',
  ).all(userId) as { code: string }[];
  return rows.map((r) => r.code);
}

export function siteIdsOfUser(db: Db, userId: number): number[] {
  const rows = statement(db, 'SELECT site_id FROM user_sites WHERE user_id = ? ORDER BY site_id').all(userId) as {
    site_id: number;
  }[];
  return rows.map((r) => r.site_id);
}

export function allUserSites(db: Db): UserSiteRow[] {
  return statement(
    db,
    'SELECT us.user_id, us.site_id, s.code FROM user_sites us JOIN sites s ON s.id = us.site_id ORDER BY us.user_id, s.code',
  ).all() as UserSiteRow[];
}

export function usersOfSite(db: Db, siteId: number): { id: number; display_name: string; role: string; active: number }[] {
  return statement(
    db,
    `SELECT u.id, u.display_name, u.role, u.active FROM user_sites us JOIN users u ON u.id = us.user_id
     WHERE us.site_id = ? ORDER BY u.display_name`,
  ).all(siteId) as { id: number; display_name: string; role: string; active: number }[];
}

export function replaceUserSites(db: Db, userId: number, siteIds: number[]): void {
  statement(db, 'DELETE FROM user_sites WHERE user_id = ?').run(userId);
  const insert = statement(db, 'INSERT INTO user_sites (user_id, site_id) VALUES (?, ?)');
  for (const siteId of siteIds) insert.run(userId, siteId);
}

export function countUsersOfSite(db: Db, siteId: number): number {
  return (statement(db, 'SELECT count(*) AS n FROM user_sites WHERE site_id = ?').get(siteId) as { n: number }).n;
}
