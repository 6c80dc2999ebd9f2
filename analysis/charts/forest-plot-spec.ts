/**
 * Vega-Lite forest plot of the pre-specified subgroups: the incremental net
 * monetary benefit of IPS in each subgroup level at the reference
 * willingness to pay, with its 95 % interval, and a line at zero.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CHART_WIDTH, MONEY_FORMAT, VEGA_LITE_SCHEMA, moneyUnitLabel, type MoneyUnit } from './chart-style';
import type { ForestRow } from './prep-subgroups-mnar';

/** Okabe–Ito colours for up to eight subgroups (colour-blind safe). */
const SUBGROUP_COLORS = ['#0072B2', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** Forest plot from prepared rows. */
export function forestPlotSpec(rows: ForestRow[], options: MoneyUnit & { title: string; wtp: number }): TopLevelSpec {
  const x = { type: 'quantitative' as const, title: `Net monetary benefit of IPS at ${options.wtp.toLocaleString('en-GB')} per QALY (${moneyUnitLabel(options)})`, axis: { format: MONEY_FORMAT } };
  const y = { field: 'row', type: 'nominal' as const, title: null, sort: null, axis: { labelLimit: 320 } };
  const subgroups = [...new Set(rows.map((r) => r.subgroup))];
  const color = { field: 'subgroup', type: 'nominal' as const, title: 'Subgroup', scale: { domain: subgroups, range: SUBGROUP_COLORS.slice(0, subgroups.length) } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title,
    description: `Forest plot: net monetary benefit of IPS with 95 % interval in ${rows.length} subgroup levels of ${subgroups.length} pre-specified subgroups.`,
    width: CHART_WIDTH,
    height: Math.max(80, 26 * rows.length),
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: 'rule', color: '#666', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' }, color } },
      { mark: { type: 'point', filled: true, size: 70, shape: 'square' }, encoding: { y, x: { ...x, field: 'inmb' }, color } },
    ],
  };
}
