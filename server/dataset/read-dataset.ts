/**
 * Reads an analysis dataset folder (ANALYSIS-DATASET.md) from disk: the six
 * CSV files split into records with their line numbers (csv-parse), the
 * optional settings.json (or the file given by `--settings`), and a sha256
 * over the input files so a report can be traced to the exact data. All
 * checking of the content is done by analysis/dataset/validate.ts; this
 * module only reports what it cannot read (a missing folder, malformed CSV
 * quoting, invalid JSON) in the same { file, row, column, message } form.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { FILE_NAMES } from '../../analysis/dataset/columns';
import type { DatasetProblem, RawDataset, RawTable } from '../../analysis/dataset/validate';

export interface ReadDatasetResult {
  raw: RawDataset;
  /** sha256 (hex) over the input files, see hashInputs */
  sha256: string;
  /** problems that stop reading (the content is validated later) */
  problems: DatasetProblem[];
}

/**
 * Reads the folder.
 *
 * @param folder the dataset folder
 * @param settingsPath a settings file that replaces `<folder>/settings.json`
 */
export function readDataset(folder: string, settingsPath?: string): ReadDatasetResult {
  const problems: DatasetProblem[] = [];
  const raw: RawDataset = { tables: {} };
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    return { raw, sha256: '', problems: [{ file: folder, row: null, column: null, message: 'is not a folder' }] };
  }
  const inputs: { name: string; bytes: Buffer }[] = [];
  for (const file of FILE_NAMES) {
    const path = join(folder, file);
    if (!existsSync(path)) continue; // reported by validation as a missing required file
    const bytes = readFileSync(path);
    inputs.push({ name: file, bytes });
    const table = parseCsv(file, bytes, problems);
    if (table) raw.tables[file] = table;
  }
  const settingsFile = settingsPath ?? join(folder, 'settings.json');
  if (settingsPath !== undefined && !existsSync(settingsPath)) {
    problems.push({ file: settingsPath, row: null, column: null, message: 'settings file not found' });
  } else if (existsSync(settingsFile)) {
    const bytes = readFileSync(settingsFile);
    inputs.push({ name: 'settings.json', bytes });
    raw.settingsFile = settingsPath ?? 'settings.json';
    try {
      raw.settings = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      problems.push({ file: basename(settingsFile), row: null, column: null, message: `is not valid JSON: ${(error as Error).message}` });
    }
  }
  return { raw, sha256: hashInputs(inputs), problems };
}

/**
 * sha256 over the input files in a fixed order (the six CSV files in the
 * order of ANALYSIS-DATASET.md, then the settings used): for each file its
 * name, a NUL byte, its byte length in decimal, a NUL byte and its bytes.
 */
export function hashInputs(inputs: readonly { name: string; bytes: Buffer }[]): string {
  const hash = createHash('sha256');
  for (const { name, bytes } of inputs) {
    hash.update(`${name}\u0000${bytes.length}\u0000`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

function parseCsv(file: string, bytes: Buffer, problems: DatasetProblem[]): RawTable | null {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(bytes, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const err = error as Error & { lines?: number; column?: number | string };
    problems.push({ file, row: err.lines ?? null, column: err.column === undefined ? null : String(err.column), message: `cannot be read as CSV: ${err.message}` });
    return null;
  }
  if (records.length === 0) {
    problems.push({ file, row: 1, column: null, message: 'is empty (a header row is required)' });
    return null;
  }
  const [header, ...rows] = records;
  return { header: header.record, rows: rows.map(({ record, info }) => ({ line: info.lines, cells: record })) };
}
