/**
 * Sites: code (stable, used in URLs and randomization strata), name, region
 * and target places (a range such as 4–8, or one number: min = max). A site
 * that staff (or, later, participants) belong to cannot be deleted.
 */
import type { Db } from '../db/connection';
import * as sites from '../db/queries/sites';
import { countUsersOfSite, usersOfSite } from '../db/queries/user-sites';
import { inTransaction } from '../db/transaction';
import { problems } from '../errors';
import { recordAudit, type AuditActor } from './audit';

export interface Site {
  id: number;
  code: string;
  name: string;
  region: string;
  places_min: number;
  places_max: number;
  staff: { id: number; display_name: string; role: string; active: boolean }[];
  created_at: string;
  updated_at: string;
}

function toSite(db: Db, row: sites.SiteRow): Site {
  const staff = usersOfSite(db, row.id).map((u) => ({ id: u.id, display_name: u.display_name, role: u.role, active: u.active === 1 }));
  return { ...row, staff };
}

function existing(db: Db, code: string): sites.SiteRow {
  const row = sites.findSiteByCode(db, code);
  if (!row) throw problems.notFound('site', code.slice(0, 40));
  return row;
}

export function listSites(db: Db): Site[] {
  return sites.listSites(db).map((row) => toSite(db, row));
}

export function getSite(db: Db, code: string): Site {
  return toSite(db, existing(db, code));
}

function checkPlaces(min: number, max: number): void {
  if (max < min) throw problems.invalidBody([{ field: 'places_max', message: `places_max (${max}) must not be below places_min (${min})` }]);
}

export interface NewSite {
  code: string;
  name: string;
  region: string;
  places_min: number;
  places_max?: number | null;
}

export function createSite(db: Db, actor: AuditActor, input: NewSite): Site {
  const placesMax = input.places_max ?? input.places_min;
  checkPlaces(input.places_min, placesMax);
  return inTransaction(db, () => {
    if (sites.findSiteByCode(db, input.code)) {
      throw problems.conflict(`A site with code ${input.code} already exists`, [{ field: 'code', message: 'code is already in use' }]);
    }
    const values = { code: input.code, name: input.name.trim(), region: input.region.trim(), placesMin: input.places_min, placesMax };
    const id = sites.insertSite(db, values, new Date().toISOString());
    const created = toSite(db, sites.findSiteById(db, id)!);
    recordAudit(db, { actor, action: 'create', entity: 'site', entityId: input.code, after: created });
    return created;
  });
}

export function updateSite(
  db: Db,
  actor: AuditActor,
  code: string,
  changes: { name?: string | null; region?: string | null; places_min?: number | null; places_max?: number | null },
): Site {
  return inTransaction(db, () => {
    const row = existing(db, code);
    const next = {
      name: changes.name?.trim() || row.name,
      region: changes.region?.trim() || row.region,
      placesMin: changes.places_min ?? row.places_min,
      placesMax: changes.places_max ?? (changes.places_min != null && row.places_min === row.places_max ? changes.places_min : row.places_max),
    };
    checkPlaces(next.placesMin, next.placesMax);
    const before = toSite(db, row);
    const unchanged = next.name === row.name && next.region === row.region && next.placesMin === row.places_min && next.placesMax === row.places_max;
    if (unchanged) return before;
    sites.updateSite(db, row.id, next, new Date().toISOString());
    const after = toSite(db, existing(db, code));
    recordAudit(db, { actor, action: 'update', entity: 'site', entityId: code, before, after });
    return after;
  });
}

/** Deletes a site no one belongs to; 409 otherwise (and when other records point at it). */
export function deleteSite(db: Db, actor: AuditActor, code: string): void {
  inTransaction(db, () => {
    const row = existing(db, code);
    if (countUsersOfSite(db, row.id) > 0) throw problems.conflict(`Site ${code} still has staff assigned; remove them first`);
    const before = toSite(db, row);
    try {
      sites.deleteSite(db, row.id);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw problems.conflict(`Site ${code} has records (participants, allocations …) and cannot be deleted`);
      }
      throw err;
    }
    recordAudit(db, { actor, action: 'delete', entity: 'site', entityId: code, before });
  });
}
