/**
 * Vega-Lite spec of the expected value of perfect information by willingness
 * to pay: what removing all decision uncertainty would be worth, per
 * participant or for the population the decision concerns. It peaks where the
 * decision is closest (around the ICER).
 */
import type { TopLevelSpec } from 'vega-lite';
import { wtpAxis, type WtpChartOptions } from './wtp-axes';
import { ARM_COLORS, CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, MONEY_FORMAT, VEGA_LITE_SCHEMA, moneyUnitLabel } from './chart-style';
import type { EvpiRows } from './prep-evpi';

/** EVPI spec from prepared rows. */
export function evpiSpec(prepared: EvpiRows, options: WtpChartOptions): TopLevelSpec {
  const unit = moneyUnitLabel(options);
  const x = wtpAxis(options);
  const y = {
    field: 'evpi',
    type: 'quantitative' as const,
    title: prepared.scope === 'population' ? `EVPI for the population (${unit})` : `EVPI per participant (${unit})`,
    axis: { format: MONEY_FORMAT },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title,
    description: `Expected value of perfect information ${prepared.scope === 'population' ? 'for the population' : 'per participant'} at ${prepared.rows.length} willingness-to-pay values per ${options.effectUnit}.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: prepared.rows },
    layer: [
      { mark: { type: 'area', color: ARM_COLORS.ips, opacity: 0.15, interpolate: 'monotone' }, encoding: { x, y } },
      { mark: { type: 'line', color: ARM_COLORS.ips, strokeWidth: 2, interpolate: 'monotone' }, encoding: { x, y } },
    ],
  };
}
