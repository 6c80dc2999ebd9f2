/**
 * Vega-Lite spec of the cost-effectiveness plane: bootstrap replicates as
 * faint dots, the point estimate, the dashed willingness-to-pay line and the
 * quadrant labels. Below and right of the line, IPS is cost-effective at λ.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CePlaneRows } from './prep-ce-plane';
import { ARM_COLORS, CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, MONEY_FORMAT, VEGA_LITE_SCHEMA, moneyUnitLabel, type MoneyUnit } from './chart-style';

export interface CePlaneOptions extends MoneyUnit {
  /** e.g. "QALYs" or "employment days" */
  effectName: string;
  /** d3-format of the effect axis */
  effectFormat: string;
  title: string;
}

/** CE-plane spec from prepared rows (pure: a spec is just data). */
export function cePlaneSpec(rows: CePlaneRows, options: CePlaneOptions): TopLevelSpec {
  const unit = moneyUnitLabel(options);
  const x = {
    field: 'effect',
    type: 'quantitative' as const,
    title: `Incremental ${options.effectName} (IPS − usual care)`,
    scale: { domain: [-rows.effectLimit, rows.effectLimit], nice: false, zero: true },
    axis: { format: options.effectFormat },
  };
  const y = {
    field: 'cost',
    type: 'quantitative' as const,
    title: `Incremental cost (${unit})`,
    scale: { domain: [-rows.costLimit, rows.costLimit], nice: false, zero: true },
    axis: { format: MONEY_FORMAT },
  };
  const axes = [{ effect: 0, cost: 0 }];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title,
    description: `Cost-effectiveness plane for ${options.effectName}: ${rows.replicates.length} bootstrap replicates of the incremental cost and effect, the point estimate and the willingness-to-pay line at ${rows.wtp} ${options.currency} per unit of effect.`,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    layer: [
      { data: { values: axes }, mark: { type: 'rule', color: '#666' }, encoding: { x: { ...x } } },
      { data: { values: axes }, mark: { type: 'rule', color: '#666' }, encoding: { y: { ...y } } },
      {
        data: { values: rows.replicates },
        mark: { type: 'circle', size: 12, opacity: 0.35, color: ARM_COLORS.ips, clip: true },
        encoding: { x, y },
      },
      {
        data: { values: rows.wtpLine },
        mark: { type: 'line', strokeDash: [6, 4], color: '#333', clip: true },
        encoding: { x, y },
      },
      {
        data: { values: [rows.estimate] },
        mark: { type: 'point', shape: 'diamond', size: 120, filled: true, color: '#000' },
        encoding: { x, y },
      },
      ...(['left', 'right'] as const).map((align) => ({
        data: { values: rows.quadrantLabels.filter((label) => label.align === align) },
        mark: { type: 'text' as const, fontSize: 11, color: '#444', baseline: 'middle' as const, align },
        encoding: { x, y, text: { field: 'label' } },
      })),
    ],
  };
}
