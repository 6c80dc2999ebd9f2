/**
 * The time-to-first-competitive-job section of the ICER report: per arm the
 * participants analysed, first jobs, the Kaplan–Meier median with its 95 %
 * interval and those left out because they were in a job at randomization;
 * the log-rank test; and the Cox hazard ratio of IPS against usual care with
 * its 95 % interval. '' when the result has no timeToFirstJob.
 */
import { ARMS } from '../dataset/types';
import type { AnalysisResult, KaplanMeierArm } from '../result';
import { formatNumber } from './format';
import { REPORT_TEXTS, fill, type ReportLang, type ReportTexts } from './report-texts';

/** A p-value: "< 0.001" below 0.001, else three decimals. */
export function formatPValue(p: number, lang: ReportLang = 'en'): string {
  return p < 0.001 ? `< ${formatNumber(0.001, 3, lang)}` : formatNumber(p, 3, lang);
}

/** "333 days (95 % interval 252 to 425)"; "not reached" when the curve stays above 0.5. */
export function medianText(arm: KaplanMeierArm, t: ReportTexts = REPORT_TEXTS.en): string {
  const [lo, hi] = arm.medianCi95;
  const end = (value: number | null) => (value === null ? t.notReached : formatNumber(value, value % 1 === 0 ? 0 : 1, t.lang));
  const ci = `<span class="interval">${fill(t.interval95, { text: `${end(lo)} ${t.to} ${end(hi)}` })}</span>`;
  return arm.median === null ? `${t.notReached}<br>${ci}` : `${fill(t.days, { n: end(arm.median) })}<br>${ci}`;
}

/** HTML of the section. */
export function timeToFirstJobSection(result: AnalysisResult, t: ReportTexts = REPORT_TEXTS.en): string {
  const field = result.timeToFirstJob;
  if (!field) return '';
  const { lang } = t;
  const n = (value: number, decimals = 0) => formatNumber(value, decimals, lang);
  const pText = (p: number) => `${p < 0.001 ? '' : '= '}${formatPValue(p, lang)}`;
  const arms = { ips: t.armIps, control: t.armControl };
  const cells = (value: (arm: KaplanMeierArm) => string) => ARMS.map((arm) => `<td>${value(field.arms[arm])}</td>`).join('');
  const excluded = field.arms.ips.employedAtRandomization + field.arms.control.employedAtRandomization;
  const test = field.logRank;
  const hr = field.hazardRatio;
  const logRankText = test
    ? fill(t.logRankText, { chi: n(test.chiSquare, 2), p: pText(test.p), oi: n(test.observed.ips), ei: n(test.expected.ips, 1), oc: n(test.observed.control), ec: n(test.expected.control, 1) })
    : t.logRankNone;
  const hrText = hr
    ? fill(t.hrText, { hr: n(hr.estimate, 2), lo: n(hr.ci95[0], 2), hi: n(hr.ci95[1], 2), p: pText(hr.p) })
    : t.hrNone;
  return `<section id="time-to-first-job" aria-labelledby="time-to-first-job-title">
<h2 id="time-to-first-job-title">${t.ttfjTitle}</h2>
<table class="headline" id="time-to-first-job-table">
<caption>${t.ttfjCaption}</caption>
<thead><tr><td></td>${ARMS.map((arm) => `<th scope="col">${arms[arm]}</th>`).join('')}</tr></thead>
<tbody>
<tr><th scope="row">${t.rowAnalysed}</th>${cells((a) => n(a.analysed))}</tr>
<tr><th scope="row">${t.ttfjStarted}</th>${cells((a) => n(a.events))}</tr>
<tr><th scope="row">${t.ttfjMedian}</th>${cells((a) => medianText(a, t))}</tr>
<tr><th scope="row">${t.ttfjLeftOut}</th>${cells((a) => n(a.employedAtRandomization))}</tr>
</tbody>
</table>
<p class="log-rank"><strong>${t.logRankLabel}</strong> ${logRankText}.</p>
<p class="hazard-ratio"><strong>${t.hrLabel}</strong> ${hrText}.</p>
${excluded > 0 ? `<p>${fill(excluded === 1 ? t.excludedOne : t.excludedMany, { n: n(excluded) })}</p>` : ''}
</section>`;
}
