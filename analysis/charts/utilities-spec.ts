/**
 * Vega-Lite spec of mean EQ-5D utility by arm at 0, 6, 12, 18 and 24 months,
 * with 95 % intervals (observed values at each timepoint).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { UtilityRow } from './prep-over-time';
import { ARM_COLOR_SCALE, CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './chart-style';

/** Utility-over-time spec from prepared rows. */
export function utilitiesSpec(rows: UtilityRow[], title: string): TopLevelSpec {
  const x = {
    field: 'month',
    type: 'quantitative' as const,
    title: 'Months since randomization',
    scale: { domain: [-1, 25], nice: false },
    axis: { values: [0, 6, 12, 18, 24] },
  };
  const color = { field: 'arm', type: 'nominal' as const, title: 'Arm', scale: ARM_COLOR_SCALE };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    description: 'Mean EQ-5D utility by arm at each timepoint with 95 % intervals.',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: 'datum.lower != null && datum.upper != null' }],
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color },
      },
      {
        mark: { type: 'line', point: { filled: true, size: 50 } },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative', title: 'Mean utility (EQ-5D index)', scale: { zero: false }, axis: { format: '.2f' } },
          color,
        },
      },
    ],
  };
}
