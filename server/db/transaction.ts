/**
 * Runs `work` in one IMMEDIATE transaction (the write lock is taken at BEGIN,
 * so two processes sharing the file never deadlock halfway). A thrown error
 * rolls everything back, including the audit entry written inside. Nested
 * calls become savepoints of the outer transaction.
 */
import type { Db } from './connection';

export function inTransaction<T>(db: Db, work: () => T): T {
  const run = db.transaction(work);
  return db.inTransaction ? run() : run.immediate();
}
