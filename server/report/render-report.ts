/**
 * The ICER report as one self-contained HTML document: builds every chart spec
 * of the report from the result (analysis/charts), renders each to SVG with
 * vega in Node, and assembles the page (analysis/report). This is the
 * `renderReport(result)` that `ips-trial analyze` writes to report.html; it
 * lives in server/ because the analysis code stays free of rendering engines.
 */
import { reportCharts } from '../../analysis/charts';
import { renderReportHtml } from '../../analysis/report';
import type { AnalysisResult } from '../../analysis/result';
import type { ReportLang } from '../../analysis/report/report-texts';
import { renderSvg } from './render-svg';

/**
 * @param result the analysis result (the object written to result.json)
 * @param lang the report's language (sv, da or en; default en)
 * @returns report.html as text
 * @example await renderReport(analyzeTrial(dataset, settings, options)) // '<!DOCTYPE html>…'
 */
export async function renderReport(result: AnalysisResult, lang: ReportLang = 'en'): Promise<string> {
  const { charts } = reportCharts(result, lang);
  const svgs: Record<string, string> = {};
  for (const chart of charts) {
    // the report gives each chart a heading of its own: drop the title drawn inside the chart
    const { title: _drawnTitle, ...spec } = chart.spec as typeof chart.spec & { title?: unknown };
    svgs[chart.id] = await renderSvg(spec as typeof chart.spec);
  }
  return renderReportHtml(result, svgs, lang);
}
