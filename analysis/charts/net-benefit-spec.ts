/**
 * Vega-Lite spec of the incremental net monetary benefit λ·ΔE − ΔC by
 * willingness to pay, with its 95 % bootstrap interval as a band. Above zero,
 * IPS is cost-effective at that λ.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { NetBenefitRow } from './prep-ceac';
import { wtpAxis, type WtpChartOptions } from './wtp-axes';
import { ARM_COLORS, CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, MONEY_FORMAT, VEGA_LITE_SCHEMA, moneyUnitLabel } from './chart-style';

/** INMB spec from prepared rows. */
export function netBenefitSpec(rows: NetBenefitRow[], options: WtpChartOptions): TopLevelSpec {
  const unit = moneyUnitLabel(options);
  const x = wtpAxis(options);
  const yTitle = `Net monetary benefit (${unit})`;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title,
    description: `Incremental net monetary benefit of IPS per participant with 95 % interval at ${rows.length} willingness-to-pay values per ${options.effectUnit}.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2, color: ARM_COLORS.ips },
        encoding: { x, y: { field: 'lower', type: 'quantitative', title: yTitle, axis: { format: MONEY_FORMAT } }, y2: { field: 'upper' } },
      },
      { mark: { type: 'rule', color: '#666' }, encoding: { y: { datum: 0 } } },
      {
        mark: { type: 'line', color: ARM_COLORS.ips, point: { filled: true, size: 40, color: ARM_COLORS.ips } },
        encoding: { x, y: { field: 'inmb', type: 'quantitative', title: yTitle } },
      },
    ],
  };
}
