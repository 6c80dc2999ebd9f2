/**
 * The analysis settings (`settings.json` of the dataset folder): defaults for
 * every key (ANALYSIS-DATASET.md, "settings.json") and validation that names
 * each unknown key or bad value. Pure: the caller reads the file.
 */

export type CovariateName = 'site' | 'sex' | 'age_band';

export interface AnalysisSettings {
  instrument: 'eq5d5l' | 'eq5d3l';
  valueSet: string;
  discountRate: number;
  currency: string;
  priceYear: number;
  missing: 'complete-case' | 'multiple-imputation';
  imputations: number;
  bootstrap: { replicates: number; seed: number; interval: 'percentile' | 'bca' };
  /** `reference` (extension): λ per QALY of the subgroup and MNAR conclusions, default DEFAULT_REFERENCE_WTP */
  wtp: { qaly: number[]; employmentDay: number[]; reference?: number };
  /** extension: extra covariates of the adjusted ΔQALY regression (always arm + u0) */
  covariates: CovariateName[];
  /** extension: options of the sensitivity analyses (checked by analysis/sensitivity/sensitivity-settings) */
  sensitivity?: Record<string, unknown>;
  /** extension: chained-equation options of multiple imputation */
  imputation?: { iterations?: number; donors?: number };
  /** optional: people the reimbursement decision concerns; the EVPI is also given for them (EVPI per participant × population) */
  evpi?: { population?: number };
  /**
   * extension: the definition of regular (competitive) employment.
   * `countWageSubsidised`: whether competitive jobs with a wage subsidy
   * (employment.csv `wage_subsidy` = 1) count as regular employment days.
   */
  employment: { countWageSubsidised: boolean };
  /** extension: pre-specified subgroups of the QALY analysis (analysis/subgroups); default none */
  subgroups: SubgroupSpec[];
  /** extension: delta-adjusted (MNAR) multiple imputation and its tipping point (analysis/mnar); needs missing = "multiple-imputation" */
  mnar?: MnarSettings;
}

/**
 * One pre-specified subgroup: a covariate whose every level is a subgroup
 * (`'site'`), or a covariate whose levels are grouped by name
 * (`{ variable: 'age_band', groups: { 'under 30': ['18-24', '25-29'], … } }`).
 */
export type SubgroupSpec = CovariateName | { variable: CovariateName; groups: Record<string, string[]> };

export interface MnarShifts {
  /** added to every imputed follow-up utility (6–24 months) of the arm */
  utility: { ips: number; control: number };
  /** added to every imputed service-use cost of a follow-up period (6–24 months) of the arm, in currency */
  cost: { ips: number; control: number };
}

export interface MnarSettings {
  shifts?: Partial<{ utility: Partial<MnarShifts['utility']>; cost: Partial<MnarShifts['cost']> }>;
  /** the grid of the tipping-point table: one shift varied from 0 to `to` in `steps` equal steps */
  tippingPoint?: { shift?: 'utility' | 'cost'; arm?: 'ips' | 'control'; to?: number; steps?: number };
}

export const DEFAULT_SETTINGS: AnalysisSettings = Object.freeze({
  instrument: 'eq5d5l',
  valueSet: 'eq5d5l_SE_Sun2022',
  discountRate: 0.03,
  currency: 'SEK',
  priceYear: 2025,
  missing: 'complete-case',
  imputations: 20,
  bootstrap: { replicates: 5000, seed: 1, interval: 'percentile' },
  wtp: { qaly: [0, 100000, 250000, 500000, 1000000], employmentDay: [0, 250, 500, 1000, 2000, 5000] },
  covariates: [],
  employment: { countWageSubsidised: true },
  subgroups: [],
}) as AnalysisSettings;

/** Willingness to pay per QALY of the subgroup and MNAR conclusions when `wtp.reference` is not set (currency). */
export const DEFAULT_REFERENCE_WTP = 500000;

export interface SettingsProblem {
  /** the key, dotted for nested keys (e.g. `bootstrap.seed`) */
  key: string;
  message: string;
}

