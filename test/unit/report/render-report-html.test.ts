import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../analysis/report';
import { inlineSvg } from '../../../analysis/report/inline-svg';
import { reportCharts } from '../../../analysis/charts';
import { sampleResult } from './sample-result';

const FAKE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="marks" width="10" height="10"><rect width="10" height="10"/></svg>';

function svgsFor(result: ReturnType<typeof sampleResult>): Record<string, string> {
  return Object.fromEntries(reportCharts(result).charts.map((c) => [c.id, FAKE_SVG]));
}

function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('analysis/report/render-report-html', () => {
  const result = sampleResult();
  const html = renderReportHtml(result, svgsFor(result));

  it('is one HTML document in English with a title, headings and every section', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    for (const id of ['summary', 'headline-qaly', 'headline-employment', 'charts', 'sensitivity', 'missing-data', 'warnings', 'reproducibility']) {
      expect(section(html, id)).toMatch(/<h2 id="[\w-]+-title">/);
    }
    expect(html).toContain('Does Individual Placement and Support (IPS) give more regular employment');
  });

  it('states the Fieller interval of each ICER in words, by its type', () => {
    expect(section(html, 'headline-employment')).toContain('Fieller 95 % interval of the ICER:</strong> 150 to 2,100 SEK (2025 prices) per employment day');
    expect(section(html, 'headline-qaly')).toContain('at most \u22122,500,000 SEK (2025 prices) or at least 90,000 SEK (2025 prices) per QALY');
    const unbounded = sampleResult();
    unbounded.qaly.fieller95 = { type: 'unbounded', limits: null };
    expect(section(renderReportHtml(unbounded, svgsFor(unbounded)), 'headline-qaly')).toContain('every value: the data do not bound the ICER');
  });

  it('tabulates the frontier arm and the EVPI at each configured WTP, with the population column only when set', () => {
    const table = section(html, 'headline-qaly');
    expect(table).toContain('<table class="decision" id="decision-qaly">');
    expect(table).toContain('<th scope="row">0 SEK (2025 prices)</th><td class="text">Usual care</td>');
    expect(table).not.toContain('EVPI for the population');
    const withPopulation = sampleResult();
    withPopulation.settings = { ...withPopulation.settings, evpi: { population: 1000 } };
    withPopulation.qaly.evpi = withPopulation.qaly.evpi?.map((p) => ({ ...p, population: p.perParticipant * 1000 }));
    const text = section(renderReportHtml(withPopulation, svgsFor(withPopulation)), 'headline-qaly');
    expect(text).toContain('EVPI for the population');
    expect(text).toContain('population: 1,000 people');
  });

  it('reports time to first competitive job: medians with intervals, log-rank p and the hazard ratio', () => {
    const text = section(html, 'time-to-first-job');
    expect(text).toContain('<tr><th scope="row">Analysed (n)</th><td>8</td><td>8</td></tr>');
    expect(text).toContain('<th scope="row">Median days to first job</th><td>300 days<br><span class="interval">95 % interval 120 to not reached</span></td><td>not reached<br><span class="interval">95 % interval 400 to not reached</span></td>');
    expect(text).toContain('χ² = 2.25 on 1 degree of freedom, p = 0.134');
    expect(text).toContain('Hazard ratio (IPS / usual care):</strong> 2.60 (95 % interval 0.50 to 13.50; Wald p = 0.255)');
    expect(text).toContain('Efron');
    expect(text).toContain('3 participants were already in a competitive job at randomization');
    const small = sampleResult();
    const field = small.timeToFirstJob as NonNullable<typeof small.timeToFirstJob>;
    field.hazardRatio = null;
    field.logRank = { ...(field.logRank as NonNullable<typeof field.logRank>), p: 0.00004 };
    const other = section(renderReportHtml(small, svgsFor(small)), 'time-to-first-job');
    expect(other).toContain('p < 0.001');
    expect(other).toContain('not estimable: the partial likelihood has no finite maximum');
    const none = sampleResult();
    delete none.timeToFirstJob;
    expect(renderReportHtml(none, svgsFor(none))).not.toContain('id="time-to-first-job"');
  });

  it('refers to nothing outside the file and runs no script', () => {
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\ssrc=|<script|<link|@import|url\(/i);
  });

  it('shows n randomized and analysed, means and increments with intervals per arm', () => {
    const qaly = section(html, 'headline-qaly');
    expect(qaly).toContain('<th scope="row">Randomized (n)</th><td>100</td><td>100</td>');
    expect(qaly).toContain('<th scope="row">Analysed (n)</th><td>61</td><td>55</td>');
    expect(qaly).toContain('151,235 SEK (2025 prices)');
    expect(qaly).toContain('<td>1.412</td><td>1.367</td><td>0.045<br><span class="interval">95 % interval \u22120.012 to 0.101</span>');
    expect(qaly).toContain('95 % interval 4,100 to 39,800 SEK (2025 prices)');
    expect(qaly).toContain('IPS costs 477,778 SEK (2025 prices) more per QALY gained');
    expect(qaly).toContain('adjusted for baseline utility');
    const employment = section(html, 'headline-employment');
    expect(employment).toContain('<td>120.3</td><td>81.8</td><td>38.5');
    expect(employment).toContain('IPS costs 558 SEK (2025 prices) more per employment day gained');
  });

  it('puts currency and price year on every money figure of the headline tables and summary', () => {
    for (const id of ['summary', 'headline-qaly', 'headline-employment', 'sensitivity']) {
      const text = section(html, id).replace(/<[^>]+>/g, ' ');
      // a money figure: at least 4 digits with a thousands separator; it is followed by the unit, or by "to" inside an interval
      // (the only other such number here is the count of bootstrap replicates)
      const bare = [...text.matchAll(/\u2212?\d{1,3}(?:,\d{3})+(?![\d,]| SEK \(2025 prices\)| to | replicates)/g)].map((m) => m[0]);
      expect(bare, id).toEqual([]);
    }
  });

  it('writes the quadrant in words for each quadrant, never a bare negative ratio', () => {
    const cases = [
      { quadrant: 'SE' as const, cost: -5000, effect: 0.02, words: 'IPS dominates (more effect, lower cost)' },
      { quadrant: 'NW' as const, cost: 5000, effect: -0.02, words: 'IPS is dominated (less effect, higher cost)' },
      { quadrant: 'SW' as const, cost: -5000, effect: -0.02, words: 'IPS saves 250,000 SEK (2025 prices) per QALY forgone' },
      { quadrant: 'NE' as const, cost: 5000, effect: 0.02, words: 'IPS costs 250,000 SEK (2025 prices) more per QALY gained' },
    ];
    for (const c of cases) {
      const changed = sampleResult();
      changed.qaly.incremental = { cost: c.cost, effect: c.effect };
      changed.qaly.quadrant = c.quadrant;
      changed.qaly.icer = c.cost / c.effect;
      const page = renderReportHtml(changed, svgsFor(changed));
      expect(section(page, 'headline-qaly')).toContain(c.words);
      expect(page).not.toContain('\u2212250,000');
    }
  });

  it('escapes every string taken from data', () => {
    const hostile = sampleResult();
    hostile.warnings = ['site <script>alert(1)</script> & "more"'];
    hostile.sensitivity![0].label = '<img onerror=x>';
    hostile.settings.valueSet = '</td><script>';
    hostile.dataset.sha256 = '<b>';
    const page = renderReportHtml(hostile, svgsFor(hostile));
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page).toContain('site &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
    expect(page).toContain('&lt;img onerror=x&gt;');
  });

  it('gives every chart a heading, a caption and an accessible name', () => {
    const charts = section(html, 'charts');
    const figures = charts.match(/<figure /g) ?? [];
    expect(figures).toHaveLength(13);
    expect(charts.match(/<figcaption>/g)).toHaveLength(13);
    expect(charts.match(/<svg[^>]* role="img" aria-label="[^"]{20,}"><title>/g)).toHaveLength(13);
  });

  it('names the charts it could not draw', () => {
    const partial = sampleResult();
    delete partial.costBreakdown;
    const page = renderReportHtml(partial, svgsFor(partial));
    expect(section(page, 'charts')).toContain('Not drawn, because the result holds no data for them: cost breakdown.');
  });

  it('lists settings, dataset hash, software and bootstrap for reproducibility', () => {
    const text = section(html, 'reproducibility');
    expect(text).toContain('a'.repeat(64));
    expect(text).toContain('ips-trial 0.1.0');
    expect(text).toContain('5,000 replicates, seed 7');
    expect(text).toContain('eq5d5l_SE_Sun2022');
    expect(text).toContain('qaly: 0, 100,000, 250,000, 500,000, 1,000,000 SEK (2025 prices) per QALY');
    expect(text).toContain('priceYear</code></th><td class="text">2025<');
  });

  it('tabulates missing data by arm and timepoint, and the warnings', () => {
    expect(section(html, 'missing-data')).toContain('<th scope="row">24 months</th><td>76 (76 %)</td><td>71 (71 %)</td><td>4</td><td>64 (64 %)</td>');
    expect(section(html, 'warnings')).toContain('12 participants had &lt;b&gt;no&lt;/b&gt; baseline utility');
    const quiet = sampleResult();
    quiet.warnings = [];
    expect(section(renderReportHtml(quiet, {}), 'warnings')).toContain('The analysis raised no warnings.');
  });
});

