import { describe, expect, it } from 'vitest';
import { analysedSets } from '../../../../analysis/analysed-sets';
import type { TrialDataset } from '../../../../analysis/dataset/types';
import { generateDemoTrial } from '../../../../analysis/demo/generate-demo-trial';
import { utilitiesByParticipant } from '../../../../analysis/outcomes/utilities';
import { buildParticipantTable } from '../../../../analysis/participant-table';
import { analyzeScenario, analyzeTrial } from '../../../../analysis/pipeline';
import { runSensitivityAnalyses } from '../../../../analysis/sensitivity/run-sensitivity-analyses';
import { resolveSettings, type AnalysisSettings } from '../../../../analysis/settings';
import { eq5dIndex } from '../../../../instruments/eq5d/score';

const dataset = generateDemoTrial({ participants: 200, seed: 5 });
const resolved = resolveSettings({ ...dataset.settings, imputations: 5, bootstrap: { replicates: 200, seed: 9 }, sensitivity: { replicates: 200 } });
if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
const settings: AnalysisSettings = resolved.settings;
const scoreUtility = (levels: readonly number[]) => eq5dIndex(settings.valueSet, levels as number[]);
const analyze = (d: TrialDataset, s: AnalysisSettings) => analyzeTrial(d, s, { scoreUtility });

