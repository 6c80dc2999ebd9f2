/**
 * The axes shared by the charts drawn against willingness to pay (CEAC,
 * CEAF, net benefit, EVPI): λ in money per unit of effect on x, and for the
 * acceptability charts a probability from 0 to 1 on y.
 */
import { MONEY_FORMAT, moneyUnitLabel, type MoneyUnit } from './chart-style';

export interface WtpChartOptions extends MoneyUnit {
  /** singular unit of effect, e.g. "QALY" or "employment day" */
  effectUnit: string;
  title: string;
}

/** x: willingness to pay per unit of effect. */
export function wtpAxis(options: WtpChartOptions) {
  return {
    field: 'wtp',
    type: 'quantitative' as const,
    title: `Willingness to pay per ${options.effectUnit} (${moneyUnitLabel(options)})`,
    axis: { format: MONEY_FORMAT },
  };
}

/** y: a probability (share of bootstrap replicates), 0–100 %. */
export function probabilityAxis(title: string) {
  return {
    field: 'probability',
    type: 'quantitative' as const,
    title,
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  };
}
