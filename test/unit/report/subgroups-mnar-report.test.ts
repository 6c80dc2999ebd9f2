/**
 * The forest plot, the tipping-point chart and their report sections, from a
 * real result (analyzeTrial on the fixture trial-a with multiple imputation,
 * subgroups and MNAR shifts) and from a complete-case one.
 */
import { describe, expect, it } from 'vitest';
import { reportCharts } from '../../../analysis/charts';
import { analyzeTrial } from '../../../analysis/pipeline';
import { renderReportHtml } from '../../../analysis/report/render-report-html';
import { resolveSettings } from '../../../analysis/settings';
import { renderReport } from '../../../server/report/render-report';
import { compileWarnings, schemaErrors } from '../charts/chart-check';
import { fixture, loadFolder } from '../analysis/helpers/load-folder';

const UNDER_30 = { variable: 'age_band', groups: { 'under 30': ['18-24', '25-29'], '30+': ['30-39', '40-49', '50-64'] } };

describe('report: subgroups and MNAR', async () => {
  const { dataset, scoreUtility } = await loadFolder(fixture('analysis/trial-a'));
  const run = (raw: Record<string, unknown>) => {
    const resolved = resolveSettings({ bootstrap: { replicates: 200 }, ...raw });
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
    return analyzeTrial(dataset, resolved.settings, { scoreUtility, sensitivity: false });
  };
  const imputed = run({
    missing: 'multiple-imputation', imputations: 5, subgroups: ['sex', UNDER_30],
    mnar: { shifts: { utility: { ips: -0.05 } }, tippingPoint: { to: -0.6, steps: 30 } },
  });
  const completeCase = run({ subgroups: [UNDER_30, 'site'] });

  it('draws a valid forest plot and tipping-point chart that compile without warnings', () => {
    for (const result of [imputed, completeCase]) {
      const charts = reportCharts(result).charts.filter((c) => c.id === 'subgroups-forest' || c.id === 'mnar-tipping-point');
      expect(charts.map((c) => c.id)).toEqual(result.mnar ? ['subgroups-forest', 'mnar-tipping-point'] : ['subgroups-forest']);
      for (const chart of charts) {
        expect(schemaErrors(chart.spec), chart.id).toEqual([]);
        expect(compileWarnings(chart.spec), chart.id).toEqual([]);
        expect(chart.caption.length).toBeGreaterThan(40);
      }
    }
    const forest = reportCharts(completeCase).charts.find((c) => c.id === 'subgroups-forest')!;
    const rows = (forest.spec as { data: { values: { row: string; inmb: number }[] } }).data.values;
    const estimable = completeCase.subgroups!.flatMap((s) => s.levels.filter((l) => l.inmb));
    expect(rows.map((r) => r.inmb)).toEqual(estimable.map((l) => l.inmb!.estimate));
    expect(rows[0].row).toBe(`age_band: under 30 (${estimable[0].n.ips} IPS, ${estimable[0].n.control} usual care)`);
    expect(forest.caption).toContain('regression (t) interval');
  });

  it('shows each subgroup table with its interaction test, and the delta-adjusted result with the tipping table', () => {
    const html = renderReportHtml(imputed, {});
    expect(html).toContain('<h2 id="subgroups-title">Pre-specified subgroups</h2>');
    expect(html).toContain("pooled by Rubin's rules");
    const interaction = imputed.subgroups![0].interaction!;
    expect(html).toContain(`D2(${interaction.df1},`);
    expect(html).toContain('<h2 id="mnar-title">Missing not at random: delta-adjusted imputation</h2>');
    expect(html).toContain('imputed utilities of IPS −0.050');
    const tipping = html.slice(html.indexOf('<table class="tipping"'), html.indexOf('</table>', html.indexOf('<table class="tipping"')));
    expect(tipping.match(/<tr><th scope="row">/g)).toHaveLength(31);
    const tp = imputed.mnar!.tippingPoint;
    expect(html).toContain(tp.firstGridShift === null ? 'does not change within the grid' : 'The conclusion turns from IPS');
    const cc = renderReportHtml(completeCase, {});
    expect(cc).toContain('t intervals from the regression');
    expect(cc).toContain('F(1,');
    expect(cc).not.toContain('id="mnar"');
  });

  it('renders both charts to inline SVG in the report', async () => {
    const html = await renderReport(imputed);
    for (const id of ['subgroups-forest', 'mnar-tipping-point']) {
      const start = html.indexOf(`<figure id="chart-${id}"`);
      expect(start, id).toBeGreaterThan(0);
      expect(html.slice(start, html.indexOf('</figure>', start))).toMatch(/<svg [^>]*role="img"/);
    }
  });
});
