/**
 * The audit-trail CSV as a stream: the entries are read in batches (newest
 * first, ids below a fixed upper bound, so entries recorded meanwhile are
 * left out) and written with backpressure, giving the event loop back
 * between batches, so a download of a long trail does not hold up the
 * server's other requests. The text is the same as one `spreadsheetCsv`
 * call over every entry.
 */
import type { Writable } from 'node:stream';
import type { Db } from '../db/connection';
import { findAuditEntriesBelow, type AuditFilter } from '../db/queries/audit-entries';
import { spreadsheetCell } from '../spreadsheet-csv';

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor_id', 'actor', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'reason', 'prev_hash', 'hash'] as const;

const BATCH = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A wait for `out` to take more (or to close: the download was cancelled).
 * One listener of each per download, not one per wait: behind compression,
 * `res.off('drain')` does not reach the gzip stream the listener went to.
 */
function drainWaiter(out: Writable): () => Promise<void> {
  let wake: (() => void) | undefined;
  const done = () => {
    wake?.();
    wake = undefined;
  };
  out.on('drain', done);
  out.once('close', done);
  return () => new Promise((resolve) => (out.destroyed ? resolve() : (wake = resolve)));
}

/** Writes the header and every entry matching `filter` with an id up to `lastId`; resolves when done or when `out` was closed. */
export async function streamAuditCsv(db: Db, filter: AuditFilter, lastId: number, out: Writable): Promise<void> {
  let chunk = `${AUDIT_CSV_COLUMNS.map(spreadsheetCell).join(',')}\n`;
  let below = lastId + 1;
  const drained = drainWaiter(out);
  for (;;) {
    if (out.destroyed) return;
    if (!out.write(chunk)) await drained();
    const rows = findAuditEntriesBelow(db, filter, below, BATCH);
    if (rows.length === 0) break;
    chunk = rows.map((row) => `${AUDIT_CSV_COLUMNS.map((column) => spreadsheetCell(row[column])).join(',')}\n`).join('');
    below = rows[rows.length - 1].id;
    await nextTurn();
  }
  if (!out.destroyed) out.end();
}
