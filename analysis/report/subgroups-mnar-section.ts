/**
 * The report sections of the pre-specified subgroups (a table per subgroup
 * with the interaction test in words) and of the MNAR sensitivity analysis
 * (the delta-adjusted result and the tipping-point table). Each is '' when
 * the result has no such field.
 */
import type { MoneyUnit } from '../charts/chart-style';
import type { AnalysisResult, MnarAnalysis, SubgroupAnalysis } from '../result';
import type { SubgroupEstimate } from '../subgroups/analyze-subgroups';
import { escapeHtml } from './escape-html';
import { REPORT_TEXTS, type ReportTexts } from './report-texts';
import { formatEffect, formatEffectInterval, formatMoney, formatMoneyInterval, formatNumber, formatPercent } from './format';

const ARM_WORDS = { ips: 'IPS', control: 'usual care' } as const;

function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${formatNumber(p, 3)}`;
}

function cell(estimate: SubgroupEstimate | null, format: (v: number) => string, interval: (i: [number, number]) => string): string {
  return estimate ? `<td>${format(estimate.estimate)}<br><small>${interval(estimate.ci95)}</small></td>` : '<td>not estimable</td>';
}

function subgroupTable(s: SubgroupAnalysis, unit: MoneyUnit, index: number): string {
  const money = (v: number) => formatMoney(v, unit);
  const rows = s.levels.map((l) => `<tr><th scope="row" class="text">${escapeHtml(l.level)}</th><td>${l.n.ips}</td><td>${l.n.control}</td>` +
    cell(l.cost, money, (i) => formatMoneyInterval(i, unit)) +
    cell(l.effect, (v) => formatEffect(v, 'qaly'), (i) => formatEffectInterval(i, 'qaly')) +
    cell(l.inmb, money, (i) => formatMoneyInterval(i, unit)) + '</tr>');
  const test = s.interaction
    ? `Treatment × subgroup interaction on net benefit: ${s.interaction.test === 'F' ? 'F' : 'D2'}(${formatNumber(s.interaction.df1)}, ${formatNumber(s.interaction.df2, s.interaction.test === 'F' ? 0 : 1)}) = ${formatNumber(s.interaction.statistic, 2)}, ${pValue(s.interaction.p)}${s.interaction.p < 0.05 ? ': the net benefit of IPS differs between these subgroups.' : ': no evidence that the net benefit of IPS differs between these subgroups.'}`
    : 'No interaction test: fewer than two subgroup levels could be estimated.';
  const left = s.leftOut > 0 ? ` ${formatNumber(s.leftOut)} participants are in no group of the settings and are left out.` : '';
  return `<table class="subgroups" id="subgroup-${index + 1}">
<caption>${escapeHtml(s.label)}: increments IPS − usual care with 95 % intervals.${escapeHtml(left)}</caption>
<thead><tr><th scope="col" class="text">Subgroup</th><th scope="col">n IPS</th><th scope="col">n usual care</th><th scope="col">ΔCost</th><th scope="col">ΔQALYs</th><th scope="col">INMB at ${formatMoney(s.wtp, unit)} per QALY</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p class="interaction">${escapeHtml(test)}</p>`;
}

/** HTML of the subgroup section ('' without subgroups). */
export function subgroupsSection(result: AnalysisResult, unit: MoneyUnit, t: ReportTexts = REPORT_TEXTS.en): string {
  const subgroups = result.subgroups ?? [];
  if (subgroups.length === 0) return '';
  const pooled = subgroups[0].method === 'rubin';
  return `<section id="subgroups" aria-labelledby="subgroups-title">
