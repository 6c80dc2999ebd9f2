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

type DatasetFile = keyof typeof DATASET_FILES;

/**
 * The project's columns beyond the contract (docs/analysis.md, "Dataset
 * columns beyond the contract"), written after the contract's columns.
 */
export const EXTENSION_COLUMNS: Record<DatasetFile, readonly string[]> = {
  participants: ['arm_received', 'allocation_corrected'],
  /** 1 = answered outside the timepoint's window, accepted by staff with a reason */
  assessments: ['out_of_window'],
  service_use: [],
  employment: ['wage_subsidy'],
  timelogs: [],
  unit_costs: [],
};

/** The columns an anonymized export writes: the contract's, then the extensions. */
export const EXPORT_FILES = Object.fromEntries(
  Object.entries(DATASET_FILES).map(([name, columns]) => [name, [...columns, ...EXTENSION_COLUMNS[name as DatasetFile]]]),
) as unknown as Record<DatasetFile, readonly string[]>;

type Row = Record<string, Cell | undefined>;

function records(dataset: TrialDataset): Record<DatasetFile, Row[]> {
  return {
    participants: dataset.participants.map((p) => ({ ...p })),
    assessments: dataset.assessments.map(({ gse, ...a }) => ({ ...a, ...Object.fromEntries(GSE_COLUMNS.map((name, i) => [name, gse[i] ?? null])) })),
    service_use: dataset.serviceUse.map((s) => ({ ...s })),
    employment: dataset.employment.map((e) => ({ ...e })),
    timelogs: dataset.timelogs.map((t) => ({ ...t })),
    unit_costs: dataset.unitCosts.map((u) => ({ ...u })),
  };
}

/** The contract's columns, then each extension column that some row carries (a dataset without them is written exactly as the contract says). */
function columnsOf(file: DatasetFile, rows: readonly Row[]): string[] {
  return [...DATASET_FILES[file], ...EXTENSION_COLUMNS[file].filter((column) => rows.some((row) => row[column] !== undefined))];
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
  const tables = records(dataset);
  const contents = new Map<string, string>();
  for (const name of Object.keys(DATASET_FILES) as DatasetFile[]) {
    const columns = columnsOf(name, tables[name]);
    contents.set(`${name}.csv`, datasetCsv(columns, tables[name].map((row) => columns.map((column) => row[column] ?? null))));
  }
  if (dataset.settings) contents.set('settings.json', `${JSON.stringify(dataset.settings, null, 2)}\n`);
  const temporary = `.tmp-${process.pid}`;
  for (const [name, text] of contents) writeFileSync(join(dir, name + temporary), text, 'utf8');
  for (const name of contents.keys()) renameSync(join(dir, name + temporary), join(dir, name));
  return [...contents.keys()].map((name) => join(dir, name));
}
