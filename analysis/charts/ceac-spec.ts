/**
 * Vega-Lite spec of the cost-effectiveness acceptability curve: the share of
 * bootstrap replicates in which IPS is cost-effective (λ·ΔE − ΔC > 0) at each
 * willingness to pay λ.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CeacRow } from './prep-ceac';
import { ARM_COLORS, CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './chart-style';
import { probabilityAxis, wtpAxis, type WtpChartOptions } from './wtp-axes';

export type { WtpChartOptions };

/** CEAC spec from prepared rows. */
export function ceacSpec(rows: CeacRow[], options: WtpChartOptions): TopLevelSpec {
  const x = wtpAxis(options);
  const y = probabilityAxis('Probability IPS is cost-effective');
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title,
    description: `Cost-effectiveness acceptability curve per ${options.effectUnit}: probability that IPS is cost-effective at ${rows.length} willingness-to-pay values.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: 'rule', color: '#999', strokeDash: [2, 2] }, encoding: { y: { datum: 0.5 } } },
      { mark: { type: 'line', color: ARM_COLORS.ips, point: { filled: true, size: 40, color: ARM_COLORS.ips } }, encoding: { x, y } },
    ],
  };
}
