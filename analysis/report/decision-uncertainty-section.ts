/**
 * The decision-uncertainty part of a headline section: the Fieller 95 %
 * interval of the ICER in words, and per configured willingness to pay the
 * arm on the acceptability frontier with the probability that it is the
 * cost-effective one and the expected value of perfect information (EVPI),
 * per participant and, with settings evpi.population, for the population.
 */
import type { MoneyUnit } from '../charts/chart-style';
import type { AnalysisResult, EffectAnalysis, EffectKind } from '../result';
import { escapeHtml } from './escape-html';
import { formatMoney, formatNumber, formatPercent } from './format';
import { effectUnits } from './icer-statement';
import { REPORT_TEXTS, fill, type ReportTexts } from './report-texts';

/** The Fieller interval of one analysis in plain language ('' when the result has none). */
export function fiellerSentence(analysis: EffectAnalysis, effect: EffectKind, unit: MoneyUnit, t: ReportTexts = REPORT_TEXTS.en): string {
  const fieller = analysis.fieller95;
  if (!fieller) return '';
  const { singular, plural } = effectUnits(t)[effect];
  const money = (value: number) => formatMoney(value, unit, t.lang);
  let text: string;
  if (fieller.type === 'bounded' && fieller.limits) {
    text = fill(t.fiellerBounded, { from: formatNumber(fieller.limits[0], 0, t.lang), upTo: money(fieller.limits[1]), unit: singular });
  } else if (fieller.type === 'exclusive' && fieller.limits) {
    text = fill(t.fiellerExclusive, { low: money(fieller.limits[0]), high: money(fieller.limits[1]), unit: singular, plural });
  } else {
    text = fill(t.fiellerUnbounded, { plural });
  }
  return `<p class="fieller"><strong>${t.fiellerLabel}</strong> ${escapeHtml(text)}. ${t.fiellerNote}</p>`;
}

/** The table of CEAF and EVPI at the configured WTPs ('' when the result has no ceaf or evpi). */
export function decisionTable(result: AnalysisResult, effect: EffectKind, unit: MoneyUnit, t: ReportTexts = REPORT_TEXTS.en): string {
  const analysis = result[effect];
  if (!analysis.ceaf?.length || !analysis.evpi?.length) return '';
  const { lang } = t;
  const arms = { ips: t.armIps, control: t.armControl };
  const population = analysis.evpi.every((p) => p.population !== undefined);
  const rows = analysis.ceac.map(({ wtp }) => {
    const frontier = analysis.ceaf?.find((p) => p.wtp === wtp);
    const evpi = analysis.evpi?.find((p) => p.wtp === wtp);
    if (!frontier || !evpi) return '';
    return `<tr><th scope="row">${formatMoney(wtp, unit, lang)}</th><td class="text">${arms[frontier.optimal]}</td><td>${formatPercent(frontier.probability, lang)}</td>` +
      `<td>${formatMoney(evpi.perParticipant, unit, lang)}</td>${population ? `<td>${formatMoney(evpi.population as number, unit, lang)}</td>` : ''}</tr>`;
  });
  const peak = analysis.evpi.reduce((best, p) => (p.perParticipant > best.perParticipant ? p : best));
  const people = (result.settings as { evpi?: { population?: number } }).evpi?.population;
  const { singular } = effectUnits(t)[effect];
  const populationText = population && people ? fill(t.decisionPopulation, { n: formatNumber(people, 0, lang) }) : '';
  return `<table class="decision" id="decision-${effect}">
<caption>${fill(t.decisionCaption, { unit: singular, population: populationText })}</caption>
<thead><tr><th scope="col">${t.colWtp}</th><th scope="col" class="text">${t.colOptimal}</th><th scope="col">${t.colProbability}</th><th scope="col">${t.colEvpi}</th>${population ? `<th scope="col">${t.colEvpiPopulation}</th>` : ''}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p>${fill(t.evpiPeak, { evpi: formatMoney(peak.perParticipant, unit, lang), wtp: formatMoney(peak.wtp, unit, lang), unit: singular })}</p>`;
}