type Check = (value: unknown) => string | null;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const oneOf = (...allowed: string[]): Check => (v) =>
  typeof v === 'string' && allowed.includes(v) ? null : `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`;
const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'must be a non-empty text');
const integerFrom = (min: number): Check => (v) => (isNumber(v) && Number.isInteger(v) && v >= min ? null : `must be an integer ≥ ${min}`);
const numberList: Check = (v) =>
  Array.isArray(v) && v.length > 0 && v.every((x) => isNumber(x) && x >= 0) ? null : 'must be a non-empty list of numbers ≥ 0';

const CHECKS: Record<string, Check> = {
  instrument: oneOf('eq5d5l', 'eq5d3l'),
  valueSet: text,
  discountRate: (v) => (isNumber(v) && v >= 0 && v < 1 ? null : 'must be a number from 0 to 1 (e.g. 0.03)'),
  currency: text,
  priceYear: integerFrom(1900),
  missing: oneOf('complete-case', 'multiple-imputation'),
  imputations: integerFrom(2),
  'bootstrap.replicates': integerFrom(100),
  'bootstrap.seed': (v) => (isNumber(v) && Number.isInteger(v) ? null : 'must be an integer'),
  'bootstrap.interval': oneOf('percentile', 'bca'),
  'wtp.qaly': numberList,
  'wtp.employmentDay': numberList,
  'wtp.reference': (v) => (isNumber(v) && v >= 0 ? null : 'must be a number ≥ 0 (willingness to pay per QALY)'),
  covariates: (v) =>
    Array.isArray(v) && v.every((x) => ['site', 'sex', 'age_band'].includes(x as string)) && new Set(v).size === v.length
      ? null
      : 'must be a list of distinct values from "site", "sex", "age_band"',
  'imputation.iterations': integerFrom(1),
  'imputation.donors': integerFrom(1),
  'evpi.population': (v) => (isNumber(v) && v > 0 ? null : 'must be a number > 0 (people the decision concerns)'),
  sensitivity: (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? null : 'must be an object'),
  'employment.countWageSubsidised': (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  subgroups: checkSubgroups,
  mnar: checkMnar,
};

const COVARIATES = ['site', 'sex', 'age_band'];
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkSubgroups(v: unknown): string | null {
  if (!Array.isArray(v)) return 'must be a list of "site", "sex", "age_band" or { variable, groups }';
  for (const [i, entry] of v.entries()) {
    if (typeof entry === 'string') {
      if (!COVARIATES.includes(entry)) return `entry ${i + 1} must be "site", "sex" or "age_band"`;
      continue;
    }
    if (!isObject(entry) || !COVARIATES.includes(entry.variable as string)) return `entry ${i + 1} must have variable "site", "sex" or "age_band"`;
    const extra = Object.keys(entry).filter((k) => k !== 'variable' && k !== 'groups');
    if (extra.length > 0) return `entry ${i + 1} has unknown key ${extra.map((k) => `"${k}"`).join(', ')}`;
    const groups = entry.groups;
    if (!isObject(groups) || Object.keys(groups).length < 2) return `entry ${i + 1}: groups must name at least two groups`;
    const seen = new Set<string>();
    for (const [name, levels] of Object.entries(groups)) {
      if (name.trim() === '' || !Array.isArray(levels) || levels.length === 0 || !levels.every((l) => typeof l === 'string' && l !== '')) {
        return `entry ${i + 1}: group "${name}" must be a non-empty name with a non-empty list of levels`;
      }
      for (const level of levels) {
        if (seen.has(level)) return `entry ${i + 1}: level "${level}" is in two groups`;
        seen.add(level);
      }
    }
  }
  const names = v.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)));
  return new Set(names).size === names.length ? null : 'must not list the same subgroup twice';
}

