/**
 * Validation of a whole dataset folder, already split into CSV records by the
 * reader (server/dataset/read-dataset.ts): every cell is parsed against
 * ANALYSIS-DATASET.md and every cross-file rule is checked, and EVERY problem
 * is returned with its file, CSV line (header = line 1) and column, so the
 * user can fix them all at once. Pure: no IO.
 */
import { sensitivitySettings } from '../sensitivity/sensitivity-settings';
import { DEFAULT_SETTINGS, resolveSettings, type AnalysisSettings } from '../settings';
import { columnSpecs, EQ5D_DIMENSIONS, extensionColumnSpecs, FILE_NAMES, GSE_ITEMS, type CellParser, type FileName } from './columns';
import type { AssessmentRow, TrialDataset } from './types';

export interface DatasetProblem {
  file: string;
  /** CSV line number (header = 1), or null for a file-level problem */
  row: number | null;
  column: string | null;
  message: string;
}

/**
 * One CSV file's records, compact: the cells of all data rows in one flat
 * array (row i is cells[starts[i]] … cells[starts[i + 1] - 1], the last row
 * ending at cells.length) and each row's CSV line apart, so a file of
 * 470,000 rows holds no object per row.
 */
export interface RawTable {
  header: string[];
  /** CSV line of each data row (header = 1) */
  lines: number[];
  /** index in cells of each data row's first cell */
  starts: number[];
  cells: string[];
}

export interface RawDataset {
  tables: Partial<Record<FileName, RawTable>>;
  /** parsed settings.json, undefined when the folder has none */
  settings?: unknown;
  settingsFile?: string;
}

/** The parsed rows of one file, with each row's CSV line kept apart (lines[i] is the line of rows[i]) for the cross-file messages. */
interface Parsed {
  rows: Record<string, unknown>[];
  lines: number[];
}

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
  const extensions = extensionColumnSpecs();
  const parsed = {} as Record<FileName, Parsed>;
  for (const file of FILE_NAMES) parsed[file] = parseTable(file, raw.tables[file], specs[file], problems, extensions[file] ?? {});
  crossCheck(parsed, listedPids(raw.tables['participants.csv']), problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, dataset: toDataset(parsed), settings };
}

/** `optional`: extension columns, parsed when the header has them. */
function parseTable(file: FileName, table: RawTable | undefined, spec: Record<string, CellParser>, problems: DatasetProblem[], optional: Record<string, CellParser>): Parsed {
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  if (!table) {
    problems.push({ file, row: null, column: null, message: 'required file is missing' });
    return { rows, lines };
  }
  const header = table.header.map((name) => name.trim());
  const missing = Object.keys(spec).filter((column) => !header.includes(column));
  for (const column of missing) problems.push({ file, row: 1, column, message: 'required column is missing' });
  if (missing.length > 0) return { rows, lines };
  const present = Object.entries(optional).filter(([column]) => header.includes(column));
  const columns = [...Object.entries(spec), ...present].map(([column, parse]) => ({ column, parse, index: header.indexOf(column) }));
  const { lines: rawLines, starts, cells } = table;
  for (let r = 0; r < rawLines.length; r += 1) {
    const line = rawLines[r];
    const start = starts[r];
    const count = (r + 1 < starts.length ? starts[r + 1] : cells.length) - start;
    if (count !== header.length) {
      problems.push({ file, row: line, column: null, message: `has ${count} cells but the header has ${header.length}` });
      continue;
    }
    const row: Record<string, unknown> = {};
    let rowOk = true;
    for (const { column, parse, index } of columns) {
      const result = parse(cells[start + index]);
      if ('problem' in result) {
        problems.push({ file, row: line, column, message: result.problem });
        rowOk = false;
      } else {
        row[column] = result.value;
      }
    }
    if (rowOk) {
      rows.push(row);
      lines.push(line);
    }
  }
  return { rows, lines };
}

