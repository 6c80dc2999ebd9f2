/**
 * Group commit: writes that arrive together share one commit, so one fsync
 * (`synchronous = FULL`) makes many of them durable instead of each paying
 * its own — on a busy server most of a questionnaire upload's time is that
 * fsync. `commitTogether(db, work)` queues `work`; at the end of the current
 * turn of the event loop everything queued runs in one IMMEDIATE
 * transaction, each piece of work in its own savepoint, in the order queued.
 * A piece that throws is rolled back alone (its promise rejects with its
 * error, the others go on); the promises of the rest resolve only once the
 * commit has returned, so nothing is acknowledged before it is on disk. When
 * the transaction as a whole fails (the commit itself, or an error after
 * which SQLite rolled everything back, such as a full disk), every promise of
 * the group rejects with that error and nothing of it is kept.
 *
 * Work must be synchronous (better-sqlite3 is) and must not await.
 */
import type { Db } from './connection';

interface Queued {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** at most this many pieces of work per commit; more wait for the next turn */
const MAX_GROUP = 256;

const queues = new WeakMap<Db, Queued[]>();

function flush(db: Db): void {
  const queue = queues.get(db)!;
  const group = queue.splice(0, MAX_GROUP);
  if (queue.length) setImmediate(() => flush(db));
  else queues.delete(db);
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    db.transaction(() => {
      for (const item of group) {
        if (!db.inTransaction) throw new Error('the transaction of the group ended before its last piece of work');
        try {
          outcomes.push({ ok: true, value: db.transaction(item.work)() });
        } catch (error) {
          // SQLite ended the whole transaction (disk full, I/O error): nothing of the group is kept
          if (!db.inTransaction) throw error;
          outcomes.push({ ok: false, error });
        }
      }
    }).immediate();
  } catch (error) {
    for (const item of group) item.reject(error);
    return;
  }
  group.forEach((item, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) item.resolve(outcome.value);
    else item.reject(outcome.error);
  });
}

export function commitTogether<T>(db: Db, work: () => T): Promise<T> {
  if (db.inTransaction) return Promise.reject(new Error('commitTogether cannot run inside a transaction'));
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = [];
      queues.set(db, queue);
      setImmediate(() => flush(db));
    }
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
  });
}
