import { describe, expect, it } from 'vitest';
import { reportCharts, planeWtp, moneyUnitOf } from '../../../analysis/charts';
import { sampleResult } from '../report/sample-result';
import { compileWarnings, schemaErrors } from './chart-check';

describe('analysis/charts/report-charts', () => {
  const { charts, missing } = reportCharts(sampleResult());

  it('builds every chart of the report from a complete result', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'ce-plane-qaly', 'ceac-qaly', 'inmb-qaly', 'evpi-qaly',
      'ce-plane-employment', 'ceac-employment', 'inmb-employment', 'evpi-employment',
      'utilities', 'employment-over-time', 'time-to-first-job', 'cost-breakdown', 'missing-pattern',
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
    delete bare.qaly.evpi;
    delete bare.employment.evpi;
    delete bare.timeToFirstJob;
    const result = reportCharts(bare);
    expect(result.charts.map((c) => c.id)).toEqual(['ceac-qaly', 'inmb-qaly', 'ce-plane-employment', 'ceac-employment']);
    expect(result.missing).toEqual(['cost-effectiveness plane (QALY)', 'utility over time', 'employment over time', 'time to first competitive job', 'cost breakdown', 'missing-data pattern']);
  });

  it('draws the smooth CEAC with the frontier from ceacCurve and ceaf, and the fixed-WTP CEAC for older results', () => {
    const smooth = charts.find((c) => c.id === 'ceac-qaly');
    const text = JSON.stringify(smooth?.spec);
    expect(text).toContain('"interpolate":"monotone"');
    expect(smooth?.caption).toContain('acceptability frontier');
    // the sample frontier switches from usual care to IPS once, at the ICER
    expect(smooth?.spec.description).toContain('changes 1 time');
    const old = sampleResult();
    delete old.qaly.ceacCurve;
    delete old.qaly.ceaf;
    const fallback = reportCharts(old).charts.find((c) => c.id === 'ceac-qaly');
    expect(fallback?.spec.description).toContain('at 5 willingness-to-pay values');
  });

  it('plots the population EVPI when evpi.population is set, else the EVPI per participant', () => {
    const perParticipant = charts.find((c) => c.id === 'evpi-qaly');
    expect(JSON.stringify(perParticipant?.spec)).toContain('EVPI per participant');
    const result = sampleResult();
    result.settings = { ...result.settings, evpi: { population: 1000 } };
    result.qaly.evpi = result.qaly.evpi?.map((p) => ({ ...p, population: p.perParticipant * 1000 }));
    const population = reportCharts(result).charts.find((c) => c.id === 'evpi-qaly');
    expect(JSON.stringify(population?.spec)).toContain('EVPI for the population');
    expect(population?.caption).toContain('1,000 people');
    const values = (population?.spec as { data: { values: { evpi: number }[] } }).data.values;
    expect(Math.max(...values.map((v) => v.evpi))).toBeCloseTo(Math.max(...(result.qaly.evpi ?? []).map((p) => p.population as number)), 6);
  });

  it("draws each arm's Kaplan–Meier steps from day 0 at 100 %, its interval band, the censorings, and says who is left out", () => {
    const chart = charts.find((c) => c.id === 'time-to-first-job');
    const layers = (chart?.spec as { layer: { data: { values: Record<string, unknown>[] }; mark: { type: string } }[] }).layer;
    expect(layers.map((l) => l.mark.type)).toEqual(['area', 'line', 'tick']);
    const curve = layers[1].data.values;
    expect(curve.filter((r) => r.arm === 'IPS').map((r) => [r.day, r.survival])).toEqual([[0, 1], [60, 0.875], [120, 0.625], [300, 0.3125], [729, 0.3125]]);
    expect(curve.filter((r) => r.arm === 'Usual care')[0]).toEqual({ arm: 'Usual care', day: 0, survival: 1, lower: 1, upper: 1 });
    expect(layers[2].data.values.map((r) => [r.arm, r.day, r.censored])).toEqual([['IPS', 120, 1], ['IPS', 729, 2], ['Usual care', 400, 1], ['Usual care', 729, 5]]);
    expect(chart?.spec.description).toContain('9 censored participants');
    expect(chart?.caption).toContain('3 participants already in a competitive job at randomization are not included');
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