/** Every pid written in participants.csv, including rows rejected for another cell (so their other rows are not called unknown). */
function listedPids(table: RawTable | undefined): Set<string> {
  const listed = new Set<string>();
  const index = table ? table.header.map((name) => name.trim()).indexOf('pid') : -1;
  if (table && index >= 0) for (const start of table.starts) listed.add((table.cells[start + index] ?? '').trim());
  return listed;
}

function crossCheck(parsed: Record<FileName, Parsed>, listed: ReadonlySet<string>, problems: DatasetProblem[]): void {
  const pids = new Set<string>();
  each(parsed['participants.csv'], (row, line) => {
    if (pids.has(row.pid as string)) problems.push({ file: 'participants.csv', row: line, column: 'pid', message: `duplicate pid "${row.pid}"` });
    pids.add(row.pid as string);
  });
  for (const file of FILE_NAMES.filter((name) => name !== 'participants.csv' && name !== 'unit_costs.csv')) {
    each(parsed[file], (row, line) => {
      if (!pids.has(row.pid as string) && !listed.has(row.pid as string)) problems.push({ file, row: line, column: 'pid', message: `pid "${row.pid}" is not in participants.csv` });
    });
  }
  const unitCosts = new Set<string>();
  each(parsed['unit_costs.csv'], (row, line) => {
    if (unitCosts.has(row.item as string)) problems.push({ file: 'unit_costs.csv', row: line, column: 'item', message: `duplicate item "${row.item}"` });
    unitCosts.add(row.item as string);
  });
  const seen = new Set<string>();
  each(parsed['assessments.csv'], (row, line) => {
    const key = `${row.pid}\u0000${row.timepoint}`;
    if (seen.has(key)) problems.push({ file: 'assessments.csv', row: line, column: 'timepoint', message: `duplicate row for pid "${row.pid}" at timepoint ${row.timepoint}` });
    seen.add(key);
  });
  each(parsed['service_use.csv'], (row, line) => {
    if (!unitCosts.has(row.item as string)) problems.push({ file: 'service_use.csv', row: line, column: 'item', message: `item "${row.item}" has no unit cost in unit_costs.csv` });
  });
  each(parsed['timelogs.csv'], (row, line) => {
    if (!unitCosts.has(`staff_hour:${row.role}`)) {
      problems.push({ file: 'timelogs.csv', row: line, column: 'role', message: `role "${row.role}" has no unit cost "staff_hour:${row.role}" in unit_costs.csv` });
    }
  });
  each(parsed['employment.csv'], (row, line) => {
    if (row.end_day !== null && (row.end_day as number) < (row.start_day as number)) {
      problems.push({ file: 'employment.csv', row: line, column: 'end_day', message: `end_day ${row.end_day} is before start_day ${row.start_day}` });
    }
  });
}

function each(parsed: Parsed, visit: (row: Record<string, unknown>, line: number) => void): void {
  for (let i = 0; i < parsed.rows.length; i += 1) visit(parsed.rows[i], parsed.lines[i]);
}

/** The parsed rows already have the shape of the typed rows (columns in spec order), so only assessments are rebuilt (gse as an array). */
function toDataset(parsed: Record<FileName, Parsed>): TrialDataset {
  const rows = <T>(file: FileName) => parsed[file].rows as unknown as T[];
  return {
    participants: rows('participants.csv'),
    assessments: parsed['assessments.csv'].rows.map((values) => {
      const assessment = Object.fromEntries(['pid', 'timepoint', 'day', ...EQ5D_DIMENSIONS, 'eq_vas', 'su_complete'].map((key) => [key, values[key]]));
      return { ...assessment, gse: GSE_ITEMS.map((item) => values[item] as number | null) } as unknown as AssessmentRow;
    }),
    serviceUse: rows('service_use.csv'),
    employment: rows('employment.csv'),
    timelogs: rows('timelogs.csv'),
    unitCosts: rows('unit_costs.csv'),
  };
}
