/**
 * The multiple-imputation part of the report's missing-data section: how the
 * imputation ran (every option used), Rubin's-rules figures of each pooled
 * increment (standard error, Barnard–Rubin df, fraction of missing
 * information) and the predictors the chained equations left out (mice's
 * loggedEvents, counted per variable). Empty when the result has no imputation.
 */
import type { MoneyUnit } from '../charts/chart-style';
import type { AnalysisResult, ImputationLogEntry } from '../result';
import { escapeHtml } from './escape-html';
import { formatEffect, formatEffectInterval, formatMoney, formatNumber, formatPercent } from './format';

interface PooledRow {
  label: string;
  estimate: string;
  standardError: string;
  df: number;
  fmi: number;
  interval: string;
}

function pooledRows(result: AnalysisResult, unit: MoneyUnit): PooledRow[] {
  const rows: PooledRow[] = [];
  const q = result.qaly;
  const e = result.employment;
  if (q.imputation) {
    const i = q.imputation;
    rows.push({ label: 'Difference in cost', estimate: formatMoney(q.incremental.cost, unit), standardError: formatMoney(Math.sqrt(i.totalVariance.cost), unit), df: i.df.cost, fmi: i.fractionMissingInformation.cost, interval: '' });
    rows.push({ label: 'Difference in QALYs', estimate: formatEffect(q.incremental.effect, 'qaly'), standardError: formatNumber(Math.sqrt(i.totalVariance.effect), 4), df: i.df.effect, fmi: i.fractionMissingInformation.effect, interval: '' });
    const a = i.effectAdjusted;
    if (a) {
      rows.push({ label: 'Difference in QALYs, adjusted for baseline utility', estimate: formatEffect(a.estimate, 'qaly'), standardError: formatNumber(Math.sqrt(a.totalVariance), 4), df: a.df, fmi: a.fractionMissingInformation, interval: formatEffectInterval(a.ci95, 'qaly') });
    }
  }
  if (e.imputation) {
    const i = e.imputation;
    rows.push({ label: 'Difference in employment days', estimate: formatEffect(e.incremental.effect, 'employment'), standardError: formatNumber(Math.sqrt(i.totalVariance.effect), 2), df: i.df.effect, fmi: i.fractionMissingInformation.effect, interval: '' });
  }
  return rows;
}

/** Distinct (variable, predictors left out) of the chained equations, with the number of steps. */
function leftOut(events: readonly ImputationLogEntry[]): { variable: string; out: string; steps: number }[] {
  const counts = new Map<string, { variable: string; out: string; steps: number }>();
  for (const event of events) {
    if (event.meth !== 'pmm') continue;
    const key = `${event.dep}\u0000${event.out}`;
    const row = counts.get(key) ?? { variable: event.dep, out: event.out, steps: 0 };
    row.steps++;
    counts.set(key, row);
  }
  return [...counts.values()];
}

/** HTML of the imputation details ('' without multiple imputation). */
export function imputationDetails(result: AnalysisResult, unit: MoneyUnit): string {
  const record = result.imputation;
  if (!record) return '';
  const steps = record.m * record.iterations;
  const pooled = pooledRows(result, unit)
    .map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${r.estimate}</td><td>${r.standardError}</td><td>${formatNumber(r.df, 1)}</td><td>${formatPercent(r.fmi)}</td><td>${r.interval}</td></tr>`)
    .join('\n');
  const dropped = leftOut(record.loggedEvents);
  const constant = record.loggedEvents.filter((e) => e.meth === 'constant').map((e) => e.out);
  const droppedBody = dropped.length === 0
    ? '<p>No predictor had to be left out of any imputation step.</p>'
    : `<table class="imputation-log">
<caption>Predictors left out of an imputation step because they were constant or collinear among the participants with that variable observed (as mice's <code>remove.lindep</code>); the full log is <code>imputation.loggedEvents</code> in result.json.</caption>
<thead><tr><th scope="col">Imputed variable</th><th scope="col" class="text">Left out</th><th scope="col">Steps (of ${formatNumber(steps)})</th></tr></thead>
<tbody>
${dropped.map((d) => `<tr><th scope="row"><code>${escapeHtml(d.variable)}</code></th><td class="text">${escapeHtml(d.out)}</td><td>${formatNumber(d.steps)}</td></tr>`).join('\n')}
</tbody>
</table>`;
  const constantNote = constant.length === 0 ? '' : `<p>Left out of every equation as constant in the whole data: ${constant.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}.</p>`;
  return `<div id="imputation-details">
<p>Multiple imputation by chained equations with predictive mean matching: ${formatNumber(record.m)} imputations, ${formatNumber(record.iterations)} iterations each, ${formatNumber(record.donors)} donors, ridge ${record.ridge}; pooled with Rubin's rules.</p>
<table class="imputation-pooled">
<caption>Pooled increments (IPS − usual care) with Rubin's total standard error, Barnard–Rubin degrees of freedom and the fraction of missing information (the share of the variance due to the missing data).</caption>
<thead><tr><th scope="col">Increment</th><th scope="col">Pooled estimate</th><th scope="col">Standard error</th><th scope="col">df</th><th scope="col">Missing information</th><th scope="col">95 % interval (t)</th></tr></thead>
<tbody>
${pooled}
</tbody>
</table>
${constantNote}
${droppedBody}
</div>`;
}
