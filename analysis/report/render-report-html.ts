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
import { formatEffect, formatMoney, formatNumber } from './format';
import { headlineSection } from './headline-section';
import { effectUnits, icerStatement } from './icer-statement';
import { REPORT_TEXTS, fill, type ReportLang, type ReportTexts } from './report-texts';
import { inlineSvg } from './inline-svg';
import { reproducibilitySection } from './reproducibility-section';
import { REPORT_CSS } from './report-styles';
import { timeToFirstJobSection } from './time-to-first-job-section';
import { mnarSection, subgroupsSection } from './subgroups-mnar-section';
import { missingDataSection, sensitivitySection, warningsSection } from './tables-section';

export const REPORT_TITLE = REPORT_TEXTS.en.title;
export const TRIAL_QUESTION = REPORT_TEXTS.en.question;

function summaryItem(result: AnalysisResult, effect: EffectKind, unit: MoneyUnit, t: ReportTexts): string {
  const analysis = result[effect];
  const { plural } = effectUnits(t)[effect];
  const sign = analysis.incremental.effect >= 0 ? '+' : '';
  const difference = fill(t.summaryDifference, { effect: `${sign}${formatEffect(analysis.incremental.effect, effect, t.lang)}`, plural, cost: formatMoney(analysis.incremental.cost, unit, t.lang) });
  return `<li><strong>${effect === 'qaly' ? t.summaryQaly : t.summaryEmployment}:</strong> ${escapeHtml(icerStatement(analysis, effect, unit, t))} ${difference}.</li>`;
}

function chartFigure(chart: ReportChart, svg: string | undefined, t: ReportTexts): string {
  const description = chart.spec.description ?? chart.title;
  const image = svg === undefined ? `<p>${t.chartNotRendered}</p>` : inlineSvg(svg, description, chart.id);
  return `<figure id="chart-${chart.id}" aria-labelledby="chart-${chart.id}-title">
<h3 id="chart-${chart.id}-title">${escapeHtml(chart.title)}</h3>
${image}
<figcaption>${escapeHtml(chart.caption)}</figcaption>
</figure>`;
}

function chartsSection(result: AnalysisResult, svgs: Readonly<Record<string, string>>, t: ReportTexts): string {
  const { charts, missing } = reportCharts(result, t.lang);
  const note = missing.length === 0 ? '' : `<p>${fill(t.chartsMissing, { list: escapeHtml(missing.join('; ')) })}</p>`;
  return `<section id="charts" aria-labelledby="charts-title">
<h2 id="charts-title">${t.charts}</h2>
${charts.map((chart) => chartFigure(chart, svgs[chart.id], t)).join('\n')}
${note}
</section>`;
}

/**
 * The whole report.html.
 * @param result the analysis result (result.json)
 * @param svgs SVG markup of each chart, by chart id (`reportCharts(result, lang)`); a chart without one says so
 * @param lang the report's language: headings, tables, sentences and numbers (default English)
 * @example renderReportHtml(result, { 'ceac-qaly': '<svg …>…</svg>' }).startsWith('<!DOCTYPE html>') // true
 */
export function renderReportHtml(result: AnalysisResult, svgs: Readonly<Record<string, string>>, lang: ReportLang = 'en'): string {
  const t = REPORT_TEXTS[lang];
  const unit = moneyUnitOf(result);
  const discount = (result.settings as { discountRate?: unknown }).discountRate;
  const discountText = typeof discount === 'number' ? `${formatEffect(discount * 100, 'employment', lang)} %` : t.defaultRate;
  const count = (n: number) => (lang === 'en' ? String(n) : formatNumber(n, 0, lang));
  const software = result.software ? `${result.software.name} ${result.software.version}` : 'ips-trial';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}: ${t.documentSuffix}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${t.title}</h1>
<p class="question">${t.question}</p>
</header>
<main>
<section id="summary" aria-labelledby="summary-title" class="summary">
<h2 id="summary-title">${t.summary}</h2>
<p>${fill(t.summaryText, { total: count(result.n.ips + result.n.control), ips: count(result.n.ips), control: count(result.n.control), currency: escapeHtml(unit.currency), year: unit.priceYear, discount: discountText })}</p>
<ul>
${summaryItem(result, 'qaly', unit, t)}
${summaryItem(result, 'employment', unit, t)}
</ul>
</section>
${headlineSection(result, 'qaly', unit, t)}
${headlineSection(result, 'employment', unit, t)}
${timeToFirstJobSection(result, t)}
${chartsSection(result, svgs, t)}
${sensitivitySection(result, unit, t)}
${subgroupsSection(result, unit, t)}
${mnarSection(result, unit, t)}
${missingDataSection(result, unit, t)}
${warningsSection(result, t)}
${reproducibilitySection(result, unit, t)}
</main>
<footer><p>${fill(t.footer, { software: escapeHtml(software) })}</p></footer>
</body>
</html>
`;
}
