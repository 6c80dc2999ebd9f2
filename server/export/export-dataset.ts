/**
 * Writes one anonymized export: the analysis dataset folder of
 * ANALYSIS-DATASET.md (participants, assessments, service_use, employment,
 * timelogs, unit_costs, settings.json) built from the live database, plus
 * data_dictionary.csv (REDCap), codebook.md, load.R, load.do, load.sps and
 * README.md. All reads happen in one read transaction (one consistent
 * snapshot); rows stream from `.iterate()` into the files. The folder is
 * built under a temporary name beside the target and renamed into place at
 * the end, so a failed export leaves nothing behind. Recording the export in
 * the audit trail is the caller's job (services/exports.ts) because this
 * also runs on a read-only connection in a worker thread.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { redcapCsv } from '../../data-dictionary/generate/redcap-export';
import type { Db } from '../db/connection';
import { EXPORT_FILES } from '../dataset/write-dataset';
import { FileSink, type WrittenFile } from './csv-sink';
import { assessmentRows, countQuasiIdentifiers, employmentRows, participantRows, timelogRows } from './dataset-rows';
import { exportCodebook } from './export-codebook';
import { exportReadme } from './export-readme';
import { dataQueryCounts } from '../services/data-queries';
import { eq5dFormOf, exportAnalysisSettings, readUnitCostFile, studyUnitCosts } from './export-settings';
import { exportFileSpecs, exportForms } from './export-variables';
import { planAnonymity } from './k-anonymity';
import { loadRScript } from './load-r';
import { loadSpssScript } from './load-spss';
import { loadStataScript } from './load-stata';
import { pseudonymizer, type PidMode } from './pseudonym';

export interface ExportOptions {
  pidMode: PidMode;
  k: number;
  /** an item,unit_cost CSV that replaces the study's unit costs for this export */
  unitCostsFile?: string;
}

export interface ExportManifest {
  createdAt: string;
  options: { pidMode: PidMode; k: number; unitCosts: string };
  participants: number;
  leftOut: number;
  anonymity: string[];
  datasetSha256: string;
  files: WrittenFile[];
}

const DATA_FILES = ['participants.csv', 'assessments.csv', 'service_use.csv', 'employment.csv', 'timelogs.csv', 'unit_costs.csv'];

export function checkExportOptions(options: ExportOptions): void {
  if (options.pidMode !== 'keyed' && options.pidMode !== 'fresh') throw new Error(`pid mode must be keyed or fresh, got "${options.pidMode}"`);
  if (!Number.isInteger(options.k) || options.k < 1 || options.k > 100) throw new Error(`k must be a whole number from 1 to 100, got "${options.k}"`);
}

