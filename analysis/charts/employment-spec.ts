/**
 * Vega-Lite spec of the cumulative proportion of each arm ever in competitive
 * (regular, open-market) employment, by day since randomization, as steps.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { EmploymentRow } from './prep-over-time';
import { ARM_COLOR_SCALE, CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './chart-style';

/** Employment-over-time spec from prepared rows. */
export function employmentSpec(rows: EmploymentRow[], title: string): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    description: 'Cumulative proportion ever in competitive employment by arm over days 0 to 729 since randomization.',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: rows },
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
    encoding: {
      x: {
        field: 'day',
        type: 'quantitative',
        title: 'Days since randomization',
        scale: { domain: [0, 729], nice: false },
        axis: { values: [0, 182, 365, 547, 729] },
      },
      y: { field: 'proportion', type: 'quantitative', title: 'Ever in competitive employment', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: { field: 'arm', type: 'nominal', title: 'Arm', scale: ARM_COLOR_SCALE },
    },
  };
}
