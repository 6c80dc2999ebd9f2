import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../server/report/render-report';
import { renderSvg } from '../../../server/report/render-svg';
import { reportCharts } from '../../../analysis/charts';
import { sampleResult } from './sample-result';

describe('server/report/render-report', () => {
  it('renders every chart to inline SVG in one self-contained page', async () => {
    const result = sampleResult();
    const html = await renderReport(result);
    const ids = reportCharts(result).charts.map((c) => c.id);
    for (const id of ids) {
      const start = html.indexOf(`<figure id="chart-${id}"`);
      const figure = html.slice(start, html.indexOf('</figure>', start));
      expect(figure, id).toMatch(/<svg [^>]*role="img" aria-label="[^"]+"><title>/);
      expect(figure, id).toMatch(/<path|<rect|<circle|<text/);
    }
    expect(/https?:|\ssrc=|<script|<link|url\((?!#)/i.test(html)).toBe(false);
    // ids (vega's clip paths) are unique across the charts of the page
    const elementIds = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(elementIds).size).toBe(elementIds.length);
    for (const [, ref] of html.matchAll(/url\(#([^)]+)\)/g)) expect(elementIds).toContain(ref);
    // chart titles are headings of the page, not drawn a second time inside the chart
    expect(/<text[^>]*>Cost-effectiveness plane: cost per QALY<\/text>/.test(html)).toBe(false);
  });

  it('escapes data text drawn inside the charts', async () => {
    const result = sampleResult();
    result.costBreakdown![0].category = 'site<script>alert(1)</script>&x';
    const html = await renderReport(result);
    expect(html.includes('<script')).toBe(false);
    expect(html.includes('Site&lt;script&gt;alert(1)&lt;/script')).toBe(true);
  });

  it('draws the axis titles with currency and price year', async () => {
    const chart = reportCharts(sampleResult()).charts.find((c) => c.id === 'ce-plane-qaly')!;
    const svg = await renderSvg(chart.spec);
    expect(svg).toContain('Incremental cost (SEK, 2025 prices)');
    expect(svg).toContain('Incremental QALYs (IPS − usual care)');
  });
});

describe('server/report/render-report in Swedish', () => {
  it('draws the charts with Swedish axis titles and numbers, under Swedish headings', async () => {
    const html = await renderReport(sampleResult(), 'sv');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="sv">')).toBe(true);
    expect(html).toContain('<h3 id="chart-ce-plane-qaly-title">Kostnadseffektivitetsplanet: kostnad per QALY</h3>');
    const plane = html.slice(html.indexOf('<figure id="chart-ce-plane-qaly"'), html.indexOf('</figure>', html.indexOf('<figure id="chart-ce-plane-qaly"')));
    expect(plane).toMatch(/<text[^>]*>Skillnad i kostnad \(SEK, 2025 års priser\)<\/text>/);
    expect(plane).not.toMatch(/>Incremental/);
    // axis numbers grouped the Swedish way (no English comma grouping)
    expect(plane).toMatch(/<text[^>]*>−?\d{1,3}(\u00a0\d{3})+<\/text>/);
    expect(plane).not.toMatch(/<text[^>]*>−?\d{1,3}(,\d{3})+<\/text>/);
  });
});
