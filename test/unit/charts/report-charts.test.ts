import { describe, expect, it } from 'vitest';
import { reportCharts, planeWtp, moneyUnitOf } from '../../../analysis/charts';
import { sampleResult } from '../report/sample-result';
import { compileWarnings, schemaErrors } from './chart-check';

describe('analysis/charts/report-charts', () => {
  const { charts, missing } = reportCharts(sampleResult());

  it('builds every chart of the report from a complete result', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'ce-plane-qaly', 'ceac-qaly', 'inmb-qaly',
      'ce-plane-employment', 'ceac-employment', 'inmb-employment',
      'utilities', 'employment-over-time', 'cost-breakdown', 'missing-pattern',
    ]);
    expect(missing).toEqual([]);
  });

  for (const chart of reportCharts(sampleResult()).charts) {
    describe(chart.id, () => {
      it('validates against the Vega-Lite JSON schema', () => {
        expect(schemaErrors(chart.spec)).toEqual([]);
      });
      it('compiles without a warning', () => {
        expect(compileWarnings(chart.spec)).toEqual([]);
      });
      it('has a title, a description for screen readers and a caption', () => {
        expect(chart.spec.description?.length).toBeGreaterThan(30);
        expect(chart.title.length).toBeGreaterThan(5);
        expect(chart.caption.length).toBeGreaterThan(40);
      });
      it('matches its snapshot', () => {
        expect(chart.spec).toMatchSnapshot();
      });
    });
  }

  it('names the charts it cannot draw when the result lacks their extension fields', () => {
    const bare = sampleResult();
    delete bare.qaly.plane;
    delete bare.employment.netBenefit;
    delete bare.utilitiesOverTime;
    delete bare.employmentOverTime;
    delete bare.costBreakdown;
    delete bare.missingPattern;
    const result = reportCharts(bare);
    expect(result.charts.map((c) => c.id)).toEqual(['ceac-qaly', 'inmb-qaly', 'ce-plane-employment', 'ceac-employment']);
    expect(result.missing).toEqual(['cost-effectiveness plane (QALY)', 'utility over time', 'employment over time', 'cost breakdown', 'missing-data pattern']);
  });

  it('catches a broken spec, so the checks above can fail', () => {
    const spec = structuredClone(charts[0].spec) as unknown as Record<string, unknown>;
    expect(schemaErrors({ ...spec, mark: 'no-such-mark' } as never).length).toBeGreaterThan(0);
    const warned = compileWarnings({ data: { values: [{ a: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } } } as never);
    expect(warned.length).toBeGreaterThan(0);
  });

  it('puts currency and price year on every money axis', () => {
    for (const chart of charts) {
      const text = JSON.stringify(chart.spec);
      if (/cost|benefit|pay/i.test(text)) expect(text).toContain('SEK, 2025 prices');
    }
  });

  it('draws the WTP line at the middle positive WTP of the settings, or the fallback', () => {
    const result = sampleResult();
    expect(planeWtp(result, 'qaly')).toBe(250000);
    expect(planeWtp(result, 'employment')).toBe(1000);
    result.settings = {};
    expect(planeWtp(result, 'qaly')).toBe(250000);
    expect(planeWtp(result, 'employment')).toBe(1000);
    expect(moneyUnitOf(result)).toEqual({ currency: 'SEK', priceYear: 2025 });
    result.settings = { currency: 'DKK', priceYear: 2024, wtp: { qaly: [0, 50000, 70000] } };
    expect(planeWtp(result, 'qaly')).toBe(50000);
    expect(moneyUnitOf(result)).toEqual({ currency: 'DKK', priceYear: 2024 });
  });
});
