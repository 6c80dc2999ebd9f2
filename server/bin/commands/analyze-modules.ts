/**
 * The parts of `analyze` that other modules provide: EQ-5D scoring
 * (instruments/eq5d) and the HTML report (analysis/report). They are loaded
 * at run time so the command reports clearly when a part is missing.
 */
import type { AnalysisResult } from '../../../analysis/result';

export interface Scoring {
  valueSets: { id: string; instrument: string }[];
  scorer: (valueSetId: string) => (levels: readonly number[]) => number;
}

const eq5dModule = '../../../instruments/eq5d/index';
const reportModule = '../../../analysis/report/index';

/** instruments/eq5d: the value-set catalogue and a scorer bound to one value set. */
export async function loadScoring(): Promise<Scoring> {
  const eq5d = (await import(eq5dModule)) as {
    listValueSets(): { id: string; instrument: string }[];
    eq5dScorer(id: string): (state: readonly number[]) => number;
  };
  return { valueSets: eq5d.listValueSets(), scorer: (id) => eq5d.eq5dScorer(id) };
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
