/**
 * Vega-Lite spec of the missing-data pattern: a heatmap of the share of
 * randomized participants with data, by arm × measure (rows) and timepoint
 * (columns), with the percentage written in each cell.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MissingPatternRow } from './prep-missing-pattern';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-style';

/** Missing-pattern spec from prepared rows. */
export function missingPatternSpec(rows: MissingPatternRow[], title: string): TopLevelSpec {
  const rowOrder = [...new Set(rows.map((row) => row.row))];
  const columnOrder = [...new Set(rows.map((row) => row.timepoint))];
  const x = { field: 'timepoint', type: 'ordinal' as const, title: 'Timepoint', sort: columnOrder, axis: { labelAngle: 0, orient: 'top' as const, grid: false, ticks: false, domain: false } };
  const y = { field: 'row', type: 'ordinal' as const, title: null, sort: rowOrder, axis: { grid: false, ticks: false, domain: false, labelLimit: 240 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    description: 'Share of randomized participants with a utility value and with a complete service-use form, by arm and timepoint.',
    width: { step: 80 },
    height: { step: 30 },
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white' },
        encoding: {
          x,
          y,
          color: { field: 'share', type: 'quantitative', title: 'Share with data', scale: { domain: [0, 1], scheme: 'blues' }, legend: { format: '.0%' } },
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          x,
          y,
          text: { field: 'share', type: 'quantitative', format: '.0%' },
          color: { condition: { test: 'datum.share > 0.6', value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}
