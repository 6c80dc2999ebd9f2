/**
 * Vega-Lite spec of the Kaplan–Meier curves of time to first competitive
 * job: per arm the share still without a competitive job by day since
 * randomization as steps, its 95 % pointwise interval as a light band, and a
 * tick where participants were censored (withdrawn, or followed to day 729
 * without a job).
 */
import type { TopLevelSpec } from 'vega-lite';
import { ARM_COLOR_SCALE, CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './chart-style';
import type { KaplanMeierRows } from './prep-kaplan-meier';

/** Kaplan–Meier spec from prepared rows. */
export function kaplanMeierSpec(rows: KaplanMeierRows, title: string): TopLevelSpec {
  const x = {
    field: 'day',
    type: 'quantitative' as const,
    title: 'Days since randomization',
    scale: { domain: [0, 729], nice: false },
    axis: { values: [0, 182, 365, 547, 729] },
  };
  const y = { field: 'survival', type: 'quantitative' as const, title: 'Still without a competitive job', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const color = { field: 'arm', type: 'nominal' as const, title: 'Arm', scale: ARM_COLOR_SCALE };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    description: `Kaplan–Meier estimate of the share of each arm still without a competitive job by day since randomization, with 95 % intervals; ${rows.censorings.reduce((sum, r) => sum + r.censored, 0)} censored participants are marked.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: rows.curves },
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 },
        encoding: { x, y: { field: 'lower', type: 'quantitative', title: y.title, scale: y.scale, axis: y.axis }, y2: { field: 'upper' }, color: { ...color, legend: null } },
      },
      {
        data: { values: rows.curves },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
        encoding: { x, y, color },
      },
      {
        data: { values: rows.censorings },
        mark: { type: 'tick', orient: 'vertical', size: 10, thickness: 1.5 },
        encoding: { x, y, color: { ...color, legend: null } },
      },
    ],
  };
}