/** Writes the export into `dir` (which must not exist or be empty). */
export function exportDataset(db: Db, secretsDir: string, dir: string, options: ExportOptions, software = 'ips-trial'): ExportManifest {
  checkExportOptions(options);
  const target = resolve(dir);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new Error(`${target} already exists and is not an empty folder; choose a new folder`);
  }
  const unitCosts = options.unitCostsFile ? readUnitCostFile(options.unitCostsFile) : null;
  mkdirSync(dirname(target), { recursive: true });
  const work = join(dirname(target), `.${basename(target)}.partial-${process.pid}-${Date.now()}`);
  mkdirSync(work, { mode: 0o700 });
  try {
    db.exec('BEGIN');
    let manifest: ExportManifest;
    try {
      manifest = writeFolder(db, secretsDir, work, options, unitCosts ?? studyUnitCosts(db), software);
    } finally {
      db.exec('COMMIT');
    }
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(work, target);
    return manifest;
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

function writeFolder(db: Db, secretsDir: string, dir: string, options: ExportOptions, unitCosts: ReturnType<typeof studyUnitCosts>, software: string): ExportManifest {
  const createdAt = new Date().toISOString();
  const settings = exportAnalysisSettings(db);
  const eq5dForm = eq5dFormOf(settings);
  const pid = pseudonymizer(options.pidMode, db, secretsDir);
  const { counts, leftOut } = countQuasiIdentifiers(db);
  const plan = planAnonymity(counts, options.k);
  const files: WrittenFile[] = [];
  const open = (name: string, columns?: readonly string[]) => {
    const sink = new FileSink(join(dir, name), name);
    if (columns) sink.header(columns);
    return sink;
  };

  const participants = open('participants.csv', EXPORT_FILES.participants);
  for (const p of participantRows(db, pid, plan)) participants.row([p.pid, p.arm, p.site, p.sex, p.age_band, p.withdrawn_day, p.arm_received ?? p.arm, p.allocation_corrected ?? 0]);
  files.push(participants.close());

  // the contract's columns, then our extensions (docs/export.md): e.g. the out-of-window flag
  const assessments = open('assessments.csv', EXPORT_FILES.assessments);
  const serviceUse = open('service_use.csv', EXPORT_FILES.service_use);
  for (const out of assessmentRows(db, pid, eq5dForm)) {
    if (out.kind === 'service_use') {
      serviceUse.row([out.row.pid, out.row.timepoint, out.row.item, out.row.quantity]);
    } else {
      const a = out.row;
      assessments.row([a.pid, a.timepoint, a.day, a.eq5d_mo, a.eq5d_sc, a.eq5d_ua, a.eq5d_pd, a.eq5d_ad, a.eq_vas, ...a.gse, a.su_complete, a.out_of_window]);
    }
  }
  files.push(assessments.close(), serviceUse.close());

  const employment = open('employment.csv', EXPORT_FILES.employment);
  for (const e of employmentRows(db, pid)) employment.row([e.pid, e.type, e.start_day, e.end_day, e.hours_per_week, e.wage_subsidy ?? null]);
  files.push(employment.close());

  const timelogs = open('timelogs.csv', EXPORT_FILES.timelogs);
  for (const t of timelogRows(db, pid)) timelogs.row([t.pid, t.day, t.role, t.activity, t.minutes]);
  files.push(timelogs.close());

  const costs = open('unit_costs.csv', EXPORT_FILES.unit_costs);
  for (const u of unitCosts.rows) costs.row([u.item, u.unit_cost]);
  files.push(costs.close());

  const text = (name: string, content: string) => {
    const sink = open(name);
    sink.text(content);
    files.push(sink.close());
  };
  text('settings.json', `${JSON.stringify(settings, null, 2)}\n`);
  const specs = exportFileSpecs(eq5dForm);
  text('data_dictionary.csv', redcapCsv(exportForms(specs)));
  text('codebook.md', exportCodebook(specs));
  text('load.R', loadRScript(specs));
  text('load.do', loadStataScript(specs));
  text('load.sps', loadSpssScript(specs));

  const datasetSha256 = hashDatasetFiles(dir, files);
  const summary = {
    createdAt, software, options: { pidMode: options.pidMode, k: options.k }, participants: files[0].rows, leftOut,
    anonymity: plan.notes, unitCostSource: unitCosts.source, files: [...files], datasetSha256, dataQueries: dataQueryCounts(db),
  };
  writeFileSync(join(dir, 'README.md'), exportReadme(summary), { flag: 'wx', mode: 0o600 });
  files.push(hashFile(dir, 'README.md'));
  return {
    createdAt,
    options: { pidMode: options.pidMode, k: options.k, unitCosts: unitCosts.source },
    participants: summary.participants,
    leftOut,
    anonymity: plan.notes,
    datasetSha256,
    files,
  };
}

function streamFile(path: string, onChunk: (chunk: Buffer) => void): void {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(64 * 1024);
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) onChunk(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

function hashFile(dir: string, name: string): WrittenFile {
  const hash = createHash('sha256');
  let bytes = 0;
  streamFile(join(dir, name), (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  return { name, rows: 0, bytes, sha256: hash.digest('hex') };
}

/** The dataset hash of server/dataset/read-dataset.ts (hashInputs), computed by streaming the files back. */
function hashDatasetFiles(dir: string, files: readonly WrittenFile[]): string {
  const hash = createHash('sha256');
  for (const name of [...DATA_FILES, 'settings.json']) {
    const file = files.find((f) => f.name === name);
    if (!file) continue;
    hash.update(`${name}\u0000${file.bytes}\u0000`);
    streamFile(join(dir, name), (chunk) => hash.update(chunk));
  }
  return hash.digest('hex');
}
