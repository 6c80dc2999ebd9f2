/**
 * Validation of a whole dataset folder, already split into CSV records by the
 * reader (server/dataset/read-dataset.ts): every cell is parsed against
 * ANALYSIS-DATASET.md and every cross-file rule is checked, and EVERY problem
 * is returned with its file, CSV line (header = line 1) and column, so the
 * user can fix them all at once. Pure: no IO.
 */
import { sensitivitySettings } from '../sensitivity/sensitivity-settings';
import { DEFAULT_SETTINGS, resolveSettings, type AnalysisSettings } from '../settings';
import { columnSpecs, EQ5D_DIMENSIONS, FILE_NAMES, GSE_ITEMS, type FileName } from './columns';
import type { AssessmentRow, TrialDataset } from './types';

export interface DatasetProblem {
  file: string;
  /** CSV line number (header = 1), or null for a file-level problem */
  row: number | null;
  column: string | null;
  message: string;
}

export interface RawTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

export interface RawDataset {
  tables: Partial<Record<FileName, RawTable>>;
  /** parsed settings.json, undefined when the folder has none */
  settings?: unknown;
  settingsFile?: string;
}

type Parsed = Record<string, unknown> & { __line: number };

/**
 * Parses and checks the folder.
 *
 * @param raw the CSV records of each file and the parsed settings
 * @param options valueSets: the value sets available for scoring, with the
 *   questionnaire whose states each takes (checked when given)
 * @returns the typed dataset and resolved settings, or all problems found
 * @example validateDataset(raw).ok
 */
export function validateDataset(
  raw: RawDataset,
  options: { valueSets?: readonly { id: string; instrument: string }[] } = {},
): { ok: true; dataset: TrialDataset; settings: AnalysisSettings } | { ok: false; problems: DatasetProblem[] } {
  const problems: DatasetProblem[] = [];
  const settingsFile = raw.settingsFile ?? 'settings.json';
  const resolved = resolveSettings(raw.settings);
  if (!resolved.ok) {
    for (const problem of resolved.problems) problems.push({ file: settingsFile, row: null, column: problem.key, message: problem.message });
  }
  const settings = resolved.ok ? resolved.settings : structuredClone(DEFAULT_SETTINGS);
  const rawValueSet = (raw.settings as { valueSet?: unknown } | undefined)?.valueSet;
  const valueSetId = typeof rawValueSet === 'string' ? rawValueSet : settings.valueSet;
  const valueSet = options.valueSets?.find((set) => set.id === valueSetId);
  if (options.valueSets && !valueSet) {
    problems.push({ file: settingsFile, row: null, column: 'valueSet', message: `unknown value set "${valueSetId}"` });
  }
  if (resolved.ok && valueSet && valueSet.instrument !== settings.instrument) {
    problems.push({
      file: settingsFile, row: null, column: 'valueSet',
      message: `value set "${settings.valueSet}" scores ${valueSet.instrument} states but instrument is ${settings.instrument}`,
    });
  }
  if (resolved.ok) {
    try {
      sensitivitySettings(settings);
    } catch (error) {
      const message = (error as Error).message.replace(/^settings /, '');
      const key = /^(sensitivity\.\w+)/.exec(message)?.[1] ?? 'sensitivity';
      problems.push({ file: settingsFile, row: null, column: key, message: message.slice(key.length).trim() });
    }
  }
  const specs = columnSpecs(settings.instrument === 'eq5d3l' ? 3 : 5);
  const parsed = {} as Record<FileName, Parsed[]>;
  for (const file of FILE_NAMES) parsed[file] = parseTable(file, raw.tables[file], specs[file], problems);
  crossCheck(parsed, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, dataset: toDataset(parsed), settings };
}

