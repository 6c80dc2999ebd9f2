/**
 * The ICER in plain language, by quadrant of the cost-effectiveness plane, so
 * a reader never meets a bare negative ratio: "IPS dominates (more effect,
 * lower cost)", "IPS is dominated (less effect, higher cost)", "IPS costs X
 * more per QALY gained", "IPS saves X per QALY forgone (less effect, lower
 * cost)", or "no difference in effect" — in the report's language.
 */
import type { MoneyUnit } from '../charts/chart-style';
import type { EffectKind, Quadrant } from '../result';
import { formatMoney } from './format';
import { REPORT_TEXTS, fill, type ReportTexts } from './report-texts';

export interface EffectUnit { singular: string; plural: string; gained: string; forgone: string }

/** The effect units in the report's language. */
export function effectUnits(t: ReportTexts): Readonly<Record<EffectKind, EffectUnit>> {
  return {
    qaly: { singular: t.qalySingular, plural: t.qalyPlural, gained: t.qalyGained, forgone: t.qalyForgone },
    employment: { singular: t.employmentSingular, plural: t.employmentPlural, gained: t.employmentGained, forgone: t.employmentForgone },
  };
}

export const EFFECT_UNITS: Readonly<Record<EffectKind, EffectUnit>> = effectUnits(REPORT_TEXTS.en);

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
export function icerStatement(analysis: IcerInput, effect: EffectKind, unit: MoneyUnit, t: ReportTexts = REPORT_TEXTS.en): string {
  const { plural, gained, forgone } = effectUnits(t)[effect];
  const { cost } = analysis.incremental;
  const money = (value: number) => formatMoney(Math.abs(value), unit, t.lang);
  switch (analysis.quadrant) {
    case 'SE':
      return cost < 0 ? t.icerDominates : t.icerDominatesNoCost;
    case 'NW':
      return t.icerDominated;
    case 'NE':
      return analysis.icer === null ? fill(t.icerMoreAtHigherCost, { plural }) : fill(t.icerCostsMore, { money: money(analysis.icer), gained });
    case 'SW':
      if (cost === 0) return t.icerDominatedSameCost;
      return analysis.icer === null ? fill(t.icerFewerAtLowerCost, { plural }) : fill(t.icerSaves, { money: money(analysis.icer), forgone });
    default:
      return fill(cost > 0 ? t.icerNoDiffMore : cost < 0 ? t.icerNoDiffLess : t.icerNoDiffNone, { plural });
  }
}
