/**
 * Number formats of the ICER report, the same everywhere: thousands
 * separators (","), a true minus sign ("−"), money in whole currency units
 * always followed by currency and price year, QALYs to 3 decimals, employment
 * days to 1 decimal, probabilities as whole percentages. In Swedish and
 * Danish the numbers follow Intl of the language ("1 234,5", "1.234,5").
 */
import type { MoneyUnit } from '../charts/chart-style';
import type { EffectKind, Interval } from '../result';
import { REPORT_LOCALES, REPORT_TEXTS, fill, type ReportLang } from './report-texts';

const MINUS = '\u2212';

/**
 * A number with thousands separators and a fixed number of decimals.
 * @example formatNumber(-1234567.891, 1) // '−1,234,567.9'
 */
export function formatNumber(value: number, decimals = 0, lang: ReportLang = 'en'): string {
  if (!Number.isFinite(value)) return REPORT_TEXTS[lang].notAvailable;
  if (lang !== 'en') {
    // Intl of the language: "1 234 567,9" (sv), "1.234.567,9" (da); a true minus sign, never "−0"
    const rounded = Number(Math.abs(value).toFixed(decimals)) === 0 ? 0 : value;
    const text = new Intl.NumberFormat(REPORT_LOCALES[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true }).format(rounded);
    return text.replace(/^-/, MINUS);
  }
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? MINUS : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** "SEK (2025 prices)" */
export function moneySuffix(unit: MoneyUnit, lang: ReportLang = 'en'): string {
  return `${unit.currency} (${fill(REPORT_TEXTS[lang].prices, { year: unit.priceYear })})`;
}

/**
 * A money figure with its currency and price year.
 * @example formatMoney(21500.4, { currency: 'SEK', priceYear: 2025 }) // '21,500 SEK (2025 prices)'
 */
export function formatMoney(value: number, unit: MoneyUnit, lang: ReportLang = 'en'): string {
  return `${formatNumber(value, 0, lang)} ${moneySuffix(unit, lang)}`;
}

/** A money interval: "4,100 to 39,800 SEK (2025 prices)". */
export function formatMoneyInterval(interval: Interval, unit: MoneyUnit, lang: ReportLang = 'en'): string {
  return `${formatNumber(interval[0], 0, lang)} ${REPORT_TEXTS[lang].to} ${formatNumber(interval[1], 0, lang)} ${moneySuffix(unit, lang)}`;
}

/** Decimals of each effect: QALYs to 3, employment days to 1. */
export const EFFECT_DECIMALS: Readonly<Record<EffectKind, number>> = { qaly: 3, employment: 1 };

/** An effect with its decimals: formatEffect(0.0449, 'qaly') → '0.045'. */
export function formatEffect(value: number, effect: EffectKind, lang: ReportLang = 'en'): string {
  return formatNumber(value, EFFECT_DECIMALS[effect], lang);
}

/** An effect interval: "−0.012 to 0.101". */
export function formatEffectInterval(interval: Interval, effect: EffectKind, lang: ReportLang = 'en'): string {
  return `${formatEffect(interval[0], effect, lang)} ${REPORT_TEXTS[lang].to} ${formatEffect(interval[1], effect, lang)}`;
}

/** A probability as a whole percentage: 0.734 → "73 %". */
export function formatPercent(probability: number, lang: ReportLang = 'en'): string {
  return `${formatNumber(probability * 100, 0, lang)} %`;
}
