/**
 * Vega-Lite spec of the smooth cost-effectiveness acceptability curves with
 * the acceptability frontier (CEAF) marked: for each willingness to pay λ on
 * the fine grid, the probability that each arm is cost-effective (thin lines,
 * arm colours), the frontier as a wide grey band over the arm with the higher
 * expected net benefit, and dots at the configured WTPs.
 */
import type { TopLevelSpec } from 'vega-lite';
import { probabilityAxis, wtpAxis, type WtpChartOptions } from './wtp-axes';
import { ARM_COLOR_SCALE, ARM_COLORS, CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA } from './chart-style';
import type { CeafRows } from './prep-ceaf';

/** Acceptability curves and frontier spec from prepared rows. */
export function ceafSpec(rows: CeafRows, options: WtpChartOptions): TopLevelSpec {
  const x = wtpAxis(options);
  const y = probabilityAxis('Probability of being cost-effective');
  const color = { field: 'arm', type: 'nominal' as const, title: 'Arm', scale: ARM_COLOR_SCALE };
  const switches = rows.frontier.filter((p, i, all) => i > 0 && p.run !== all[i - 1].run).length;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title,
    description: `Cost-effectiveness acceptability curves per ${options.effectUnit} at ${rows.frontier.length} willingness-to-pay values from 0 to ${Math.max(...rows.frontier.map((p) => p.wtp)).toLocaleString('en-GB')}, with the acceptability frontier (${switches === 0 ? 'one arm optimal throughout' : `the optimal arm changes ${switches} time${switches === 1 ? '' : 's'}`}).`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    layer: [
      { mark: { type: 'rule', color: '#999', strokeDash: [2, 2] }, encoding: { y: { datum: 0.5 } } },
      {
        data: { values: rows.frontier },
        mark: { type: 'line', color: '#555', opacity: 0.3, strokeWidth: 9, strokeCap: 'round', interpolate: 'monotone' },
        encoding: { x, y, detail: { field: 'run', type: 'nominal' } },
      },
      {
        data: { values: rows.curves },
        mark: { type: 'line', strokeWidth: 2, interpolate: 'monotone' },
        encoding: { x, y, color },
      },
      {
        data: { values: rows.configured },
        mark: { type: 'point', filled: true, size: 40, color: ARM_COLORS.ips, opacity: 1 },
        encoding: { x, y },
      },
    ],
  };
}
