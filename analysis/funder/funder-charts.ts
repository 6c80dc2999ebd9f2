/**
 * Vega-Lite specs of the funder report (data only): participants by status
 * per site (suppressed cells left out) and the observed proportions against
 * each target, with the target drawn as a tick.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from '../charts/chart-style';
import type { FunderReport } from './types';

export function statusChartSpec(report: FunderReport): TopLevelSpec {
  const values = report.groups
    .filter((g) => g.group !== 'total')
    .flatMap((g) => g.statuses.filter((c) => c.count !== null && c.count > 0).map((c) => ({ site: g.group, status: c.label, count: c.count })));
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: 'IPS participants by current status and site (cells under the minimum size left out).',
    width: 520,
    height: { step: 18 },
    config: CHART_CONFIG,
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'status', type: 'nominal', title: null, sort: null },
      x: { field: 'count', type: 'quantitative', title: 'Participants', stack: 'zero' },
      color: { field: 'site', type: 'nominal', title: 'Site', scale: { scheme: 'tableau10' } },
    },
  };
}

export function targetsChartSpec(report: FunderReport): TopLevelSpec {
  const observed = report.groups.flatMap((g) => g.targets.filter((t) => t.proportion !== null).map((t) => ({ target: t.label, group: g.group === 'total' ? 'Total' : g.group, proportion: t.proportion })));
  const targets = report.groups[0]?.targets.map((t) => ({ target: t.label, goal: Array.isArray(t.target) ? t.target[1] : t.target, low: Array.isArray(t.target) ? t.target[0] : t.target })) ?? [];
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: 'Observed proportions (points, per site and total) against the funders\' targets (ticks; a range is drawn as a bar).',
    width: 520,
    config: CHART_CONFIG,
    layer: [
      { data: { values: targets }, mark: { type: 'bar', color: '#ddd', height: 14 }, encoding: { y: { field: 'target', type: 'nominal', title: null }, x: { field: 'low', type: 'quantitative' }, x2: { field: 'goal' } } },
      { data: { values: targets }, mark: { type: 'tick', color: '#333', thickness: 3, size: 18 }, encoding: { y: { field: 'target', type: 'nominal' }, x: { field: 'goal', type: 'quantitative' } } },
      {
        data: { values: observed },
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          y: { field: 'target', type: 'nominal', title: null },
          x: { field: 'proportion', type: 'quantitative', title: 'Share of participants', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
          color: { field: 'group', type: 'nominal', title: 'Group', scale: { scheme: 'tableau10' } },
          shape: { field: 'group', type: 'nominal' },
        },
      },
    ],
  };
}
