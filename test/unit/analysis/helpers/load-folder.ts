/** Test helper: read and validate a dataset folder exactly as `analyze` does. */
import { readFileSync } from 'node:fs';
import { validateDataset } from '../../../../analysis/dataset/validate';
import type { TrialDataset } from '../../../../analysis/dataset/types';
import type { AnalysisSettings } from '../../../../analysis/settings';
import { loadScoring } from '../../../../server/bin/commands/analyze-modules';
import { readDataset } from '../../../../server/dataset/read-dataset';

export async function loadFolder(folder: string, settingsPath?: string): Promise<{
  dataset: TrialDataset;
  settings: AnalysisSettings;
  sha256: string;
  scoreUtility: (levels: readonly number[]) => number;
}> {
  const read = readDataset(folder, settingsPath);
  if (read.problems.length > 0) throw new Error(JSON.stringify(read.problems));
  const scoring = await loadScoring();
  const validated = validateDataset(read.raw, { valueSets: scoring.valueSets });
  if (!validated.ok) throw new Error(JSON.stringify(validated.problems.slice(0, 5)));
  return { dataset: validated.dataset, settings: validated.settings, sha256: read.sha256, scoreUtility: scoring.scorer(validated.settings.valueSet) };
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export const fixture = (name: string) => new URL(`../../../fixtures/${name}`, import.meta.url).pathname;

/** |a − b| ≤ tolerance · max(|b|, tiny) */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
}
