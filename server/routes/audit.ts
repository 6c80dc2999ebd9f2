/**
 * The audit trail, read-only, for admins and data monitors:
 * `GET /api/audit` (filters entity, entity_id, action, actor_id, from, to;
 * paging limit ≤ 500 and offset; newest first), `GET /api/audit.csv` (same
 * filters, every matching entry, text that a spreadsheet would read as a
 * formula neutralised; the download itself is audited as an export;
 * streamed in batches, services/audit-download.ts) and `GET /api/audit/verify`
 * (the hash-chain check, in a worker thread: services/audit-verification.ts).
 * Neither holds up the server's other requests on a long trail.
 */
import express, { type Request } from 'express';
import { countAuditEntries, findAuditEntries, lastAuditEntry, type AuditFilter, type AuditRow } from '../db/queries/audit-entries';
import { problems, type FieldProblem } from '../errors';
import { requireRole } from '../http/require-role';
import { recordAudit } from '../services/audit';
import { streamAuditCsv } from '../services/audit-download';
import { verifyAuditInWorker } from '../services/audit-verification';
import { actorOf } from '../services/sessions';
import type { MakeRouter } from './context';

const FILTERS = ['entity', 'entity_id', 'action', 'actor_id', 'from', 'to'] as const;
const PAGING = ['limit', 'offset'] as const;
const ISO = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

function parseQuery(req: Request, paging: boolean): { filter: AuditFilter; limit: number; offset: number } {
  const allowed = new Set<string>([...FILTERS, ...(paging ? PAGING : [])]);
  const errors: FieldProblem[] = [];
  const q: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) {
    if (!allowed.has(key)) errors.push({ field: key, message: `unknown query parameter '${key}'` });
    else if (typeof value !== 'string') errors.push({ field: key, message: `${key} must be given once` });
    else q[key] = value;
  }
  const int = (key: string, min: number, max: number, fallback: number): number => {
    if (q[key] === undefined) return fallback;
    const n = Number(q[key]);
    if (!Number.isInteger(n) || n < min || n > max) errors.push({ field: key, message: `${key} must be a whole number from ${min} to ${max}` });
    return n;
  };
  for (const key of ['from', 'to']) {
    if (q[key] !== undefined && (!ISO.test(q[key]) || Number.isNaN(Date.parse(q[key])))) {
      errors.push({ field: key, message: `${key} must be a date (YYYY-MM-DD) or an ISO 8601 UTC time` });
    }
  }
  const actorId = q.actor_id === undefined ? undefined : int('actor_id', 1, Number.MAX_SAFE_INTEGER, 0);
  const limit = int('limit', 1, 500, 100);
  const offset = int('offset', 0, Number.MAX_SAFE_INTEGER, 0);
  if (errors.length) throw problems.invalidQuery(errors);
  return { filter: { entity: q.entity, entityId: q.entity_id, action: q.action, actorId, from: q.from, to: q.to }, limit, offset };
}

function present(row: AuditRow) {
  const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
  return { ...row, before: parse(row.before_json), after: parse(row.after_json), before_json: undefined, after_json: undefined };
}

export const auditRouter: MakeRouter = ({ config, db }) => {
  const router = express.Router();
  const readers = requireRole('admin', 'data_monitor');

  router.get('/audit', readers, (req, res) => {
    const { filter, limit, offset } = parseQuery(req, true);
    res.json({ entries: findAuditEntries(db, filter, limit, offset).map(present), total: countAuditEntries(db, filter), limit, offset });
  });

  router.get('/audit.csv', readers, async (req, res) => {
    const { filter } = parseQuery(req, false);
    // the entries up to the last one now: the export's own entry (recorded next) and later ones are not in the file
    const lastId = lastAuditEntry(db)?.id ?? 0;
    const entries = countAuditEntries(db, filter);
    recordAudit(db, { actor: actorOf(req.auth!.user), action: 'export', entity: 'audit', after: { format: 'csv', filter, entries } });
    res.type('text/csv; charset=utf-8').attachment('audit-trail.csv');
    // opened in a spreadsheet: free text that would read as a formula is written as text (server/spreadsheet-csv.ts);
    // the stored entries, their hashes and GET /api/audit stay verbatim
    await streamAuditCsv(db, filter, lastId, res);
  });

  router.get('/audit/verify', readers, async (_req, res) => {
    res.json(await verifyAuditInWorker(config.dbFile));
  });

  return router;
};
