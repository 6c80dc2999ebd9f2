import { describe, expect, it } from 'vitest';
import { icerStatement } from '../../../analysis/report/icer-statement';
import { formatEffect, formatMoney, formatNumber, formatPercent } from '../../../analysis/report/format';
import { escapeHtml } from '../../../analysis/report/escape-html';

const SEK = { currency: 'SEK', priceYear: 2025 };

describe('analysis/report/icer-statement', () => {
  it('states the ratio as a cost per unit gained in the NE quadrant', () => {
    expect(icerStatement({ incremental: { cost: 21500, effect: 0.045 }, icer: 21500 / 0.045, quadrant: 'NE' }, 'qaly', SEK))
      .toBe('IPS costs 477,778 SEK (2025 prices) more per QALY gained');
    expect(icerStatement({ incremental: { cost: 5000, effect: 10 }, icer: 500, quadrant: 'NE' }, 'employment', SEK))
      .toBe('IPS costs 500 SEK (2025 prices) more per employment day gained');
  });

  it('says IPS dominates in the SE quadrant and never shows the negative ratio', () => {
    const text = icerStatement({ incremental: { cost: -3000, effect: 30 }, icer: -100, quadrant: 'SE' }, 'employment', SEK);
    expect(text).toBe('IPS dominates (more effect, lower cost)');
    expect(icerStatement({ incremental: { cost: 0, effect: 0.01 }, icer: 0, quadrant: 'SE' }, 'qaly', SEK)).toBe('IPS dominates (more effect, no extra cost)');
  });

  it('says IPS is dominated in the NW quadrant', () => {
    expect(icerStatement({ incremental: { cost: 3000, effect: -0.02 }, icer: -150000, quadrant: 'NW' }, 'qaly', SEK))
      .toBe('IPS is dominated (less effect, higher cost)');
  });

  it('states the saving per unit forgone in the SW quadrant', () => {
    expect(icerStatement({ incremental: { cost: -19490.56, effect: -0.0326865 }, icer: 596287.7, quadrant: 'SW' }, 'qaly', SEK))
      .toBe('IPS saves 596,288 SEK (2025 prices) per QALY forgone (less effect, lower cost)');
    expect(icerStatement({ incremental: { cost: 0, effect: -3 }, icer: -0, quadrant: 'SW' }, 'employment', SEK))
      .toBe('IPS is dominated (less effect, same cost)');
  });

  it('explains an undefined ICER when the effects are equal', () => {
    expect(icerStatement({ incremental: { cost: 100, effect: 0 }, icer: null, quadrant: null }, 'qaly', SEK))
      .toBe('No difference in QALYs; IPS costs more, so the ICER is undefined');
    expect(icerStatement({ incremental: { cost: -1, effect: 0 }, icer: null, quadrant: null }, 'employment', SEK))
      .toBe('No difference in employment days; IPS costs less, so the ICER is undefined');
    expect(icerStatement({ incremental: { cost: 0, effect: 0 }, icer: null, quadrant: null }, 'qaly', SEK))
      .toBe('No difference in QALYs or cost; the ICER is undefined');
  });
});

describe('analysis/report/format', () => {
  it('groups thousands, uses a true minus sign and fixed decimals', () => {
    expect(formatNumber(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatNumber(-1234567.891, 0)).toBe('\u22121,234,568');
    expect(formatNumber(-0.0004, 3)).toBe('0.000');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(Number.NaN)).toBe('not available');
  });

  it('puts currency and price year on money, 3 decimals on QALYs, 1 on days', () => {
    expect(formatMoney(-19490.56, { currency: 'DKK', priceYear: 2024 })).toBe('\u221219,491 DKK (2024 prices)');
    expect(formatEffect(0.0449, 'qaly')).toBe('0.045');
    expect(formatEffect(38.46, 'employment')).toBe('38.5');
    expect(formatPercent(0.7328)).toBe('73 %');
  });

  it('escapes every character that matters in HTML', () => {
    expect(escapeHtml(`<a href="x">'R&D'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;R&amp;D&#39;&lt;/a&gt;');
  });
});
