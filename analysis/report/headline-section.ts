/**
 * The headline table of one analysis (cost per QALY or cost per employment
 * day): per arm n randomized and analysed, mean cost and mean effect; the
 * increments with their 95 % bootstrap intervals; the ICER in plain language;
 * the Fieller interval of the ICER; the probability that IPS is cost-effective
 * at the reported WTP values; and the frontier and EVPI at those values.
 */
import type { MoneyUnit } from '../charts/chart-style';
import type { AnalysisResult, EffectKind, Interval } from '../result';
import { escapeHtml } from './escape-html';
import { formatEffect, formatEffectInterval, formatMoney, formatMoneyInterval, formatNumber, formatPercent } from './format';
import { effectUnits, icerStatement } from './icer-statement';
import { decisionTable, fiellerSentence } from './decision-uncertainty-section';
import { REPORT_TEXTS, fill, type ReportTexts } from './report-texts';

function interval(text: string, t: ReportTexts): string {
  return `<span class="interval">${fill(t.interval95, { text })}</span>`;
}

function row(header: string, ips: string, control: string, difference: string): string {
  return `<tr><th scope="row">${header}</th><td>${ips}</td><td>${control}</td><td>${difference}</td></tr>`;
}

function ceacSentence(result: AnalysisResult, effect: EffectKind, unit: MoneyUnit, t: ReportTexts): string {
  const points = result[effect].ceac;
  if (points.length === 0) return '';
  const items = points
    .map((p) => `<li>${fill(t.ceacItem, { p: formatPercent(p.probability, t.lang), wtp: formatMoney(p.wtp, unit, t.lang), unit: effectUnits(t)[effect].singular })}</li>`)
    .join('');
  return `<p>${fill(t.ceacIntro, { n: formatNumber(result.bootstrap.replicates, 0, t.lang) })}</p><ul class="ceac">${items}</ul>`;
}

/** HTML of the headline section of one analysis. */
export function headlineSection(result: AnalysisResult, effect: EffectKind, unit: MoneyUnit, t: ReportTexts = REPORT_TEXTS.en): string {
  const { lang } = t;
  const analysis = result[effect];
  const ci = analysis.ci95;
  const adjusted = analysis.incremental.effectAdjusted;
  const adjustedCi: Interval | undefined = ci.effectAdjusted;
  const n = (value: number) => formatNumber(value, 0, lang);
  const rows = [
    row(t.rowRandomized, n(result.n.ips), n(result.n.control), ''),
    row(t.rowAnalysed, n(analysis.analysed.ips), n(analysis.analysed.control), ''),
    row(
      t.rowMeanCost,
      formatMoney(analysis.mean.ips.cost, unit, lang),
      formatMoney(analysis.mean.control.cost, unit, lang),
      `${formatMoney(analysis.incremental.cost, unit, lang)}<br>${interval(formatMoneyInterval(ci.cost, unit, lang), t)}`,
    ),
    row(
      effect === 'qaly' ? t.rowMeanQaly : t.rowMeanEmployment,
      formatEffect(analysis.mean.ips.effect, effect, lang),
      formatEffect(analysis.mean.control.effect, effect, lang),
      `${formatEffect(analysis.incremental.effect, effect, lang)}<br>${interval(formatEffectInterval(ci.effect, effect, lang), t)}`,
    ),
  ];
  if (adjusted !== undefined && adjusted !== null) {
    rows.push(
      row(
        t.rowAdjusted,
        '',
        '',
        `${formatEffect(adjusted, effect, lang)}${adjustedCi ? `<br>${interval(formatEffectInterval(adjustedCi, effect, lang), t)}` : ''}`,
      ),
    );
  }
  const statement = icerStatement(analysis, effect, unit, t);
  return `<section id="headline-${effect}" aria-labelledby="headline-${effect}-title">
<h2 id="headline-${effect}-title">${effect === 'qaly' ? t.headlineQaly : t.headlineEmployment}</h2>
<table class="headline">
<caption>${t.headlineCaption}</caption>
<thead><tr><td></td><th scope="col">${t.armIps}</th><th scope="col">${t.armControl}</th><th scope="col">${t.colDifference}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p class="icer"><strong>${t.icerLabel}</strong> ${escapeHtml(statement)}.</p>
${fiellerSentence(analysis, effect, unit, t)}
${ceacSentence(result, effect, unit, t)}
${decisionTable(result, effect, unit, t)}
</section>`;
}
