/**
 * The required files and columns of the dataset folder (ANALYSIS-DATASET.md,
 * "Files") with a parser per cell. A parser returns the typed value or a
 * problem message; extra columns are allowed and ignored.
 */
export type CellResult = { value: unknown } | { problem: string };
export type CellParser = (cell: string) => CellResult;

const ok = (value: unknown): CellResult => ({ value });
const bad = (problem: string): CellResult => ({ problem });

export const text = (required: boolean): CellParser => (cell) => {
  const value = cell.trim();
  if (value === '') return required ? bad('is required') : ok(null);
  return ok(value);
};

export const oneOf = (allowed: readonly string[], required: boolean): CellParser => (cell) => {
  const value = cell.trim();
  if (value === '') return required ? bad('is required') : ok(null);
  return allowed.includes(value) ? ok(value) : bad(`must be one of ${allowed.join(', ')}, got "${cell}"`);
};

export const integer = (options: { required: boolean; min?: number; max?: number; allowed?: readonly number[] }): CellParser => (cell) => {
  const value = cell.trim();
  if (value === '') return options.required ? bad('is required') : ok(null);
  if (!/^[+-]?\d+$/.test(value)) return bad(`must be an integer, got "${cell}"`);
  const number = Number(value);
  if (options.allowed && !options.allowed.includes(number)) return bad(`must be one of ${options.allowed.join(', ')}, got "${cell}"`);
  if (options.min !== undefined && number < options.min) return bad(`must be ≥ ${options.min}, got ${number}`);
  if (options.max !== undefined && number > options.max) return bad(`must be ≤ ${options.max}, got ${number}`);
  return ok(number);
};

export const decimal = (options: { required: boolean; min?: number; max?: number }): CellParser => (cell) => {
  const value = cell.trim();
  if (value === '') return options.required ? bad('is required') : ok(null);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return bad(`must be a number with "." as decimal mark, got "${cell}"`);
  const number = Number(value);
  if (options.min !== undefined && number < options.min) return bad(`must be ≥ ${options.min}, got ${number}`);
  if (options.max !== undefined && number > options.max) return bad(`must be ≤ ${options.max}, got ${number}`);
  return ok(number);
};

export const TIMEPOINT_VALUES = [0, 6, 12, 18, 24] as const;
export const EQ5D_DIMENSIONS = ['eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad'] as const;
export const GSE_ITEMS = Array.from({ length: 10 }, (_, i) => `gse_${String(i + 1).padStart(2, '0')}`);
export const EPISODE_TYPES = ['competitive', 'work_trial', 'sheltered', 'education', 'other'] as const;

export type FileName = 'participants.csv' | 'assessments.csv' | 'service_use.csv' | 'employment.csv' | 'timelogs.csv' | 'unit_costs.csv';

/** Column parsers per file; `maxLevel` is 5 for EQ-5D-5L and 3 for EQ-5D-3L. */
export function columnSpecs(maxLevel: number): Record<FileName, Record<string, CellParser>> {
  const pid = text(true);
  const timepoint = integer({ required: true, allowed: TIMEPOINT_VALUES });
  return {
    'participants.csv': {
      pid,
      arm: oneOf(['ips', 'control'], true),
      site: text(true),
      sex: oneOf(['female', 'male', 'other'], false),
      age_band: text(false),
      withdrawn_day: integer({ required: false, min: 0 }),
    },
    'assessments.csv': {
      pid,
      timepoint,
      day: integer({ required: false }),
      ...Object.fromEntries(EQ5D_DIMENSIONS.map((name) => [name, integer({ required: false, min: 1, max: maxLevel })])),
      eq_vas: decimal({ required: false, min: 0, max: 100 }),
      ...Object.fromEntries(GSE_ITEMS.map((name) => [name, integer({ required: false, min: 1, max: 4 })])),
      su_complete: integer({ required: false, allowed: [0, 1] }),
    },
    'service_use.csv': { pid, timepoint, item: text(true), quantity: decimal({ required: true, min: 0 }) },
    'employment.csv': {
      pid,
      type: oneOf(EPISODE_TYPES, true),
      start_day: integer({ required: true }),
      end_day: integer({ required: false }),
      hours_per_week: decimal({ required: false, min: 0 }),
    },
    'timelogs.csv': { pid, day: integer({ required: true }), role: text(true), activity: text(true), minutes: integer({ required: true, min: 1 }) },
    'unit_costs.csv': { item: text(true), unit_cost: decimal({ required: true, min: 0 }) },
  };
}

export const FILE_NAMES = Object.keys(columnSpecs(5)) as FileName[];

/**
 * Columns the project adds to the contract (docs/analysis.md, "Dataset
 * columns beyond the contract"). Each is optional: a folder without it (an
 * older export, another tool's dataset) is read as before, and the column is
 * then absent from the typed rows.
 */
export function extensionColumnSpecs(): Partial<Record<FileName, Record<string, CellParser>>> {
  return {
    'participants.csv': {
      arm_received: oneOf(['ips', 'control'], false),
      allocation_corrected: integer({ required: false, allowed: [0, 1] }),
    },
    'employment.csv': {
      wage_subsidy: integer({ required: false, allowed: [0, 1] }),
    },
  };
}
