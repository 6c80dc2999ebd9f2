/**
 * Vega-Lite spec of the cost breakdown: one horizontal stacked bar per arm,
 * mean cost per analysed participant split by category.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CostBreakdownChartRow } from './prep-cost-breakdown';
import { CHART_CONFIG, CHART_WIDTH, MONEY_FORMAT, VEGA_LITE_SCHEMA, moneyUnitLabel, type MoneyUnit } from './chart-style';

/** Cost-breakdown spec from prepared rows. */
export function costBreakdownSpec(rows: CostBreakdownChartRow[], options: MoneyUnit & { title: string }): TopLevelSpec {
  const categories = [...new Set(rows.map((row) => row.category))];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title,
    description: `Mean cost per analysed participant by arm and cost category (${moneyUnitLabel(options)}).`,
    width: CHART_WIDTH,
    height: { step: 36 },
    config: CHART_CONFIG,
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'arm', type: 'nominal', title: null, sort: ['IPS', 'Usual care'] },
      x: {
        field: 'meanCost',
        type: 'quantitative',
        stack: 'zero',
        title: `Mean cost per participant (${moneyUnitLabel(options)})`,
        axis: { format: MONEY_FORMAT },
      },
      color: { field: 'category', type: 'nominal', title: 'Category', sort: categories, scale: { scheme: 'tableau10' }, legend: { columns: 2, labelLimit: 260 } },
      order: { field: 'meanCost', type: 'quantitative', sort: 'descending' },
    },
  };
}
