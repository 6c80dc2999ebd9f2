/**
 * Writes an analysis dataset (typed rows of `analysis/dataset/types.ts`) as
 * the folder of CSV files fixed by ANALYSIS-DATASET.md: UTF-8, comma
 * separator, one header row, `.` decimal mark, empty cell = missing, columns
 * in the contract's order. Each file is written to a temporary name first and
 * renamed into place, so a crash never leaves a half-written CSV behind.
 * Used by `ips-trial demo-data` (and by anything else that needs to write the
 * folder).
 */
import { stringify } from 'csv-stringify/sync';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrialDataset } from '../../analysis/dataset/types';

type Cell = string | number | null;

const GSE_COLUMNS = Array.from({ length: 10 }, (_, i) => `gse_${String(i + 1).padStart(2, '0')}`);

/** The CSV files of the dataset folder, with their columns in contract order. */
export const DATASET_FILES = {
  participants: ['pid', 'arm', 'site', 'sex', 'age_band', 'withdrawn_day'],
  assessments: ['pid', 'timepoint', 'day', 'eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad', 'eq_vas', ...GSE_COLUMNS, 'su_complete'],
  service_use: ['pid', 'timepoint', 'item', 'quantity'],
  employment: ['pid', 'type', 'start_day', 'end_day', 'hours_per_week'],
  timelogs: ['pid', 'day', 'role', 'activity', 'minutes'],
  unit_costs: ['item', 'unit_cost'],
} as const;

function table(dataset: TrialDataset): Record<keyof typeof DATASET_FILES, Cell[][]> {
  return {
    participants: dataset.participants.map((p) => [p.pid, p.arm, p.site, p.sex, p.age_band, p.withdrawn_day]),
    assessments: dataset.assessments.map((a) => [
      a.pid, a.timepoint, a.day, a.eq5d_mo, a.eq5d_sc, a.eq5d_ua, a.eq5d_pd, a.eq5d_ad, a.eq_vas,
      ...Array.from({ length: 10 }, (_, i) => a.gse[i] ?? null), a.su_complete,
    ]),
    service_use: dataset.serviceUse.map((s) => [s.pid, s.timepoint, s.item, s.quantity]),
    employment: dataset.employment.map((e) => [e.pid, e.type, e.start_day, e.end_day, e.hours_per_week]),
    timelogs: dataset.timelogs.map((t) => [t.pid, t.day, t.role, t.activity, t.minutes]),
    unit_costs: dataset.unitCosts.map((u) => [u.item, u.unit_cost]),
  };
}

/** One CSV file's text: header row, then the rows; null becomes an empty cell. */
export function datasetCsv(columns: readonly string[], rows: Cell[][]): string {
  return stringify([columns as string[], ...rows.map((row) => row.map((cell) => (cell === null ? '' : cell)))], {
    record_delimiter: '\n',
    cast: { number: (value) => String(value) },
  });
}

export interface WriteDatasetOptions {
  /** replace dataset files already in the folder (default: refuse) */
  overwrite?: boolean;
}

/**
 * Writes the dataset folder (`participants.csv` … `unit_costs.csv`, and
 * `settings.json` when the dataset carries settings).
 * @throws when a dataset file already exists in `dir` and `overwrite` is not set
 * @returns the paths written
 */
export function writeDatasetFolder(dir: string, dataset: TrialDataset, options: WriteDatasetOptions = {}): string[] {
  const names = [...Object.keys(DATASET_FILES).map((name) => `${name}.csv`), ...(dataset.settings ? ['settings.json'] : [])];
  if (!options.overwrite) {
    const existing = names.filter((name) => existsSync(join(dir, name)));
    if (existing.length > 0) throw new Error(`${dir} already holds ${existing.join(', ')}; choose an empty folder or overwrite`);
  }
  mkdirSync(dir, { recursive: true });
  const tables = table(dataset);
  const contents = new Map<string, string>();
  for (const [name, columns] of Object.entries(DATASET_FILES)) {
    contents.set(`${name}.csv`, datasetCsv(columns, tables[name as keyof typeof DATASET_FILES]));
  }
  if (dataset.settings) contents.set('settings.json', `${JSON.stringify(dataset.settings, null, 2)}\n`);
  const temporary = `.tmp-${process.pid}`;
  for (const [name, text] of contents) writeFileSync(join(dir, name + temporary), text, 'utf8');
  for (const name of contents.keys()) renameSync(join(dir, name + temporary), join(dir, name));
  return [...contents.keys()].map((name) => join(dir, name));
}
