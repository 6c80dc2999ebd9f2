/**
 * Prepared statements cached per database handle, so each query module can
 * write `statement(db, sql).get(…)` without preparing the same SQL twice.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';

const cache = new WeakMap<Db, Map<string, Statement>>();

export function statement(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}
