/**
 * The ICER in plain language, by quadrant of the cost-effectiveness plane, so
 * a reader never meets a bare negative ratio: "IPS dominates (more effect,
 * lower cost)", "IPS is dominated (less effect, higher cost)", "IPS costs X
 * more per QALY gained", "IPS saves X per QALY forgone (less effect, lower
 * cost)", or "no difference in effect".
 */
import type { MoneyUnit } from '../charts/chart-style';
import type { EffectKind, Quadrant } from '../result';
import { formatMoney } from './format';

export const EFFECT_UNITS: Readonly<Record<EffectKind, { singular: string; plural: string }>> = {
  qaly: { singular: 'QALY', plural: 'QALYs' },
  employment: { singular: 'employment day', plural: 'employment days' },
};

export interface IcerInput {
  incremental: { cost: number; effect: number };
  icer: number | null;
  quadrant: Quadrant | null;
}

/**
 * Plain-language ICER sentence for one analysis.
 * @example icerStatement({ incremental: { cost: 100, effect: 0.01 }, icer: 10000, quadrant: 'NE' }, 'qaly', { currency: 'SEK', priceYear: 2025 })
 *   // 'IPS costs 10,000 SEK (2025 prices) more per QALY gained'
 */
export function icerStatement(analysis: IcerInput, effect: EffectKind, unit: MoneyUnit): string {
  const { singular } = EFFECT_UNITS[effect];
  const { cost } = analysis.incremental;
  switch (analysis.quadrant) {
    case 'SE':
      return cost < 0 ? 'IPS dominates (more effect, lower cost)' : 'IPS dominates (more effect, no extra cost)';
    case 'NW':
      return 'IPS is dominated (less effect, higher cost)';
    case 'NE':
      return analysis.icer === null
        ? `IPS gives more ${EFFECT_UNITS[effect].plural} at a higher cost`
        : `IPS costs ${formatMoney(Math.abs(analysis.icer), unit)} more per ${singular} gained`;
    case 'SW':
      if (cost === 0) return 'IPS is dominated (less effect, same cost)';
      return analysis.icer === null
        ? `IPS gives fewer ${EFFECT_UNITS[effect].plural} at a lower cost`
        : `IPS saves ${formatMoney(Math.abs(analysis.icer), unit)} per ${singular} forgone (less effect, lower cost)`;
    default:
      return cost > 0
        ? `No difference in ${EFFECT_UNITS[effect].plural}; IPS costs more, so the ICER is undefined`
        : cost < 0
          ? `No difference in ${EFFECT_UNITS[effect].plural}; IPS costs less, so the ICER is undefined`
          : `No difference in ${EFFECT_UNITS[effect].plural} or cost; the ICER is undefined`;
  }
}
