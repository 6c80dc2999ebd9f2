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
import { EFFECT_UNITS, icerStatement } from './icer-statement';
import { decisionTable, fiellerSentence } from './decision-uncertainty-section';

const TITLES: Readonly<Record<EffectKind, string>> = {
  qaly: 'Cost per QALY gained',
  employment: 'Cost per competitive employment day gained',
};

const EFFECT_ROW: Readonly<Record<EffectKind, string>> = {
  qaly: 'Mean QALYs over 24 months',
  employment: 'Mean competitive employment days over 24 months',
};

function interval(text: string): string {
  return `<span class="interval">95 % interval ${text}</span>`;
}

function row(header: string, ips: string, control: string, difference: string): string {
  return `<tr><th scope="row">${header}</th><td>${ips}</td><td>${control}</td><td>${difference}</td></tr>`;
}

function ceacSentence(result: AnalysisResult, effect: EffectKind, unit: MoneyUnit): string {
  const points = result[effect].ceac;
  if (points.length === 0) return '';
  const items = points
    .map((p) => `<li>${formatPercent(p.probability)} at ${formatMoney(p.wtp, unit)} per ${EFFECT_UNITS[effect].singular}</li>`)
    .join('');
  return `<p>Probability that IPS is cost-effective (bootstrap, ${formatNumber(result.bootstrap.replicates)} replicates):</p><ul class="ceac">${items}</ul>`;
}

/** HTML of the headline section of one analysis. */
export function headlineSection(result: AnalysisResult, effect: EffectKind, unit: MoneyUnit): string {
  const analysis = result[effect];
  const ci = analysis.ci95;
  const adjusted = analysis.incremental.effectAdjusted;
  const adjustedCi: Interval | undefined = ci.effectAdjusted;
  const rows = [
    row('Randomized (n)', formatNumber(result.n.ips), formatNumber(result.n.control), ''),
    row('Analysed (n)', formatNumber(analysis.analysed.ips), formatNumber(analysis.analysed.control), ''),
    row(
      'Mean cost per participant',
      formatMoney(analysis.mean.ips.cost, unit),
      formatMoney(analysis.mean.control.cost, unit),
      `${formatMoney(analysis.incremental.cost, unit)}<br>${interval(formatMoneyInterval(ci.cost, unit))}`,
    ),
    row(
      EFFECT_ROW[effect],
      formatEffect(analysis.mean.ips.effect, effect),
      formatEffect(analysis.mean.control.effect, effect),
      `${formatEffect(analysis.incremental.effect, effect)}<br>${interval(formatEffectInterval(ci.effect, effect))}`,
    ),
  ];
  if (adjusted !== undefined && adjusted !== null) {
    rows.push(
      row(
        'Difference in QALYs adjusted for baseline utility (OLS)',
        '',
        '',
        `${formatEffect(adjusted, effect)}${adjustedCi ? `<br>${interval(formatEffectInterval(adjustedCi, effect))}` : ''}`,
      ),
    );
  }
  const statement = icerStatement(analysis, effect, unit);
  return `<section id="headline-${effect}" aria-labelledby="headline-${effect}-title">
<h2 id="headline-${effect}-title">${TITLES[effect]}</h2>
<table class="headline">
<caption>Per participant over 24 months (year 2 discounted). Difference = IPS − usual care; intervals are bootstrap percentile intervals.</caption>
<thead><tr><td></td><th scope="col">IPS</th><th scope="col">Usual care</th><th scope="col">Difference (IPS − usual care)</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p class="icer"><strong>ICER:</strong> ${escapeHtml(statement)}.</p>
${fiellerSentence(analysis, effect, unit)}
${ceacSentence(result, effect, unit)}
${decisionTable(result, effect, unit)}
</section>`;
}
