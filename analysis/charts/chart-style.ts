/**
 * What every chart of the ICER report shares: arm names and colours (the same
 * in every chart, colour-blind safe: Okabe–Ito blue and vermillion), the
 * Vega-Lite schema URL, the common config and axis titles for money.
 */
import type { Arm } from '../dataset/types';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export const ARM_LABELS: Readonly<Record<Arm, string>> = { ips: 'IPS', control: 'Usual care' };
export const ARM_COLORS: Readonly<Record<Arm, string>> = { ips: '#0072B2', control: '#D55E00' };

/** Colour scale mapping arm labels to arm colours (use with a field holding ARM_LABELS values). */
export const ARM_COLOR_SCALE = {
  domain: [ARM_LABELS.ips, ARM_LABELS.control],
  range: [ARM_COLORS.ips, ARM_COLORS.control],
};

/** Money labels need both the currency and the price year. */
export interface MoneyUnit {
  currency: string;
  priceYear: number;
}

/** "SEK, 2025 prices" */
export function moneyUnitLabel(unit: MoneyUnit): string {
  return `${unit.currency}, ${unit.priceYear} prices`;
}

/** d3-format for money on axes: thousands separators, no decimals. */
export const MONEY_FORMAT = ',.0f';

/** Shared config: readable sizes, print-friendly, no animation. */
export const CHART_CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  view: { stroke: '#ccc' },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' as const, grid: true, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' as const },
  title: { fontSize: 14, anchor: 'start' as const },
};

export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 300;
