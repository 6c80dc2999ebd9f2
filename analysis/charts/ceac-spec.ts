/**
 * Vega-Lite spec of the cost-effectiveness acceptability curve: the share of
 * bootstrap replicates in which IPS is cost-effective (λ·ΔE − ΔC > 0) at each
 * willingness to pay λ.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CeacRow } from './prep-ceac';
import { ARM_COLORS, CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, MONEY_FORMAT, VEGA_LITE_SCHEMA, moneyUnitLabel, type MoneyUnit } from './chart-style';

export interface WtpChartOptions extends MoneyUnit {
  /** singular unit of effect, e.g. "QALY" or "employment day" */
  effectUnit: string;
  title: string;
}

/** CEAC spec from prepared rows. */
export function ceacSpec(rows: CeacRow[], options: WtpChartOptions): TopLevelSpec {
  const x = {
    field: 'wtp',
    type: 'quantitative' as const,
    title: `Willingness to pay per ${options.effectUnit} (${moneyUnitLabel(options)})`,
    axis: { format: MONEY_FORMAT },
  };
  const y = {
    field: 'probability',
    type: 'quantitative' as const,
    title: 'Probability IPS is cost-effective',
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  };
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
