/**
 * Exports and ICER reports that were still "running" when the server
 * stopped: their worker died with the process, so at the next start they are
 * marked failed (with the reason) instead of showing "running" for ever.
 */
import type { Db } from '../connection';
import { statement } from './statement';

export const INTERRUPTED_MESSAGE = 'interrupted by a server restart; start it again';

/** Marks every running export and report as failed; returns how many of each. */
export function failInterruptedJobs(db: Db, message: string, now: string): { exports: number; reports: number } {
  const exports = statement(db, `UPDATE exports SET status = 'failed', error = ?, finished_at = ? WHERE status = 'running'`).run(message, now).changes;
  const reports = statement(db, `UPDATE reports SET status = 'failed', stage = 'failed', error = ?, finished_at = ? WHERE status = 'running'`).run(message, now).changes;
  return { exports, reports };
}
