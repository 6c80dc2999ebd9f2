/**
 * The sensitivity-analysis table, the missing-data table and the warnings of
 * the ICER report. Every string from the result (labels, warnings) is escaped.
 */
import { ARM_LABELS, type MoneyUnit } from '../charts/chart-style';
import { TIMEPOINTS } from '../dataset/types';
import type { AnalysisResult, EffectKind, MissingPatternCell, SensitivityRow } from '../result';
import { escapeHtml } from './escape-html';
import { formatEffect, formatEffectInterval, formatMoney, formatMoneyInterval, formatNumber, formatPercent, moneySuffix } from './format';
import { EFFECT_UNITS, icerStatement } from './icer-statement';
import { imputationDetails } from './imputation-section';

function sensitivityRow(row: SensitivityRow, unit: MoneyUnit): string {
  const cost = formatMoney(row.incremental.cost, unit) + (row.ci95 ? `<br><span class="interval">95 % interval ${formatMoneyInterval(row.ci95.cost, unit)}</span>` : '');
  const effect = formatEffect(row.incremental.effect, row.effect) + (row.ci95 ? `<br><span class="interval">95 % interval ${formatEffectInterval(row.ci95.effect, row.effect)}</span>` : '');
  return `<tr><th scope="row">${escapeHtml(row.label)}</th>` +
    `<td>${formatNumber(row.analysed.ips)} / ${formatNumber(row.analysed.control)}</td><td>${cost}</td><td>${effect}</td>` +
    `<td class="text icer-cell">${escapeHtml(icerStatement(row, row.effect, unit))}</td></tr>`;
}

const SENSITIVITY_TITLES: Readonly<Record<EffectKind, string>> = { qaly: 'Cost per QALY', employment: 'Cost per employment day' };

function sensitivityTable(rows: SensitivityRow[], effect: EffectKind, unit: MoneyUnit): string {
  return `<table class="sensitivity" id="sensitivity-${effect}">
<caption>${SENSITIVITY_TITLES[effect]}: each row repeats the analysis with one assumption changed. Analysed: participants in the analysis, IPS / usual care (UC). Differences are IPS − usual care per participant, in ${EFFECT_UNITS[effect].plural} and ${moneySuffix(unit)}.</caption>
<thead><tr><th scope="col">Analysis</th><th scope="col">Analysed (IPS / UC)</th><th scope="col">Difference in cost</th><th scope="col">Difference in ${EFFECT_UNITS[effect].plural}</th><th scope="col" class="text">ICER</th></tr></thead>
<tbody>
${rows.map((row) => sensitivityRow(row, unit)).join('\n')}
</tbody>
</table>`;
}

/** HTML of the sensitivity-analysis section: one table per effect (a note when the result has none). */
export function sensitivitySection(result: AnalysisResult, unit: MoneyUnit): string {
  const rows = result.sensitivity ?? [];
  const tables = (['qaly', 'employment'] as const)
    .map((effect) => ({ effect, rows: rows.filter((row) => row.effect === effect) }))
    .filter((group) => group.rows.length > 0)
    .map((group) => sensitivityTable(group.rows, group.effect, unit));
  const body = tables.length === 0 ? '<p>The result holds no sensitivity analyses.</p>' : tables.join('\n');
  return `<section id="sensitivity" aria-labelledby="sensitivity-title">\n<h2 id="sensitivity-title">Sensitivity analyses</h2>\n${body}\n</section>`;
}

function count(observed: number, randomized: number): string {
  return randomized > 0 ? `${formatNumber(observed)} (${formatPercent(observed / randomized)})` : formatNumber(observed);
}

function missingRow(timepoint: number, cells: readonly MissingPatternCell[]): string {
  const cellsOf = (arm: 'ips' | 'control') => cells.find((c) => c.arm === arm && c.timepoint === timepoint);
  const columns = (['ips', 'control'] as const).map((arm) => {
    const cell = cellsOf(arm);
    if (!cell) return '<td></td><td></td><td></td>';
    return `<td>${count(cell.utility, cell.randomized)}</td><td>${count(cell.serviceUse, cell.randomized)}</td><td>${formatNumber(cell.withdrawn)}</td>`;
  });
  return `<tr><th scope="row">${timepoint} months</th>${columns.join('')}</tr>`;
}

/** HTML of the missing-data section: per arm and timepoint, how many have a utility and a complete service-use form. */
export function missingDataSection(result: AnalysisResult, unit: MoneyUnit): string {
  const cells = result.missingPattern ?? [];
  const randomized = (arm: 'ips' | 'control') => cells.find((c) => c.arm === arm)?.randomized ?? result.n[arm];
  const body = cells.length === 0
    ? '<p>The result holds no missing-data pattern.</p>'
    : `<table class="missing">
<caption>Participants with data at each timepoint, of ${formatNumber(randomized('ips'))} randomized to IPS and ${formatNumber(randomized('control'))} to usual care (percentage of randomized).</caption>
<thead>
<tr><td rowspan="2"></td><th scope="colgroup" colspan="3">${ARM_LABELS.ips}</th><th scope="colgroup" colspan="3">${ARM_LABELS.control}</th></tr>
<tr><th scope="col">Utility</th><th scope="col">Service use</th><th scope="col">Withdrawn</th><th scope="col">Utility</th><th scope="col">Service use</th><th scope="col">Withdrawn</th></tr>
</thead>
<tbody>
${TIMEPOINTS.filter((t) => cells.some((c) => c.timepoint === t)).map((t) => missingRow(t, cells)).join('\n')}
</tbody>
</table>`;
  const method = (result.settings as { missing?: unknown }).missing;
  const note = method === 'multiple-imputation'
    ? '<p>Missing utilities and costs were multiply imputed (see Reproducibility for the number of imputations); the table shows the data as observed.</p>'
    : '<p>The main analysis is complete case: participants missing any utility or service-use form needed for an analysis are left out of it.</p>';
  const details = imputationDetails(result, unit);
  return `<section id="missing-data" aria-labelledby="missing-data-title">\n<h2 id="missing-data-title">Missing data</h2>\n${note}\n${body}${details ? `\n${details}` : ''}\n</section>`;
}

/** HTML of the warnings section (always present, saying so when there are none). */
export function warningsSection(result: AnalysisResult): string {
  const warnings = result.warnings ?? [];
  const body = warnings.length === 0
    ? '<p>The analysis raised no warnings.</p>'
    : `<ul class="warnings">${warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`;
  return `<section id="warnings" aria-labelledby="warnings-title">\n<h2 id="warnings-title">Warnings</h2>\n${body}\n</section>`;
}
