/**
 * Vega-Lite chart of the MNAR tipping point: the incremental net monetary
 * benefit of IPS at the reference willingness to pay, with its 95 % interval,
 * as the shift given to imputed values grows; where the line crosses zero the
 * conclusion turns.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ARM_COLORS, CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, MONEY_FORMAT, VEGA_LITE_SCHEMA, moneyUnitLabel, type MoneyUnit } from './chart-style';
import type { TippingRow } from './prep-subgroups-mnar';

/** Tipping-point chart from prepared rows; `shiftTitle` names the shift on the x axis. */
export function tippingPointSpec(rows: TippingRow[], options: MoneyUnit & { title: string; shiftTitle: string; shiftFormat: string; tippingShift: number | null }): TopLevelSpec {
  const x = { field: 'delta', type: 'quantitative' as const, title: options.shiftTitle, axis: { format: options.shiftFormat } };
  const yTitle = `Net monetary benefit of IPS (${moneyUnitLabel(options)})`;
  const lo = Math.min(...rows.map((r) => r.delta));
  const hi = Math.max(...rows.map((r) => r.delta));
  const tip = options.tippingShift;
  const inside = tip !== null && tip >= lo && tip <= hi;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title,
    description: `Net monetary benefit of IPS with 95 % interval at ${rows.length} sizes of the shift given to imputed values${inside ? `; it crosses zero at a shift of ${tip.toPrecision(3)}` : '; it does not cross zero within the grid'}.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: rows },
    layer: [
      { mark: { type: 'area', opacity: 0.2, color: ARM_COLORS.ips }, encoding: { x, y: { field: 'lower', type: 'quantitative', title: yTitle, axis: { format: MONEY_FORMAT } }, y2: { field: 'upper' } } },
      { mark: { type: 'rule', color: '#666' }, encoding: { y: { datum: 0 } } },
      { mark: { type: 'line', color: ARM_COLORS.ips, point: { filled: true, size: 30, color: ARM_COLORS.ips } }, encoding: { x, y: { field: 'inmb', type: 'quantitative', title: yTitle } } },
      ...(inside ? [{ mark: { type: 'rule' as const, color: ARM_COLORS.control, strokeDash: [4, 3] }, encoding: { x: { datum: tip, type: 'quantitative' as const } } }] : []),
    ],
  };
}
