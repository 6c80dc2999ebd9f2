import { describe, expect, it } from 'vitest';
import { analyzeImputed } from '../../../analysis/imputation/analyze-imputed';
import { renderReportHtml } from '../../../analysis/report';
import { formatEffectInterval, formatNumber } from '../../../analysis/report/format';
import { imputationDetails } from '../../../analysis/report/imputation-section';
import { reportCharts } from '../../../analysis/charts';
import { resolveSettings } from '../../../analysis/settings';
import { DISCOUNT_RATE, fixtureTable } from '../analysis/imputation/fixture-table';
import { sampleResult } from './sample-result';

const UNIT = { currency: 'SEK', priceYear: 2025 };

function imputedResult() {
  const resolved = resolveSettings({ discountRate: DISCOUNT_RATE, missing: 'multiple-imputation', imputations: 4, imputation: { iterations: 3 }, bootstrap: { replicates: 200, seed: 2 } });
  if (!resolved.ok) throw new Error('settings');
  // u24 is missing for every control participant: arm_ips is constant among its observed rows
  const imputed = analyzeImputed(fixtureTable('control-no-u24.csv'), resolved.settings);
  return { ...sampleResult(), qaly: imputed.qaly, employment: imputed.employment, imputation: imputed.imputation, warnings: imputed.warnings };
}

describe('analysis/report/imputation-section', () => {
  const result = imputedResult();

  it('lists the predictors left out per imputed variable with the number of steps, and the options used', () => {
    const html = imputationDetails(result, UNIT);
    expect(html).toContain('4 imputations, 3 iterations each, 5 donors');
    expect(html).toMatch(/<th scope="row"><code>u24<\/code><\/th><td class="text">[^<]*arm_ips[^<]*<\/td><td>12<\/td>/);
    expect(html).toContain('Steps (of 12)');
  });

  it('shows df, the fraction of missing information and the t interval of the adjusted ΔQALY', () => {
    const html = imputationDetails(result, UNIT);
    const adjusted = result.qaly.imputation?.effectAdjusted;
    expect(adjusted).toBeDefined();
    const row = html.slice(html.indexOf('adjusted for baseline utility'));
    expect(row).toContain(`<td>${formatNumber(adjusted?.df ?? NaN, 1)}</td>`);
    expect(row).toContain(`${Math.round((adjusted?.fractionMissingInformation ?? 0) * 100)} %`);
    expect(row).toContain(formatEffectInterval(adjusted?.ci95 ?? [NaN, NaN], 'qaly'));
  });

  it('sits in the missing-data section of the report, and is absent without imputation', () => {
    const svgs = Object.fromEntries(reportCharts(result).charts.map((c) => [c.id, '<svg xmlns="http://www.w3.org/2000/svg"></svg>']));
    const html = renderReportHtml(result, svgs);
    const section = html.slice(html.indexOf('<section id="missing-data"'), html.indexOf('<section id="warnings"'));
    expect(section).toContain('id="imputation-details"');
    expect(imputationDetails(sampleResult(), UNIT)).toBe('');
  });
});
