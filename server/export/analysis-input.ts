/**
 * The analysis input of a report made from the live database, by the same
 * code path as the export: the anonymized folder is written (keyed pids, the
 * chosen k) to a private temporary folder, read back with the reader of
 * `ips-trial analyze`, validated, and the folder removed. So a report and an
 * export with the same options have the same dataset SHA-256 and give the
 * same numbers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateDataset, type AnalysisSettings } from '../../analysis/index';
import type { TrialDataset } from '../../analysis/dataset/types';
import type { Db } from '../db/connection';
import { readDataset } from '../dataset/read-dataset';
import { loadScoring } from '../bin/commands/analyze-modules';
import { exportDataset } from './export-dataset';

export interface AnalysisInput {
  dataset: TrialDataset;
  settings: AnalysisSettings;
  sha256: string;
  scoreUtility: (levels: readonly number[]) => number;
}

/** @throws Error listing the dataset problems (file, row, column) when the database does not give a valid dataset */
export async function analysisInputFromDatabase(db: Db, secretsDir: string, options: { k: number; settings?: Record<string, unknown> }): Promise<AnalysisInput> {
  const work = mkdtempSync(join(tmpdir(), 'ips-trial-report-'));
  try {
    const folder = join(work, 'dataset');
    exportDataset(db, secretsDir, folder, { pidMode: 'keyed', k: options.k });
    let settingsPath: string | undefined;
    if (options.settings) {
      const base = readFileSync(join(folder, 'settings.json'), 'utf8');
      settingsPath = join(work, 'settings.json');
      writeFileSync(settingsPath, JSON.stringify({ ...(JSON.parse(base) as object), ...options.settings }, null, 2));
    }
    const read = readDataset(folder, settingsPath);
    const scoring = await loadScoring();
    const validated = validateDataset(read.raw, { valueSets: scoring.valueSets });
    const problems = [...read.problems, ...(validated.ok ? [] : validated.problems)];
    if (problems.length > 0 || !validated.ok) {
      throw new Error(`the dataset from the database is not valid: ${problems.slice(0, 10).map((p) => `${p.file}${p.row === null ? '' : ` row ${p.row}`}${p.column === null ? '' : ` column ${p.column}`}: ${p.message}`).join('; ')}`);
    }
    return { dataset: validated.dataset, settings: validated.settings, sha256: read.sha256, scoreUtility: scoring.scorer(validated.settings.valueSet) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
