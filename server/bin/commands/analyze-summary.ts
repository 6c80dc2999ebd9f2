/**
 * The short summary `ips-trial analyze` prints: randomized and analysed per
 * arm, increments with their 95 % intervals, the ICER with its quadrant in
 * words, currency and price year.
 */
import { quadrantInWords, type AnalysisResult } from '../../../analysis/index';
import type { EffectAnalysis } from '../../../analysis/result';

const number = (value: number, digits: number) =>
  value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatSummary(result: AnalysisResult, out: string): string {
  const settings = result.settings as { currency: string; priceYear: number; bootstrap: { interval: string } };
  const money = `${settings.currency} (${settings.priceYear} prices)`;
  const lines = [
    `Randomized: IPS ${result.n.ips}, control ${result.n.control}. Bootstrap: ${result.bootstrap.replicates} replicates, seed ${result.bootstrap.seed}.`,
    ...section('Cost per QALY', result.qaly, 'QALYs', 3, money),
    ...section('Cost per employment day', result.employment, 'employment days', 1, money),
  ];
  if (result.qaly.incremental.effectAdjusted != null) {
    lines.splice(4, 0, `  ΔQALY adjusted for baseline utility (OLS): ${number(result.qaly.incremental.effectAdjusted, 4)}`);
  }
  for (const warning of result.warnings ?? []) lines.push(`Note: ${warning}`);
  lines.push(`Wrote ${out}/result.json and ${out}/report.html`);
  return `${lines.join('\n')}\n`;
}

function section(title: string, analysis: EffectAnalysis, effectName: string, digits: number, money: string): string[] {
  const { incremental, ci95 } = analysis;
  // a dominance ratio (SE, NW) is negative and not one to act on: the quadrant in words says it (as the report does)
  const dominance = analysis.quadrant === 'SE' || analysis.quadrant === 'NW';
  const ratio = analysis.icer === null ? 'none' : dominance ? 'not reported' : `${number(analysis.icer, 0)} ${money} per ${effectName.replace(/s$/, '').replace(/QALY$/, 'QALY')}`;
  return [
    `${title} — analysed: IPS ${analysis.analysed.ips}, control ${analysis.analysed.control}`,
    `  Δcost ${number(incremental.cost, 0)} ${money} (95 % CI ${number(ci95.cost[0], 0)} to ${number(ci95.cost[1], 0)})`,
    `  Δeffect ${number(incremental.effect, digits + 1)} ${effectName} (95 % CI ${number(ci95.effect[0], digits + 1)} to ${number(ci95.effect[1], digits + 1)})`,
    `  ICER ${ratio}: ${quadrantInWords(analysis.quadrant, effectName)}`,
  ];
}
