/**
 * The reproducibility section of the ICER report: everything needed to rerun
 * the analysis and get the same numbers — the settings actually used, the
 * SHA-256 of the dataset, the software and its version, the bootstrap seed
 * and number of replicates.
 */
import type { MoneyUnit } from '../charts/chart-style';
import type { AnalysisResult } from '../result';
import { escapeHtml } from './escape-html';
import { REPORT_TEXTS, fill, type ReportTexts } from './report-texts';
import { formatNumber } from './format';

/** numbers get thousands separators, except years and seeds (identifiers, not amounts) */
function settingValue(value: unknown, key = ''): string {
  if (Array.isArray(value)) return value.map((v) => settingValue(v, key)).join(', ');
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${settingValue(v, k)}`).join('; ');
  }
  if (typeof value === 'number' && Number.isInteger(value) && !/year|seed/i.test(key)) return formatNumber(value);
  return String(value);
}

const WTP_UNITS: Readonly<Record<string, string>> = { qaly: 'per QALY', employmentDay: 'per employment day' };

/** willingness-to-pay lists are money: give them their currency and price year */
function wtpValue(value: unknown, unit: MoneyUnit): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return settingValue(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${settingValue(v, k)} ${unit.currency} (${unit.priceYear} prices) ${WTP_UNITS[k] ?? ''}`.trim())
    .join('; ');
}

/** HTML of the reproducibility section. */
export function reproducibilitySection(result: AnalysisResult, unit: MoneyUnit, t: ReportTexts = REPORT_TEXTS.en): string {
  const software = result.software ? `${result.software.name} ${result.software.version}` : t.reproNotRecorded;
  const settings = Object.entries(result.settings)
    .map(([key, value]) => `<tr><th scope="row"><code>${escapeHtml(key)}</code></th><td class="text">${escapeHtml(key === 'wtp' ? wtpValue(value, unit) : settingValue(value, key))}</td></tr>`)
    .join('\n');
  return `<section id="reproducibility" aria-labelledby="reproducibility-title">
<h2 id="reproducibility-title">${t.reproducibility}</h2>
<dl>
<dt>${t.reproDataset}</dt><dd><code class="hash">${escapeHtml(result.dataset.sha256)}</code></dd>
<dt>${t.reproSoftware}</dt><dd>${escapeHtml(software)}</dd>
<dt>Bootstrap</dt><dd>${fill(t.reproBootstrap, { n: formatNumber(result.bootstrap.replicates, 0, t.lang), seed: escapeHtml(result.bootstrap.seed) })}</dd>
</dl>
<table class="settings">
<caption>${t.reproSettingsCaption}</caption>
<thead><tr><th scope="col">${t.reproSetting}</th><th scope="col" class="text">${t.reproValue}</th></tr></thead>
<tbody>
${settings}
</tbody>
</table>
<p>${t.reproSentence}</p>
</section>`;
}
