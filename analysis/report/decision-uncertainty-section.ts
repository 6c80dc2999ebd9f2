/**
 * The decision-uncertainty part of a headline section: the Fieller 95 %
 * interval of the ICER in words, and per configured willingness to pay the
 * arm on the acceptability frontier with the probability that it is the
 * cost-effective one and the expected value of perfect information (EVPI),
 * per participant and, with settings evpi.population, for the population.
 */
import type { MoneyUnit } from '../charts/chart-style';
import { ARM_LABELS } from '../charts/chart-style';
import type { AnalysisResult, EffectAnalysis, EffectKind } from '../result';
import { escapeHtml } from './escape-html';
import { formatMoney, formatNumber, formatPercent } from './format';
import { EFFECT_UNITS } from './icer-statement';

/** The Fieller interval of one analysis in plain language ('' when the result has none). */
export function fiellerSentence(analysis: EffectAnalysis, effect: EffectKind, unit: MoneyUnit): string {
  const fieller = analysis.fieller95;
  if (!fieller) return '';
  const per = `per ${EFFECT_UNITS[effect].singular}`;
  const { plural } = EFFECT_UNITS[effect];
  let text: string;
  if (fieller.type === 'bounded' && fieller.limits) {
    text = `${formatNumber(fieller.limits[0])} to ${formatMoney(fieller.limits[1], unit)} ${per}`;
  } else if (fieller.type === 'exclusive' && fieller.limits) {
    text = `at most ${formatMoney(fieller.limits[0], unit)} or at least ${formatMoney(fieller.limits[1], unit)} ${per} — two open-ended pieces, because the difference in ${plural} is not statistically significant`;
  } else {
    text = `every value: the data do not bound the ICER (neither the difference in ${plural} nor, jointly with it, the difference in cost is statistically significant)`;
  }
  return `<p class="fieller"><strong>Fieller 95 % interval of the ICER:</strong> ${escapeHtml(text)}. A negative ratio belongs to the SE or SW quadrant (read it with the quadrant, not as a price).</p>`;
}

/** The table of CEAF and EVPI at the configured WTPs ('' when the result has no ceaf or evpi). */
export function decisionTable(result: AnalysisResult, effect: EffectKind, unit: MoneyUnit): string {
  const analysis = result[effect];
  if (!analysis.ceaf?.length || !analysis.evpi?.length) return '';
  const population = analysis.evpi.every((p) => p.population !== undefined);
  const rows = analysis.ceac.map(({ wtp }) => {
    const frontier = analysis.ceaf?.find((p) => p.wtp === wtp);
    const evpi = analysis.evpi?.find((p) => p.wtp === wtp);
    if (!frontier || !evpi) return '';
    return `<tr><th scope="row">${formatMoney(wtp, unit)}</th><td class="text">${ARM_LABELS[frontier.optimal]}</td><td>${formatPercent(frontier.probability)}</td>` +
      `<td>${formatMoney(evpi.perParticipant, unit)}</td>${population ? `<td>${formatMoney(evpi.population as number, unit)}</td>` : ''}</tr>`;
  });
  const peak = analysis.evpi.reduce((best, p) => (p.perParticipant > best.perParticipant ? p : best));
  const people = (result.settings as { evpi?: { population?: number } }).evpi?.population;
  const { singular } = EFFECT_UNITS[effect];
  return `<table class="decision" id="decision-${effect}">
<caption>Willingness to pay per ${singular}: the arm with the higher expected net benefit (the acceptability frontier), the probability that it is the cost-effective arm, and the expected value of perfect information (EVPI), the expected net benefit lost by deciding on the current evidence${population && people ? ` (population: ${formatNumber(people)} people, settings evpi.population)` : ''}.</caption>
<thead><tr><th scope="col">Willingness to pay</th><th scope="col" class="text">Optimal arm</th><th scope="col">Probability cost-effective</th><th scope="col">EVPI per participant</th>${population ? '<th scope="col">EVPI for the population</th>' : ''}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p>The EVPI per participant is highest, ${formatMoney(peak.perParticipant, unit)}, at a willingness to pay of ${formatMoney(peak.wtp, unit)} per ${singular}.</p>`;
}
