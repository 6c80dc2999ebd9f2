/**
 * The sensitivity-analysis table, the missing-data table and the warnings of
 * the ICER report. Every string from the result (labels, warnings) is escaped.
 */
import type { MoneyUnit } from '../charts/chart-style';
import { TIMEPOINTS } from '../dataset/types';
import type { AnalysisResult, EffectKind, MissingPatternCell, SensitivityRow } from '../result';
import { escapeHtml } from './escape-html';
import { formatEffect, formatEffectInterval, formatMoney, formatMoneyInterval, formatNumber, formatPercent, moneySuffix } from './format';
import { effectUnits, icerStatement } from './icer-statement';
import { REPORT_TEXTS, fill, type ReportTexts } from './report-texts';
import { imputationDetails } from './imputation-section';

function sensitivityRow(row: SensitivityRow, unit: MoneyUnit, t: ReportTexts): string {
  const { lang } = t;
  const interval = (text: string) => `<br><span class="interval">${fill(t.interval95, { text })}</span>`;
  const cost = formatMoney(row.incremental.cost, unit, lang) + (row.ci95 ? interval(formatMoneyInterval(row.ci95.cost, unit, lang)) : '');
  const effect = formatEffect(row.incremental.effect, row.effect, lang) + (row.ci95 ? interval(formatEffectInterval(row.ci95.effect, row.effect, lang)) : '');
  return `<tr><th scope="row">${escapeHtml(row.label)}</th>` +
    `<td>${formatNumber(row.analysed.ips, 0, lang)} / ${formatNumber(row.analysed.control, 0, lang)}</td><td>${cost}</td><td>${effect}</td>` +
    `<td class="text icer-cell">${escapeHtml(icerStatement(row, row.effect, unit, t))}</td></tr>`;
}

function sensitivityTable(rows: SensitivityRow[], effect: EffectKind, unit: MoneyUnit, t: ReportTexts): string {
  const { plural } = effectUnits(t)[effect];
  const title = effect === 'qaly' ? t.sensitivityQaly : t.sensitivityEmployment;
  return `<table class="sensitivity" id="sensitivity-${effect}">
<caption>${fill(t.sensitivityCaption, { title, plural, money: moneySuffix(unit, t.lang) })}</caption>
<thead><tr><th scope="col">${t.colAnalysis}</th><th scope="col">${t.colAnalysedArms}</th><th scope="col">${t.colCostDifference}</th><th scope="col">${fill(t.colEffectDifference, { plural })}</th><th scope="col" class="text">ICER</th></tr></thead>
<tbody>
${rows.map((row) => sensitivityRow(row, unit, t)).join('\n')}
</tbody>
</table>`;
}

/** HTML of the sensitivity-analysis section: one table per effect (a note when the result has none). */
export function sensitivitySection(result: AnalysisResult, unit: MoneyUnit, t: ReportTexts = REPORT_TEXTS.en): string {
  const rows = result.sensitivity ?? [];
  const tables = (['qaly', 'employment'] as const)
    .map((effect) => ({ effect, rows: rows.filter((row) => row.effect === effect) }))
    .filter((group) => group.rows.length > 0)
    .map((group) => sensitivityTable(group.rows, group.effect, unit, t));
  const body = tables.length === 0 ? `<p>${t.sensitivityNone}</p>` : tables.join('\n');
  return `<section id="sensitivity" aria-labelledby="sensitivity-title">\n<h2 id="sensitivity-title">${t.sensitivity}</h2>\n${body}\n</section>`;
}

function count(observed: number, randomized: number, t: ReportTexts): string {
  return randomized > 0 ? `${formatNumber(observed, 0, t.lang)} (${formatPercent(observed / randomized, t.lang)})` : formatNumber(observed, 0, t.lang);
}

function missingRow(timepoint: number, cells: readonly MissingPatternCell[], t: ReportTexts): string {
  const cellsOf = (arm: 'ips' | 'control') => cells.find((c) => c.arm === arm && c.timepoint === timepoint);
  const columns = (['ips', 'control'] as const).map((arm) => {
    const cell = cellsOf(arm);
    if (!cell) return '<td></td><td></td><td></td>';
    return `<td>${count(cell.utility, cell.randomized, t)}</td><td>${count(cell.serviceUse, cell.randomized, t)}</td><td>${formatNumber(cell.withdrawn, 0, t.lang)}</td>`;
  });
  return `<tr><th scope="row">${fill(t.months, { n: timepoint })}</th>${columns.join('')}</tr>`;
}

/** HTML of the missing-data section: per arm and timepoint, how many have a utility and a complete service-use form. */
export function missingDataSection(result: AnalysisResult, unit: MoneyUnit, t: ReportTexts = REPORT_TEXTS.en): string {
  const cells = result.missingPattern ?? [];
  const randomized = (arm: 'ips' | 'control') => cells.find((c) => c.arm === arm)?.randomized ?? result.n[arm];
  const body = cells.length === 0
    ? `<p>${t.missingNone}</p>`
    : `<table class="missing">
<caption>${fill(t.missingCaption, { ips: formatNumber(randomized('ips'), 0, t.lang), control: formatNumber(randomized('control'), 0, t.lang) })}</caption>
<thead>
<tr><td rowspan="2"></td><th scope="colgroup" colspan="3">${t.armIps}</th><th scope="colgroup" colspan="3">${t.armControl}</th></tr>
<tr>${`<th scope="col">${t.colUtility}</th><th scope="col">${t.colServiceUse}</th><th scope="col">${t.colWithdrawn}</th>`.repeat(2)}</tr>
</thead>
<tbody>
${TIMEPOINTS.filter((tp) => cells.some((c) => c.timepoint === tp)).map((tp) => missingRow(tp, cells, t)).join('\n')}
</tbody>
</table>`;
  const method = (result.settings as { missing?: unknown }).missing;
  const note = method === 'multiple-imputation'
    ? `<p>${t.missingImputed}</p>`
    : `<p>${t.missingCompleteCase}</p>`;
  const details = imputationDetails(result, unit);
  return `<section id="missing-data" aria-labelledby="missing-data-title">\n<h2 id="missing-data-title">${t.missingData}</h2>\n${note}\n${body}${details ? `\n${details}` : ''}\n</section>`;
}

/** HTML of the warnings section (always present, saying so when there are none). */
export function warningsSection(result: AnalysisResult, t: ReportTexts = REPORT_TEXTS.en): string {
  const warnings = result.warnings ?? [];
  const body = warnings.length === 0
    ? `<p>${t.warningsNone}</p>`
    : `<ul class="warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`;
  return `<section id="warnings" aria-labelledby="warnings-title">\n<h2 id="warnings-title">${t.warnings}</h2>\n${body}\n</section>`;
}