describe('analysis/report/inline-svg', () => {
  it('drops namespaces and names the chart for assistive technology', () => {
    const svg = inlineSvg(`<?xml version="1.0"?>${FAKE_SVG}`, 'A "plane" <chart>', 'ce');
    expect(svg).toBe('<svg class="marks" width="10" height="10" role="img" aria-label="A &quot;plane&quot; &lt;chart&gt;"><title>A &quot;plane&quot; &lt;chart&gt;</title><rect width="10" height="10"/></svg>');
    expect(() => inlineSvg('<div></div>', 'x')).toThrow('inlineSvg requires an <svg> element');
  });

  it('leaves no role or label inside the image', () => {
    const svg = inlineSvg('<svg class="marks"><g role="graphics-object" aria-roledescription="group mark container"><path aria-label="x: 1" role="graphics-symbol"/></g></svg>', 'chart');
    expect(svg).toBe('<svg class="marks" role="img" aria-label="chart"><title>chart</title><g><path/></g></svg>');
  });

  it('prefixes ids and the references to them, so charts on one page never share an id', () => {
    const svg = inlineSvg('<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/><a href="#other"/></g></svg>', 'x', 'ce-plane-qaly');
    expect(svg).toContain('<clipPath id="ce-plane-qaly-clip1">');
    expect(svg).toContain('clip-path="url(#ce-plane-qaly-clip1)"');
    expect(svg).toContain('<use href="#ce-plane-qaly-clip1"/>');
    expect(svg).toContain('<a href="#other"/>');
  });
});
