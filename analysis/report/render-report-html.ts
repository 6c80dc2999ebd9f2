/**
 * Assembles report.html, the ICER report for a funder, from the analysis
 * result and the charts already rendered to SVG: title, the trial question, a
 * short summary, the headline table of each analysis, time to first
 * competitive job (Kaplan–Meier, log-rank, hazard ratio), the charts with
 * captions, sensitivity analyses, missing data, warnings and reproducibility.
 * Pure: no IO, no clock; one self-contained HTML document (inline CSS and SVG,
 * no script, no external reference). Every string from data is escaped.
 */
import { reportCharts, moneyUnitOf, type ReportChart } from '../charts';
import type { MoneyUnit } from '../charts/chart-style';
import type { AnalysisResult, EffectKind } from '../result';
import { escapeHtml } from './escape-html';
import { formatEffect, formatMoney } from './format';
import { headlineSection } from './headline-section';
import { EFFECT_UNITS, icerStatement } from './icer-statement';
import { inlineSvg } from './inline-svg';
import { reproducibilitySection } from './reproducibility-section';
import { REPORT_CSS } from './report-styles';
import { timeToFirstJobSection } from './time-to-first-job-section';
import { mnarSection, subgroupsSection } from './subgroups-mnar-section';
import { missingDataSection, sensitivitySection, warningsSection } from './tables-section';

export const REPORT_TITLE = 'Cost-effectiveness of IPS compared with usual care';
export const TRIAL_QUESTION =
  'Does Individual Placement and Support (IPS) give more regular employment and better health-related quality of life than usual municipal support over 24 months, and at what cost per employment day and per QALY gained?';

function summaryItem(result: AnalysisResult, effect: EffectKind, unit: MoneyUnit): string {
  const analysis = result[effect];
  const { plural } = EFFECT_UNITS[effect];
  const sign = analysis.incremental.effect >= 0 ? '+' : '';
  return `<li><strong>${effect === 'qaly' ? 'QALYs' : 'Employment days'}:</strong> ${escapeHtml(icerStatement(analysis, effect, unit))} ` +
    `(difference ${sign}${formatEffect(analysis.incremental.effect, effect)} ${plural} and ${formatMoney(analysis.incremental.cost, unit)} per participant).</li>`;
}

function chartFigure(chart: ReportChart, svg: string | undefined): string {
  const description = chart.spec.description ?? chart.title;
  const image = svg === undefined ? '<p>(chart not rendered)</p>' : inlineSvg(svg, description, chart.id);
  return `<figure id="chart-${chart.id}" aria-labelledby="chart-${chart.id}-title">
<h3 id="chart-${chart.id}-title">${escapeHtml(chart.title)}</h3>
${image}
<figcaption>${escapeHtml(chart.caption)}</figcaption>
</figure>`;
}

function chartsSection(result: AnalysisResult, svgs: Readonly<Record<string, string>>): string {
  const { charts, missing } = reportCharts(result);
  const note = missing.length === 0 ? '' : `<p>Not drawn, because the result holds no data for them: ${escapeHtml(missing.join('; '))}.</p>`;
  return `<section id="charts" aria-labelledby="charts-title">
<h2 id="charts-title">Charts</h2>
${charts.map((chart) => chartFigure(chart, svgs[chart.id])).join('\n')}
${note}
</section>`;
}

/**
 * The whole report.html.
 * @param result the analysis result (result.json)
 * @param svgs SVG markup of each chart, by chart id (`reportCharts(result)`); a chart without one says so
 * @example renderReportHtml(result, { 'ceac-qaly': '<svg …>…</svg>' }).startsWith('<!DOCTYPE html>') // true
 */
export function renderReportHtml(result: AnalysisResult, svgs: Readonly<Record<string, string>>): string {
  const unit = moneyUnitOf(result);
  const discount = (result.settings as { discountRate?: unknown }).discountRate;
  const discountText = typeof discount === 'number' ? `${formatEffect(discount * 100, 'employment')} %` : 'the default rate';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${REPORT_TITLE}: ICER report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${REPORT_TITLE}</h1>
<p class="question">${TRIAL_QUESTION}</p>
</header>
<main>
<section id="summary" aria-labelledby="summary-title" class="summary">
<h2 id="summary-title">Summary</h2>
<p>${result.n.ips + result.n.control} participants randomized (${result.n.ips} to IPS, ${result.n.control} to usual care). Costs in ${escapeHtml(unit.currency)} at ${unit.priceYear} prices; costs and effects in year 2 discounted at ${discountText}.</p>
<ul>
${summaryItem(result, 'qaly', unit)}
${summaryItem(result, 'employment', unit)}
</ul>
</section>
${headlineSection(result, 'qaly', unit)}
${headlineSection(result, 'employment', unit)}
${timeToFirstJobSection(result)}
${chartsSection(result, svgs)}
${sensitivitySection(result, unit)}
${subgroupsSection(result, unit)}
${mnarSection(result, unit)}
${missingDataSection(result, unit)}
${warningsSection(result)}
${reproducibilitySection(result, unit)}
</main>
<footer><p>Produced by ${escapeHtml(result.software ? `${result.software.name} ${result.software.version}` : 'ips-trial')}. Intention-to-treat analysis of the default plan in ANALYSIS-DATASET.md.</p></footer>
</body>
</html>
`;
}
