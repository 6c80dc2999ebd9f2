/**
 * Number formats of the ICER report, the same everywhere: thousands
 * separators (","), a true minus sign ("−"), money in whole currency units
 * always followed by currency and price year, QALYs to 3 decimals, employment
 * days to 1 decimal, probabilities as whole percentages.
 */
import type { MoneyUnit } from '../charts/chart-style';
import type { EffectKind, Interval } from '../result';

const MINUS = '\u2212';

/**
 * A number with thousands separators and a fixed number of decimals.
 * @example formatNumber(-1234567.891, 1) // '−1,234,567.9'
 */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return 'not available';
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? MINUS : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** "SEK (2025 prices)" */
export function moneySuffix(unit: MoneyUnit): string {
  return `${unit.currency} (${unit.priceYear} prices)`;
}

/**
 * A money figure with its currency and price year.
 * @example formatMoney(21500.4, { currency: 'SEK', priceYear: 2025 }) // '21,500 SEK (2025 prices)'
 */
export function formatMoney(value: number, unit: MoneyUnit): string {
  return `${formatNumber(value, 0)} ${moneySuffix(unit)}`;
}

/** A money interval: "4,100 to 39,800 SEK (2025 prices)". */
export function formatMoneyInterval(interval: Interval, unit: MoneyUnit): string {
  return `${formatNumber(interval[0], 0)} to ${formatNumber(interval[1], 0)} ${moneySuffix(unit)}`;
}

/** Decimals of each effect: QALYs to 3, employment days to 1. */
export const EFFECT_DECIMALS: Readonly<Record<EffectKind, number>> = { qaly: 3, employment: 1 };

/** An effect with its decimals: formatEffect(0.0449, 'qaly') → '0.045'. */
export function formatEffect(value: number, effect: EffectKind): string {
  return formatNumber(value, EFFECT_DECIMALS[effect]);
}

/** An effect interval: "−0.012 to 0.101". */
export function formatEffectInterval(interval: Interval, effect: EffectKind): string {
  return `${formatEffect(interval[0], effect)} to ${formatEffect(interval[1], effect)}`;
}

/** A probability as a whole percentage: 0.734 → "73 %". */
export function formatPercent(probability: number): string {
  return `${formatNumber(probability * 100, 0)} %`;
}
