/**
 * The reproducibility section of the ICER report: everything needed to rerun
 * the analysis and get the same numbers — the settings actually used, the
 * SHA-256 of the dataset, the software and its version, the bootstrap seed
 * and number of replicates.
 */
import type { MoneyUnit } from '../charts/chart-style';
import type { AnalysisResult } from '../result';
import { escapeHtml } from './escape-html';
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
export function reproducibilitySection(result: AnalysisResult, unit: MoneyUnit): string {
  const software = result.software ? `${result.software.name} ${result.software.version}` : 'not recorded';
  const settings = Object.entries(result.settings)
    .map(([key, value]) => `<tr><th scope="row"><code>${escapeHtml(key)}</code></th><td class="text">${escapeHtml(key === 'wtp' ? wtpValue(value, unit) : settingValue(value, key))}</td></tr>`)
    .join('\n');
  return `<section id="reproducibility" aria-labelledby="reproducibility-title">
<h2 id="reproducibility-title">Reproducibility</h2>
<dl>
<dt>Dataset SHA-256 (over the input files)</dt><dd><code class="hash">${escapeHtml(result.dataset.sha256)}</code></dd>
<dt>Software</dt><dd>${escapeHtml(software)}</dd>
<dt>Bootstrap</dt><dd>${formatNumber(result.bootstrap.replicates)} replicates, seed ${escapeHtml(result.bootstrap.seed)} (resampling participants within arm)</dd>
</dl>
<table class="settings">
<caption>Settings used (defaults filled in)</caption>
<thead><tr><th scope="col">Setting</th><th scope="col" class="text">Value</th></tr></thead>
<tbody>
${settings}
</tbody>
</table>
<p>Running the same software version on a dataset with this SHA-256 and these settings reproduces every number in this report.</p>
</section>`;
}
