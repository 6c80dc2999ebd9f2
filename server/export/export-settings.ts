/**
 * What an export writes besides the participant rows: unit_costs.csv and
 * settings.json. Unit costs: the study's own table (app setting
 * "unit_costs", a JSON object item → cost, or item → { unit_cost,
 * price_year, source } as the admin's page stores it) or the documented default table
 * (default-unit-costs.ts); `--unit-costs <csv>` replaces both for one export.
 * settings.json: the analysis defaults, the study's stored analysis settings
 * (app setting "analysis_settings") and the EQ-5D value set of the study
 * settings, which also decides the instrument.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { UnitCostRow } from '../../analysis/dataset/types';
import { DEFAULT_SETTINGS } from '../../analysis/settings';
import type { Db } from '../db/connection';
import { getSetting } from '../db/queries/app-settings';
import { getStudySettings } from '../services/study-settings';
import { DEFAULT_UNIT_COSTS } from './default-unit-costs';

export const UNIT_COSTS_SETTING = 'unit_costs';
export const ANALYSIS_SETTINGS_SETTING = 'analysis_settings';

export interface UnitCostSource {
  rows: UnitCostRow[];
  /** 'study' | 'default' | the file name given */
  source: string;
}

export function studyUnitCosts(db: Db): UnitCostSource {
  const stored = getSetting(db, UNIT_COSTS_SETTING);
  if (stored) {
    // item → cost, or item → { unit_cost, price_year, source } (services/unit-costs.ts)
    const table = JSON.parse(stored) as Record<string, number | { unit_cost: number }>;
    return { rows: Object.entries(table).map(([item, v]) => ({ item, unit_cost: typeof v === 'number' ? v : v.unit_cost })), source: 'study' };
  }
  return { rows: DEFAULT_UNIT_COSTS.map(({ item, unit_cost }) => ({ item, unit_cost })), source: 'default' };
}

/** Reads an item,unit_cost CSV; throws naming the row that is wrong. */
export function readUnitCostFile(file: string): UnitCostSource {
  const records = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const rows = records.map((record, i) => {
    const item = (record.item ?? '').trim();
    const cost = Number(record.unit_cost);
    if (!item) throw new Error(`${file}, row ${i + 2}: column item is empty`);
    if (record.unit_cost === undefined || record.unit_cost.trim() === '' || !Number.isFinite(cost) || cost < 0) {
      throw new Error(`${file}, row ${i + 2}: column unit_cost must be a number ≥ 0, got "${record.unit_cost ?? ''}"`);
    }
    return { item, unit_cost: cost };
  });
  if (rows.length === 0) throw new Error(`${file} has no unit costs (expected columns item,unit_cost)`);
  return { rows, source: file };
}

/** The settings.json of the export. */
export function exportAnalysisSettings(db: Db): Record<string, unknown> {
  const stored = getSetting(db, ANALYSIS_SETTINGS_SETTING);
  const study = getStudySettings(db);
  const base = { ...structuredClone(DEFAULT_SETTINGS), ...(stored ? (JSON.parse(stored) as Record<string, unknown>) : {}) } as Record<string, unknown>;
  return { ...base, valueSet: study.eq5dValueSetId, instrument: study.eq5dInstrument };
}

/** The questionnaire form the EQ-5D columns are read from. */
export function eq5dFormOf(settings: Record<string, unknown>): string {
  return settings.instrument === 'eq5d3l' ? 'eq5d3l' : 'eq5d5l';
}
