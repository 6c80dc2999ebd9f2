/**
 * Options of the sensitivity analyses: the `sensitivity` object of
 * settings.json (every key optional).
 */
import type { AnalysisSettings } from '../settings';

export interface SensitivitySettings {
  /** bootstrap replicates of each scenario (fewer than the main analysis: the table shows intervals only as a guide) */
  replicates: number;
  /** annual discount rates tried instead of settings.discountRate */
  discountRates: number[];
  /** relative change of every unit cost, tried down and up */
  unitCostChange: number;
  /** top-down programme cost per place and month (seed 000 §9: 4,184 SEK) */
  placeMonthCost: number;
  /** the staff role whose logged time is the programme (bottom-up) and marks who received IPS */
  programmeRole: string;
}

export const DEFAULT_SENSITIVITY: SensitivitySettings = Object.freeze({
  replicates: 1000,
  discountRates: [0, 0.05],
  unitCostChange: 0.2,
  placeMonthCost: 4184,
  programmeRole: 'ips_specialist',
}) as SensitivitySettings;

/**
 * Reads settings.sensitivity with defaults.
 *
 * @throws naming the key when a value is unknown or invalid (e.g. "sensitivity.placeMonthCost must be a number ≥ 0, got -1")
 * @example sensitivitySettings(settings).placeMonthCost // 4184
 */
export function sensitivitySettings(settings: AnalysisSettings): SensitivitySettings {
  const raw = settings.sensitivity ?? {};
  const out: SensitivitySettings = { ...DEFAULT_SENSITIVITY, discountRates: [...DEFAULT_SENSITIVITY.discountRates] };
  const fail = (key: string, rule: string) => {
    throw new Error(`settings sensitivity.${key} ${rule}, got ${JSON.stringify(raw[key])}`);
  };
  const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (key === 'replicates') {
      if (!isNumber(value) || !Number.isInteger(value) || value < 100) fail(key, 'must be an integer ≥ 100');
      out.replicates = value as number;
    } else if (key === 'discountRates') {
      if (!Array.isArray(value) || !value.every((r) => isNumber(r) && r >= 0 && r < 1)) fail(key, 'must be a list of rates from 0 to 1');
      out.discountRates = value as number[];
    } else if (key === 'unitCostChange') {
      if (!isNumber(value) || value <= 0 || value >= 1) fail(key, 'must be a number between 0 and 1 (e.g. 0.2)');
      out.unitCostChange = value as number;
    } else if (key === 'placeMonthCost') {
      if (!isNumber(value) || value < 0) fail(key, 'must be a number ≥ 0');
      out.placeMonthCost = value as number;
    } else if (key === 'programmeRole') {
      if (typeof value !== 'string' || value.trim() === '') fail(key, 'must be a non-empty text');
      out.programmeRole = value as string;
    } else {
      fail(key, `is not a known setting (known: ${Object.keys(DEFAULT_SENSITIVITY).join(', ')})`);
    }
  }
  return out;
}
