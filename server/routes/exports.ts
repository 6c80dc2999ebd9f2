/**
 * Pseudonymised exports from the web (evaluator, trial manager):
 * POST /api/exports {pidMode?: 'keyed'|'fresh', k?: 1–100} starts one in a
 * worker thread and answers 202 with its id; GET /api/exports lists them;
 * GET /api/exports/:id shows status, row counts, suppressions and the files;
 * GET /api/exports/:id/files/:name downloads one file, and
 * GET /api/exports/:id/archive.zip the whole folder as one zip (each
 * download recorded in the audit trail). The folder lives in the server's exports directory.
 */
import express from 'express';
import { problems, type FieldProblem } from '../errors';
import { idParam } from '../http/params';
import { requireRole } from '../http/require-role';
import { findExport, listExports } from '../db/queries/exports';
import { recordAudit } from '../services/audit';
import { exportFilePath, finishedExportFolder, startExport, viewExport } from '../services/exports';
import { streamFolderAsZip } from '../export/export-archive';
import { actorOf } from '../services/sessions';
import type { PidMode } from '../export/pseudonym';
import type { MakeRouter } from './context';

const EXPORT_ROLES = ['evaluator', 'trial_manager'] as const;

function readExportBody(body: unknown): { pidMode: PidMode; k: number } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw problems.bodyNotObject();
  const record = body as Record<string, unknown>;
  const errors: FieldProblem[] = Object.keys(record).filter((f) => !['pidMode', 'k'].includes(f)).map((f) => ({ field: f, message: `unknown field '${f}'` }));
  const pidMode = record.pidMode ?? 'keyed';
  const k = record.k ?? 5;
  if (pidMode !== 'keyed' && pidMode !== 'fresh') errors.push({ field: 'pidMode', message: 'pidMode must be one of keyed, fresh' });
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > 100) errors.push({ field: 'k', message: 'k must be a whole number from 1 to 100' });
  if (errors.length) throw problems.invalidBody(errors);
  return { pidMode: pidMode as PidMode, k: k as number };
}

export const exportsRouter: MakeRouter = ({ config, db, jobs }) => {
  const router = express.Router();

  router.post('/exports', requireRole(...EXPORT_ROLES), (req, res) => {
    const options = readExportBody(req.body ?? {});
    const user = req.auth!.user;
    const row = startExport(db, config, jobs, actorOf(user), user.id, options);
    res.status(202).json({ export: viewExport(row, jobs) });
  });

  router.get('/exports', requireRole(...EXPORT_ROLES), (_req, res) => {
    res.json({ exports: listExports(db).map((row) => viewExport(row, jobs)) });
  });

  router.get('/exports/:id', requireRole(...EXPORT_ROLES), (req, res) => {
    const id = idParam(req, 'id', 'export');
    const row = findExport(db, id);
    if (!row) throw problems.notFound('export', id);
    res.json({ export: viewExport(row, jobs) });
  });

  router.get('/exports/:id/files/:name', requireRole(...EXPORT_ROLES), (req, res, next) => {
    const id = idParam(req, 'id', 'export');
    const name = String(req.params.name);
    const path = exportFilePath(db, id, name);
    recordAudit(db, { actor: actorOf(req.auth!.user), action: 'download', entity: 'export_file', entityId: `${id}/${name}` });
    res.download(path, name, (error) => {
      if (error && !res.headersSent) next(error);
    });
  });

  router.get('/exports/:id/archive.zip', requireRole(...EXPORT_ROLES), async (req, res) => {
    const id = idParam(req, 'id', 'export');
    const folder = finishedExportFolder(db, id);
    recordAudit(db, { actor: actorOf(req.auth!.user), action: 'download', entity: 'export_archive', entityId: id });
    const name = `ips-trial-export-${id}`;
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.zip"`);
    await streamFolderAsZip(folder, name, {
      write: (chunk) => res.write(chunk),
      end: () => res.end(),
      fail: (error) => res.destroy(error),
    });
  });

  return router;
};
