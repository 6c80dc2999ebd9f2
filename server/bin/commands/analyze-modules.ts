/**
 * The parts of `analyze` that other modules provide: EQ-5D scoring
 * (instruments/eq5d, bound to the settings' value set) and the HTML report
 * (server/report/render-report.ts, which renders the Vega-Lite charts to SVG).
 */
import { eq5dScorer, listValueSets } from '../../../instruments/eq5d/index';

export { renderReport } from '../../report/render-report';

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