function checkMnar(v: unknown): string | null {
  if (!isObject(v)) return 'must be an object { shifts, tippingPoint }';
  const unknown = Object.keys(v).filter((k) => k !== 'shifts' && k !== 'tippingPoint');
  if (unknown.length > 0) return `has unknown key ${unknown.map((k) => `"${k}"`).join(', ')} (known: shifts, tippingPoint)`;
  if (v.shifts !== undefined) {
    if (!isObject(v.shifts)) return 'shifts must be an object { utility: { ips, control }, cost: { ips, control } }';
    for (const [what, arms] of Object.entries(v.shifts)) {
      if (what !== 'utility' && what !== 'cost') return `shifts.${what} is unknown (known: utility, cost)`;
      if (!isObject(arms)) return `shifts.${what} must be an object { ips, control }`;
      for (const [arm, shift] of Object.entries(arms)) {
        if (arm !== 'ips' && arm !== 'control') return `shifts.${what}.${arm} is unknown (known: ips, control)`;
        if (!isNumber(shift)) return `shifts.${what}.${arm} must be a number`;
      }
    }
  }
  const grid = v.tippingPoint;
  if (grid !== undefined) {
    if (!isObject(grid)) return 'tippingPoint must be an object { shift, arm, to, steps }';
    const extra = Object.keys(grid).filter((k) => !['shift', 'arm', 'to', 'steps'].includes(k));
    if (extra.length > 0) return `tippingPoint.${extra[0]} is unknown (known: shift, arm, to, steps)`;
    if (grid.shift !== undefined && grid.shift !== 'utility' && grid.shift !== 'cost') return 'tippingPoint.shift must be "utility" or "cost"';
    if (grid.arm !== undefined && grid.arm !== 'ips' && grid.arm !== 'control') return 'tippingPoint.arm must be "ips" or "control"';
    if (grid.to !== undefined && !(isNumber(grid.to) && grid.to !== 0)) return 'tippingPoint.to must be a number other than 0';
    if (grid.steps !== undefined && !(isNumber(grid.steps) && Number.isInteger(grid.steps) && grid.steps >= 1 && grid.steps <= 200)) {
      return 'tippingPoint.steps must be an integer from 1 to 200';
    }
  }
  return null;
}
const NESTED = new Set(['bootstrap', 'wtp', 'imputation', 'evpi', 'employment']);

/**
 * Validates settings.json content and fills in the defaults.
 *
 * @param raw the parsed JSON (undefined when the file is absent)
 * @returns the settings with defaults, or every problem found
 * @example resolveSettings({ discountRate: 0.05 }).ok // true
 */
export function resolveSettings(
  raw: unknown,
): { ok: true; settings: AnalysisSettings } | { ok: false; problems: SettingsProblem[] } {
  if (raw === undefined) return { ok: true, settings: structuredClone(DEFAULT_SETTINGS) };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ key: '(root)', message: 'settings must be a JSON object' }] };
  }
  const problems: SettingsProblem[] = [];
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (NESTED.has(key)) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ key, message: 'must be an object' });
        continue;
      }
      for (const [inner, innerValue] of Object.entries(value)) flat[`${key}.${inner}`] = innerValue;
    } else {
      flat[key] = value;
    }
  }
  for (const [key, value] of Object.entries(flat)) {
    const check = CHECKS[key];
    if (!check) {
      problems.push({ key, message: `unknown setting (known: ${Object.keys(CHECKS).join(', ')})` });
      continue;
    }
    const message = check(value);
    if (message) problems.push({ key, message: `${message}, got ${JSON.stringify(value)}` });
  }
  if (flat.mnar !== undefined && (flat.missing ?? DEFAULT_SETTINGS.missing) !== 'multiple-imputation') {
    problems.push({ key: 'mnar', message: 'needs "missing": "multiple-imputation" (the shifts apply to imputed values)' });
  }
  if (problems.length > 0) return { ok: false, problems };
  const settings = structuredClone(DEFAULT_SETTINGS);
  const target = settings as unknown as Record<string, Record<string, unknown>>;
  for (const [key, value] of Object.entries(flat)) {
    const [outer, inner] = key.split('.');
    if (inner) (target[outer] ??= {})[inner] = value;
    else (settings as unknown as Record<string, unknown>)[outer] = value;
  }
  return { ok: true, settings };
}
