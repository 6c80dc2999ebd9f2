/**
 * The parts of `analyze` that other modules provide: EQ-5D scoring
 * (instruments/eq5d) and the HTML report (analysis/report, loaded at run
 * time so a placeholder page is written while it does not exist).
 */
import type { AnalysisResult } from '../../../analysis/result';
import { eq5dScorer, listValueSets } from '../../../instruments/eq5d/index';

export interface Scoring {
  valueSets: { id: string; instrument: string }[];
  scorer: (valueSetId: string) => (levels: readonly number[]) => number;
}

const reportModule = '../../../analysis/report/index';

/** instruments/eq5d: the value-set catalogue and a scorer bound to one value set. */
export async function loadScoring(): Promise<Scoring> {
  return {
    valueSets: listValueSets().map(({ id, instrument }) => ({ id, instrument })),
    scorer: (id) => eq5dScorer(id),
  };
}

/** analysis/report's renderReport, or null while the report module is not there. */
export async function loadReportRenderer(): Promise<((result: AnalysisResult) => Promise<string>) | null> {
  try {
    const module = (await import(reportModule)) as { renderReport?: (result: AnalysisResult) => Promise<string> };
    return module.renderReport ?? null;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}