function parseTable(file: FileName, table: RawTable | undefined, spec: Record<string, (cell: string) => unknown>, problems: DatasetProblem[]): Parsed[] {
  if (!table) {
    problems.push({ file, row: null, column: null, message: 'required file is missing' });
    return [];
  }
  const header = table.header.map((name) => name.trim());
  const missing = Object.keys(spec).filter((column) => !header.includes(column));
  for (const column of missing) problems.push({ file, row: 1, column, message: 'required column is missing' });
  if (missing.length > 0) return [];
  const index = Object.fromEntries(Object.keys(spec).map((column) => [column, header.indexOf(column)]));
  const rows: Parsed[] = [];
  for (const { line, cells } of table.rows) {
    if (cells.length !== header.length) {
      problems.push({ file, row: line, column: null, message: `has ${cells.length} cells but the header has ${header.length}` });
      continue;
    }
    const row: Parsed = { __line: line };
    let rowOk = true;
    for (const [column, parse] of Object.entries(spec)) {
      const result = parse(cells[index[column]]) as { value: unknown } | { problem: string };
      if ('problem' in result) {
        problems.push({ file, row: line, column, message: result.problem });
        rowOk = false;
      } else {
        row[column] = result.value;
      }
    }
    if (rowOk) rows.push(row);
  }
  return rows;
}

function crossCheck(parsed: Record<FileName, Parsed[]>, problems: DatasetProblem[]): void {
  const pids = new Set<string>();
  for (const row of parsed['participants.csv']) {
    if (pids.has(row.pid as string)) problems.push({ file: 'participants.csv', row: row.__line, column: 'pid', message: `duplicate pid "${row.pid}"` });
    pids.add(row.pid as string);
  }
  for (const file of FILE_NAMES.filter((name) => name !== 'participants.csv' && name !== 'unit_costs.csv')) {
    for (const row of parsed[file]) {
      if (!pids.has(row.pid as string)) problems.push({ file, row: row.__line, column: 'pid', message: `pid "${row.pid}" is not in participants.csv` });
    }
  }
  const unitCosts = new Set<string>();
  for (const row of parsed['unit_costs.csv']) {
    if (unitCosts.has(row.item as string)) problems.push({ file: 'unit_costs.csv', row: row.__line, column: 'item', message: `duplicate item "${row.item}"` });
    unitCosts.add(row.item as string);
  }
  const seen = new Set<string>();
  for (const row of parsed['assessments.csv']) {
    const key = `${row.pid}\u0000${row.timepoint}`;
    if (seen.has(key)) problems.push({ file: 'assessments.csv', row: row.__line, column: 'timepoint', message: `duplicate row for pid "${row.pid}" at timepoint ${row.timepoint}` });
    seen.add(key);
  }
  for (const row of parsed['service_use.csv']) {
    if (!unitCosts.has(row.item as string)) problems.push({ file: 'service_use.csv', row: row.__line, column: 'item', message: `item "${row.item}" has no unit cost in unit_costs.csv` });
  }
  for (const row of parsed['timelogs.csv']) {
    if (!unitCosts.has(`staff_hour:${row.role}`)) {
      problems.push({ file: 'timelogs.csv', row: row.__line, column: 'role', message: `role "${row.role}" has no unit cost "staff_hour:${row.role}" in unit_costs.csv` });
    }
  }
  for (const row of parsed['employment.csv']) {
    if (row.end_day !== null && (row.end_day as number) < (row.start_day as number)) {
      problems.push({ file: 'employment.csv', row: row.__line, column: 'end_day', message: `end_day ${row.end_day} is before start_day ${row.start_day}` });
    }
  }
}

function strip<T>(row: Parsed): T {
  const { __line: _line, ...rest } = row;
  return rest as T;
}

function toDataset(parsed: Record<FileName, Parsed[]>): TrialDataset {
  return {
    participants: parsed['participants.csv'].map((row) => strip(row)),
    assessments: parsed['assessments.csv'].map((row) => {
      const values = strip<Record<string, unknown>>(row);
      const assessment = Object.fromEntries(['pid', 'timepoint', 'day', ...EQ5D_DIMENSIONS, 'eq_vas', 'su_complete'].map((key) => [key, values[key]]));
      return { ...assessment, gse: GSE_ITEMS.map((item) => values[item] as number | null) } as unknown as AssessmentRow;
    }),
    serviceUse: parsed['service_use.csv'].map((row) => strip(row)),
    employment: parsed['employment.csv'].map((row) => strip(row)),
    timelogs: parsed['timelogs.csv'].map((row) => strip(row)),
    unitCosts: parsed['unit_costs.csv'].map((row) => strip(row)),
  };
}
