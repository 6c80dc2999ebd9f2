/**
 * EQ-5D scoring for `analyze` (and the export's analysis input):
 * instruments/eq5d, bound to the settings' value set. The HTML report
 * (server/report/render-report.ts, Vega) is imported by `analyze` itself, only
 * once the dataset is valid.
 */
import { eq5dScorer, listValueSets } from '../../../instruments/eq5d/index';

export interface Scoring {
  valueSets: { id: string; instrument: string }[];
  scorer: (valueSetId: string) => (levels: readonly number[]) => number;
}

/** instruments/eq5d: the value-set catalogue and a scorer bound to one value set. */
export async function loadScoring(): Promise<Scoring> {
  return {
    valueSets: listValueSets().map(({ id, instrument }) => ({ id, instrument })),
    scorer: (id) => eq5dScorer(id),
  };
}
