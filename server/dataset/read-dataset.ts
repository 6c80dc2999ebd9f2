/**
 * Reads an analysis dataset folder (ANALYSIS-DATASET.md) from disk: the six
 * CSV files split into records with their line numbers (split-csv.ts), the
 * optional settings.json (or the file given by `--settings`), and a sha256
 * over the input files so a report can be traced to the exact data. All
 * checking of the content is done by analysis/dataset/validate.ts; this
 * module only reports what it cannot read (a missing folder, malformed CSV
 * quoting, invalid JSON) in the same { file, row, column, message } form.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FILE_NAMES } from '../../analysis/dataset/columns';
import type { DatasetProblem, RawDataset, RawTable } from '../../analysis/dataset/validate';
import { CsvSyntaxError, splitCsv } from './split-csv';

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
  // The files are hashed as they are read (same bytes and order as hashInputs) so no file's bytes outlive its parsing.
  const hash = createHash('sha256');
  for (const file of FILE_NAMES) {
    const path = join(folder, file);
    if (!existsSync(path)) continue; // reported by validation as a missing required file
    const table = parseCsv(file, hashInput(hash, file, readFileSync(path)), problems);
    if (table) raw.tables[file] = table;
  }
  const settingsFile = settingsPath ?? join(folder, 'settings.json');
  if (settingsPath !== undefined && !existsSync(settingsPath)) {
    problems.push({ file: settingsPath, row: null, column: null, message: 'settings file not found' });
  } else if (existsSync(settingsFile)) {
    const bytes = hashInput(hash, 'settings.json', readFileSync(settingsFile));
    raw.settingsFile = settingsPath ?? 'settings.json';
    try {
      raw.settings = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      problems.push({ file: basename(settingsFile), row: null, column: null, message: `is not valid JSON: ${(error as Error).message}` });
    }
  }
  return { raw, sha256: hash.digest('hex'), problems };
}

/**
 * sha256 over the input files in a fixed order (the six CSV files in the
 * order of ANALYSIS-DATASET.md, then the settings used): for each file its
 * name, a NUL byte, its byte length in decimal, a NUL byte and its bytes.
 */
export function hashInputs(inputs: readonly { name: string; bytes: Buffer }[]): string {
  const hash = createHash('sha256');
  for (const { name, bytes } of inputs) hashInput(hash, name, bytes);
  return hash.digest('hex');
}

function hashInput(hash: Hash, name: string, bytes: Buffer): Buffer {
  hash.update(`${name}\u0000${bytes.length}\u0000`);
  hash.update(bytes);
  return bytes;
}

/** Splits one file into records (split-csv.ts); a syntax error becomes a problem of that file. */
function parseCsv(file: string, bytes: Buffer, problems: DatasetProblem[]): RawTable | null {
  let table: RawTable | null;
  try {
    table = splitCsv(bytes.toString('utf8'));
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    problems.push({ file, row: error.line, column: null, message: `cannot be read as CSV: ${error.message}` });
    return null;
  }
  if (table === null) problems.push({ file, row: 1, column: null, message: 'is empty (a header row is required)' });
  return table;
}
