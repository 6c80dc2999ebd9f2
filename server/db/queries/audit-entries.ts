/** Queries on `audit_entries` (append-only; there is no update or delete here). */
import type { Db } from '../connection';
import { statement } from './statement';

export interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'id, at, actor_id, actor, action, entity, entity_id, before_json, after_json, reason, prev_hash, hash';

export function lastAuditEntry(db: Db): { id: number; hash: string } | undefined {
  return statement(db, 'SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
}

/** The next id AUTOINCREMENT will hand out. */
export function nextAuditId(db: Db): number {
  const row = statement(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_entries'").get() as
    | { seq: number }
    | undefined;
  return (row?.seq ?? 0) + 1;
}

export function insertAuditEntry(db: Db, row: AuditRow): void {
  statement(db, `INSERT INTO audit_entries (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    row.id,
    row.at,
    row.actor_id,
    row.actor,
    row.action,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.reason,
    row.prev_hash,
    row.hash,
  );
}

/** All entries in id order, one at a time (for verification of large trails). */
export function iterateAuditEntries(db: Db): IterableIterator<AuditRow> {
  return statement(db, `SELECT ${COLUMNS} FROM audit_entries ORDER BY id`).iterate() as IterableIterator<AuditRow>;
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  action?: string;
  actorId?: number;
  from?: string;
  to?: string;
}

function where(filter: AuditFilter): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.entity) (clauses.push('entity = ?'), params.push(filter.entity));
  if (filter.entityId) (clauses.push('entity_id = ?'), params.push(filter.entityId));
  if (filter.action) (clauses.push('action = ?'), params.push(filter.action));
  if (filter.actorId !== undefined) (clauses.push('actor_id = ?'), params.push(filter.actorId));
  if (filter.from) (clauses.push('at >= ?'), params.push(filter.from));
  if (filter.to) (clauses.push('at < ?'), params.push(filter.to));
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Newest first. The WHERE clause is built only from fixed column names. */
export function findAuditEntries(db: Db, filter: AuditFilter, limit: number, offset: number): AuditRow[] {
  const w = where(filter);
  return statement(db, `SELECT ${COLUMNS} FROM audit_entries ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`).all(
    ...w.params,
    limit,
    offset,
  ) as AuditRow[];
}

/** Up to `limit` entries with an id below `belowId`, newest first (the audit CSV reads the trail in such batches). */
export function findAuditEntriesBelow(db: Db, filter: AuditFilter, belowId: number, limit: number): AuditRow[] {
  const w = where(filter);
  const sql = `SELECT ${COLUMNS} FROM audit_entries ${w.sql ? `${w.sql} AND` : 'WHERE'} id < ? ORDER BY id DESC LIMIT ?`;
  return statement(db, sql).all(...w.params, belowId, limit) as AuditRow[];
}

export function countAuditEntries(db: Db, filter: AuditFilter): number {
  const w = where(filter);
  return (statement(db, `SELECT count(*) AS n FROM audit_entries ${w.sql}`).get(...w.params) as { n: number }).n;
}
