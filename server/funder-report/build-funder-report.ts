/**
 * The funder report for a period: reads the database, aggregates
 * (analysis/funder), draws the charts to inline SVG (server/report) and
 * renders HTML and CSV.
 */
import { computeFunderReport } from '../../analysis/funder/compute-funder-report';
import { statusChartSpec, targetsChartSpec } from '../../analysis/funder/funder-charts';
import type { FunderReport } from '../../analysis/funder/types';
import type { Db } from '../db/connection';
import { renderSvg } from '../report/render-svg';
import { loadFunderData, type FunderPeriod } from './load-funder-data';
import type { ReportLang } from '../../analysis/report/report-texts';
import { renderFunderCsv } from './render-funder-csv';
import { renderFunderHtml } from './render-funder-html';
import { computeSusReport } from '../../analysis/sus/compute-sus-report';
import type { SusReport } from '../../analysis/sus/types';
import { loadSusData, susReportCategories } from './load-sus-data';
import { susCsvRows } from './render-sus-csv';
import { renderSusSection } from './render-sus-html';

export interface BuiltFunderReport {
  report: FunderReport;
  /** the SUS follow-up part (SUS registrations) */
  sus: SusReport;
  csv: string;
  html: string;
}

export async function buildFunderReport(db: Db, period: FunderPeriod, minCell = 5, lang: ReportLang = 'en'): Promise<BuiltFunderReport> {
  const { participants, fidelity } = loadFunderData(db, period);
  const report = computeFunderReport(participants, fidelity, minCell);
  const sus = buildSusReport(db, period, minCell);
  const [status, targets] = await Promise.all([renderSvg(statusChartSpec(report)), renderSvg(targetsChartSpec(report))]);
  return { report, sus, csv: renderFunderCsv(report, period, susCsvRows(sus)), html: renderFunderHtml(report, period, { status, targets }, renderSusSection(sus), lang) };
}

/** The SUS follow-up report alone (GET /api/reports/sus). */
export function buildSusReport(db: Db, period: FunderPeriod, minCell = 5): SusReport {
  return computeSusReport(loadSusData(db, period), susReportCategories(), minCell);
}
