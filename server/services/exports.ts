/**
 * Exports as a use case: write the anonymized folder (server/export) and
 * record it in the audit trail (action "export", entity "dataset": options,
 * participant count, row counts and SHA-256 of every file). From the web the
 * export runs in a worker thread on its own read-only connection (the
 * server stays responsive) into `<data dir>/exports/<id>/`, and is listed in
 * the exports table; the files are downloaded one by one. Exports and ICER
 * reports share one queue: at most `config.backgroundJobs.limit` at once.
 */
import { dirname, join, resolve } from 'node:path';
import { startTsWorker } from '../export/ts-worker';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import * as exportsTable from '../db/queries/exports';
import { checkExportOptions, exportDataset, type ExportManifest, type ExportOptions } from '../export/export-dataset';
import { problems } from '../errors';
import { recordAudit, type AuditActor } from './audit';
import { settleOnce, type BackgroundJobs } from './background-jobs';

function auditExport(db: Db, actor: AuditActor, manifest: ExportManifest, where: string | number): void {
  recordAudit(db, {
    actor,
    action: 'export',
    entity: 'dataset',
    entityId: String(where),
    after: {
      options: manifest.options,
      participants: manifest.participants,
      leftOut: manifest.leftOut,
      anonymity: manifest.anonymity,
      datasetSha256: manifest.datasetSha256,
      files: manifest.files.map((f) => ({ name: f.name, rows: f.rows, bytes: f.bytes, sha256: f.sha256 })),
    },
  });
}

/** Export from the command line (same process). */
export function runExport(db: Db, config: Pick<Config, 'secretsDir' | 'version'>, actor: AuditActor, dir: string, options: ExportOptions): { manifest: ExportManifest; folder: string } {
  const folder = resolve(dir);
  const manifest = exportDataset(db, config.secretsDir, folder, options, `ips-trial ${config.version}`);
  auditExport(db, actor, manifest, 'command line');
  return { manifest, folder };
}

/** The server's exports directory: beside the database file. */
export function exportsDir(config: Pick<Config, 'dbFile'>): string {
  return join(dirname(resolve(config.dbFile)), 'exports');
}

/**
 * Starts an export in a worker thread, or queues it behind the running ones
 * (services/background-jobs.ts); returns its row at once. A person with too
 * many exports and reports waiting or running gets a 429 and nothing is made.
 */
export function startExport(db: Db, config: Config, jobs: BackgroundJobs, actor: AuditActor, userId: number | null, options: ExportOptions): exportsTable.ExportRow {
  try {
    checkExportOptions(options);
  } catch (error) {
    throw problems.invalidBody([{ field: (error as Error).message.startsWith('k') ? 'k' : 'pidMode', message: (error as Error).message }]);
  }
  jobs.checkRoomFor(userId);
  const row = exportsTable.insertExport(db, { options: { pidMode: options.pidMode, k: options.k }, requestedBy: userId, now: new Date().toISOString() });
  const folder = join(exportsDir(config), String(row.id));
  jobs.submit(exportJobKey(row.id), userId, (finished) => {
    const worker = startTsWorker(new URL('../export/export-worker.ts', import.meta.url), { dbFile: config.dbFile, secretsDir: config.secretsDir, folder, options, software: `ips-trial ${config.version}` });
    const settle = settleOnce(finished);
    worker.on('message', (message: { manifest?: ExportManifest; error?: string }) =>
      settle(() => {
        if (message.manifest) {
          exportsTable.finishExport(db, row.id, { folder, manifest: message.manifest, now: new Date().toISOString() });
          auditExport(db, actor, message.manifest, row.id);
        } else {
          exportsTable.failExport(db, row.id, message.error ?? 'unknown error', new Date().toISOString());
        }
      }),
    );
    worker.on('error', (error) => settle(() => exportsTable.failExport(db, row.id, error.message, new Date().toISOString())));
    worker.on('exit', (code) => settle(() => exportsTable.failExport(db, row.id, `the export stopped (exit code ${code})`, new Date().toISOString())));
  });
  return row;
}

/** The export's name in the queue of background jobs. */
export function exportJobKey(id: number): string {
  return `export:${id}`;
}

export interface ExportView {
  id: number;
  status: string;
  options: unknown;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  /** while it waits for a free place: 1 = next to start; null once running or finished */
  queuePosition: number | null;
  participants: number | null;
  anonymity: string[];
  files: { name: string; rows: number; bytes: number; sha256: string; url: string }[];
  /** the whole folder as one zip, once finished */
  archiveUrl: string | null;
}

export function viewExport(row: exportsTable.ExportRow, jobs?: BackgroundJobs): ExportView {
  const manifest = row.manifest_json ? (JSON.parse(row.manifest_json) as ExportManifest) : null;
  return {
    id: row.id,
    status: row.status,
    options: JSON.parse(row.options_json),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    error: row.error,
    queuePosition: row.status === 'running' ? (jobs?.queuePosition(exportJobKey(row.id)) ?? null) : null,
    participants: manifest?.participants ?? null,
    anonymity: manifest?.anonymity ?? [],
    files: (manifest?.files ?? []).map((f) => ({ ...f, url: `/api/exports/${row.id}/files/${encodeURIComponent(f.name)}` })),
    archiveUrl: row.status === 'done' && manifest ? `/api/exports/${row.id}/archive.zip` : null,
  };
}

/** The path of one file of a finished export, or a 404 problem. */
/** The folder of a finished export; 404 while it runs, when it failed, or when it is unknown. */
export function finishedExportFolder(db: Db, id: number): string {
  const row = exportsTable.findExport(db, id);
  if (!row || row.status !== 'done' || !row.folder || !row.manifest_json) throw problems.notFound('export', id);
  return row.folder;
}

export function exportFilePath(db: Db, id: number, name: string): string {
  const row = exportsTable.findExport(db, id);
  if (!row || row.status !== 'done' || !row.folder || !row.manifest_json) throw problems.notFound('export', id);
  const manifest = JSON.parse(row.manifest_json) as ExportManifest;
  if (!manifest.files.some((f) => f.name === name)) throw problems.notFound(`file in export ${id}`, name);
  return join(row.folder, name);
}
