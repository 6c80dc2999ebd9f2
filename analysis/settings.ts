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
  wtp: { qaly: number[]; employmentDay: number[] };
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
}) as AnalysisSettings;

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
  covariates: (v) =>
    Array.isArray(v) && v.every((x) => ['site', 'sex', 'age_band'].includes(x as string)) && new Set(v).size === v.length
      ? null
      : 'must be a list of distinct values from "site", "sex", "age_band"',
  'imputation.iterations': integerFrom(1),
  'imputation.donors': integerFrom(1),
  'evpi.population': (v) => (isNumber(v) && v > 0 ? null : 'must be a number > 0 (people the decision concerns)'),
  sensitivity: (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? null : 'must be an object'),
  'employment.countWageSubsidised': (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
};
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
