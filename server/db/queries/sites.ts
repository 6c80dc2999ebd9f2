/** Queries on `sites`. */
import type { Db } from '../connection';
import { statement } from './statement';

export interface SiteRow {
  id: number;
  code: string;
  name: string;
  region: string;
  places_min: number;
  places_max: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, code, name, region, places_min, places_max, created_at, updated_at';

export interface SiteValues {
  code: string;
  name: string;
  region: string;
  placesMin: number;
  placesMax: number;
}

export function listSites(db: Db): SiteRow[] {
  return statement(db, `SELECT ${COLUMNS} FROM sites ORDER BY code`).all() as SiteRow[];
}

export function findSiteByCode(db: Db, code: string): SiteRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM sites WHERE code = ?`).get(code) as SiteRow | undefined;
}

export function findSiteById(db: Db, id: number): SiteRow | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM sites WHERE id = ?`).get(id) as SiteRow | undefined;
}

export function insertSite(db: Db, site: SiteValues, now: string): number {
  const result = statement(
    db,
    'INSERT INTO sites (code, name, region, places_min, places_max, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(site.code, site.name, site.region, site.placesMin, site.placesMax, now, now);
  return Number(result.lastInsertRowid);
}

export function updateSite(db: Db, id: number, site: Omit<SiteValues, 'code'>, now: string): void {
  statement(db, 'UPDATE sites SET name = ?, region = ?, places_min = ?, places_max = ?, updated_at = ? WHERE id = ?').run(
    site.name,
    site.region,
    site.placesMin,
    site.placesMax,
    now,
    id,
  );
}

export function deleteSite(db: Db, id: number): void {
  statement(db, 'DELETE FROM sites WHERE id = ?').run(id);
}