describe('analysis/sensitivity/run-sensitivity-analyses', () => {
  const main = analyze(dataset, settings);
  const { rows, warnings } = runSensitivityAnalyses(dataset, settings, { analyze });
  const row = (id: string, effect: 'qaly' | 'employment') => {
    const found = rows.find((r) => r.id === id && r.effect === effect);
    if (!found) throw new Error(`no row ${id}/${effect}: ${rows.map((r) => r.id).join(', ')}`);
    return found;
  };

  it('the lean scenario analysis (analyzeTrial uses it) gives every row exactly as the whole analysis of the scenario does', () => {
    // rows here come from the whole analyzeTrial per scenario; analyzeScenario skips what the rows do not show
    for (const missing of ['complete-case', 'multiple-imputation'] as const) {
      const s = { ...settings, missing };
      const whole = runSensitivityAnalyses(dataset, s, { analyze });
      const lean = runSensitivityAnalyses(dataset, s, { analyze: (d, t) => analyzeScenario(d, t, scoreUtility) });
      expect(lean).toStrictEqual(whole);
      expect(analyzeTrial(dataset, s, { scoreUtility }).sensitivity).toStrictEqual(whole.rows);
    }
  });

  it('gives two rows per scenario, for both effects', () => {
    expect(new Set(rows.map((r) => r.id))).toEqual(
      new Set(['discount-0', 'discount-5', 'unit-costs-minus-20', 'unit-costs-plus-20', 'missing-multiple-imputation', 'programme-top-down', 'employment-without-wage-subsidy', 'per-protocol']),
    );
    expect(rows.filter((r) => r.effect === 'qaly')).toHaveLength(8);
    expect(warnings).toEqual([]);
  });

  it('leaving out jobs with a wage subsidy equals a day-by-day hand count of the unsubsidised competitive days', () => {
    // every third competitive episode is marked as subsidised, the rest as not
    let k = 0;
    const marked: TrialDataset = {
      ...dataset,
      employment: dataset.employment.map((e) => (e.type === 'competitive' ? { ...e, wage_subsidy: (k++ % 3 === 0 ? 1 : 0) as 0 | 1 } : e)),
    };
    const table = runSensitivityAnalyses(marked, settings, { analyze }).rows;
    const without = table.find((r) => r.id === 'employment-without-wage-subsidy' && r.effect === 'employment')!;
    const withAll = analyze(marked, settings).employment;
    // by hand: days 0–729 covered by an unsubsidised competitive episode, up to withdrawal, year 2 × 1/1.03
    const d = 1 / (1 + settings.discountRate);
    const withdrawn = new Map(marked.participants.map((p) => [p.pid, p.withdrawn_day]));
    const set = analysedSets(buildParticipantTable(marked, scoreUtility, settings.discountRate)).employment;
    const sums = { ips: { days: 0, n: 0 }, control: { days: 0, n: 0 } };
    for (const record of set) {
      const covered = new Set<number>();
      for (const e of marked.employment) {
        if (e.pid !== record.pid || e.type !== 'competitive' || e.wage_subsidy === 1) continue;
        const last = Math.min(729, e.end_day ?? 729, withdrawn.get(record.pid) ?? 729);
        for (let day = Math.max(0, e.start_day); day <= last; day++) covered.add(day);
      }
      let days = 0;
      for (const day of covered) days += day < 365 ? 1 : d;
      sums[record.arm].days += days;
      sums[record.arm].n++;
    }
    expect(without.incremental.effect).toBeCloseTo(sums.ips.days / sums.ips.n - sums.control.days / sums.control.n, 9);
    expect(without.incremental.cost).toBeCloseTo(withAll.incremental.cost, 9);
    expect(without.incremental.effect).not.toBeCloseTo(withAll.incremental.effect, 3);
    expect(without.note).toBe(`${Math.ceil(k / 3)} competitive episodes with a wage subsidy left out of employment days`);
    // the main analysis under the other definition gives the same numbers as that row
    const excluded = analyze(marked, { ...settings, employment: { countWageSubsidised: false } }).employment;
    expect(excluded.incremental.effect).toBeCloseTo(without.incremental.effect, 9);
    const rowsWhenExcluded = runSensitivityAnalyses(marked, { ...settings, employment: { countWageSubsidised: false } }, { analyze }).rows;
    expect(rowsWhenExcluded.find((r) => r.id === 'employment-with-wage-subsidy' && r.effect === 'employment')!.incremental.effect).toBeCloseTo(withAll.incremental.effect, 9);
  });

  it('discount 0 % equals the undiscounted hand computation', () => {
    // hand computation over the complete-case set: costs = Σ quantity × unit cost (6–24 months) + minutes/60 × hourly cost (days 0–729),
    // QALYs = 0.25·u0 + 0.5·u6 + 0.5·u12 + 0.5·u18 + 0.25·u24, no discounting
    const price = new Map(dataset.unitCosts.map((r) => [r.item, r.unit_cost]));
    const utilities = utilitiesByParticipant(dataset.assessments, scoreUtility);
    const set = analysedSets(buildParticipantTable(dataset, scoreUtility, 0.03)).qaly;
    const sums = { ips: { cost: 0, qaly: 0, n: 0 }, control: { cost: 0, qaly: 0, n: 0 } };
    for (const record of set) {
      let cost = 0;
      for (const r of dataset.serviceUse) if (r.pid === record.pid && r.timepoint > 0) cost += r.quantity * (price.get(r.item) as number);
      for (const r of dataset.timelogs) if (r.pid === record.pid && r.day >= 0 && r.day <= 729) cost += (r.minutes / 60) * (price.get(`staff_hour:${r.role}`) as number);
      const [u0, u6, u12, u18, u24] = utilities.get(record.pid) as number[];
      sums[record.arm].cost += cost;
      sums[record.arm].qaly += 0.25 * u0 + 0.5 * u6 + 0.5 * u12 + 0.5 * u18 + 0.25 * u24;
      sums[record.arm].n++;
    }
    const r = row('discount-0', 'qaly');
    expect(r.incremental.cost).toBeCloseTo(sums.ips.cost / sums.ips.n - sums.control.cost / sums.control.n, 6);
    expect(r.incremental.effect).toBeCloseTo(sums.ips.qaly / sums.ips.n - sums.control.qaly / sums.control.n, 12);
    expect(r.analysed).toEqual({ ips: sums.ips.n, control: sums.control.n });
  });

  it('unit costs ±20 % scale Δcost by exactly 0.8 and 1.2 and leave the effects alone', () => {
    for (const effect of ['qaly', 'employment'] as const) {
      expect(row('unit-costs-minus-20', effect).incremental.cost).toBeCloseTo(0.8 * main[effect].incremental.cost, 6);
      expect(row('unit-costs-plus-20', effect).incremental.cost).toBeCloseTo(1.2 * main[effect].incremental.cost, 6);
      expect(row('unit-costs-plus-20', effect).incremental.effect).toBe(main[effect].incremental.effect);
    }
  });

  it('discount 5 % lowers year-2 QALYs and employment days compared with 3 %', () => {
    expect(row('discount-5', 'employment').incremental.effect).toBeLessThan(main.employment.incremental.effect);
    expect(row('discount-0', 'employment').incremental.effect).toBeGreaterThan(main.employment.incremental.effect);
  });

  it('runs the other missing-data method on all randomized participants', () => {
    const r = row('missing-multiple-imputation', 'qaly');
    expect(r.analysed.ips + r.analysed.control).toBe(200);
    expect(main.qaly.analysed.ips + main.qaly.analysed.control).toBeLessThan(200);
  });

  it('the top-down programme cost changes Δcost but not the effects', () => {
    const r = row('programme-top-down', 'employment');
    expect(r.incremental.effect).toBe(main.employment.incremental.effect);
    expect(r.incremental.cost).not.toBe(main.employment.incremental.cost);
    expect(r.note).toContain('ips_specialist');
  });

  it('reports a skipped scenario as a row with its reason and a warning', () => {
    const noLogs = { ...dataset, timelogs: dataset.timelogs.filter((log) => log.role !== 'ips_specialist') };
    const result = runSensitivityAnalyses(noLogs, settings, { analyze });
    const skipped = result.rows.filter((r) => r.id === 'per-protocol');
    expect(skipped).toHaveLength(2);
    expect(skipped[0].note).toBe('skipped: no time log of role "ips_specialist", so who received IPS cannot be told');
    expect(skipped[0].icer).toBeNull();
    expect(result.warnings.some((w) => w.includes('Per protocol'))).toBe(true);
  });
});