<h2 id="subgroups-title">${t.subgroups}</h2>
<p>Within each subgroup level, Δcost, ΔQALYs and the net monetary benefit (INMB = willingness to pay × ΔQALYs − Δcost) are the IPS coefficients of linear regressions on arm and baseline utility (${pooled ? "fitted in every imputed dataset and pooled by Rubin's rules, t intervals with Barnard–Rubin degrees of freedom" : 'over the complete cases of the QALY analysis, t intervals from the regression'}; not bootstrap intervals). The interaction test asks whether the IPS effect on net benefit differs between the levels (${pooled ? 'D2 test pooling the F tests of the imputed datasets' : 'F test of the arm × subgroup terms'}). Subgroups are pre-specified in the settings; read them as exploratory, as trials are rarely powered for them.</p>
${subgroups.map((s, i) => subgroupTable(s, unit, i)).join('\n')}
</section>`;
}

function shiftWords(mnar: MnarAnalysis, unit: MoneyUnit): string {
  const parts: string[] = [];
  for (const arm of ['ips', 'control'] as const) {
    if (mnar.shifts.utility[arm] !== 0) parts.push(`imputed utilities of ${ARM_WORDS[arm]} ${formatNumber(mnar.shifts.utility[arm], 3)}`);
    if (mnar.shifts.cost[arm] !== 0) parts.push(`imputed period costs of ${ARM_WORDS[arm]} ${formatMoney(mnar.shifts.cost[arm], unit)}`);
  }
  return parts.length === 0 ? 'no shift (settings mnar.shifts not set, so this equals the missing-at-random result)' : parts.join('; ');
}

/** HTML of the MNAR section ('' without an MNAR analysis). */
export function mnarSection(result: AnalysisResult, unit: MoneyUnit, t: ReportTexts = REPORT_TEXTS.en): string {
  const mnar = result.mnar;
  if (!mnar) return '';
  const { tippingPoint: tp } = mnar;
  const isUtility = tp.shift === 'utility';
  const shiftText = (v: number) => (isUtility ? formatNumber(v, 3) : formatMoney(v, unit));
  const varied = isUtility ? `imputed utilities of ${ARM_WORDS[tp.arm]} participants` : `imputed six-month service-use costs of ${ARM_WORDS[tp.arm]} participants`;
  const rows = tp.rows.map((r) => `<tr><th scope="row">${shiftText(r.delta)}</th><td>${formatMoney(r.inmb, unit)}</td><td>${formatMoneyInterval(r.ci95, unit)}</td><td class="text">${r.positive ? 'cost-effective' : 'not cost-effective'}</td></tr>`);
  const turn = tp.firstGridShift === null
    ? `The conclusion (IPS ${tp.baseConclusion}) does not change within the grid${tp.tippingShift !== null ? `; it would at a shift of ${shiftText(tp.tippingShift)}` : ''}.`
    : `The conclusion turns from IPS ${tp.baseConclusion} at a shift of ${shiftText(tp.tippingShift as number)} (first grid value: ${shiftText(tp.firstGridShift)}).`;
  const share = (what: 'utility' | 'cost') => `${formatPercent(mnar.imputedShare[what].ips)} (IPS) and ${formatPercent(mnar.imputedShare[what].control)} (usual care)`;
  return `<section id="mnar" aria-labelledby="mnar-title">
<h2 id="mnar-title">${t.mnar}</h2>
<p>Multiple imputation assumes the missing values are missing at random. If participants who did not answer were doing worse (or costing more) than similar participants who did, the imputed values are too optimistic. Following Leurent et al. (Value Health 2018), a fixed shift is added to the imputed values of an arm after each imputation and the results are pooled again. Imputed: ${share('utility')} of follow-up utilities; ${share('cost')} of follow-up service-use periods.</p>
<p>With ${escapeHtml(shiftWords(mnar, unit))}: INMB at ${formatMoney(mnar.wtp, unit)} per QALY ${formatMoney(mnar.adjusted.inmb, unit)} (95 % interval ${formatMoneyInterval(mnar.adjusted.ci95, unit)}; Δcost ${formatMoney(mnar.adjusted.cost, unit)}, ΔQALYs ${formatEffect(mnar.adjusted.effect, 'qaly')}); missing at random: ${formatMoney(mnar.unadjusted.inmb, unit)} (${formatMoneyInterval(mnar.unadjusted.ci95, unit)}). Intervals by Rubin's rules (t, Barnard–Rubin degrees of freedom).</p>
<table class="tipping" id="mnar-tipping">
<caption>Tipping point: INMB at ${formatMoney(mnar.wtp, unit)} per QALY when the ${varied} are shifted by the amount in the first column.</caption>
<thead><tr><th scope="col">Shift</th><th scope="col">INMB</th><th scope="col">95 % interval</th><th scope="col" class="text">IPS at this WTP</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p class="tipping-point">${escapeHtml(turn)}</p>
</section>`;
}
