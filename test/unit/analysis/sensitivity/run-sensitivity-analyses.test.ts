import { describe, expect, it } from 'vitest';
import { analysedSets } from '../../../../analysis/analysed-sets';
import type { TrialDataset } from '../../../../analysis/dataset/types';
import { generateDemoTrial } from '../../../../analysis/demo/generate-demo-trial';
import { utilitiesByParticipant } from '../../../../analysis/outcomes/utilities';
import { buildParticipantTable } from '../../../../analysis/participant-table';
import { analyzeTrial } from '../../../../analysis/pipeline';
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

  it('gives two rows per scenario, for both effects', () => {
    expect(new Set(rows.map((r) => r.id))).toEqual(
      new Set(['discount-0', 'discount-5', 'unit-costs-minus-20', 'unit-costs-plus-20', 'missing-multiple-imputation', 'programme-top-down', 'per-protocol']),
    );
    expect(rows.filter((r) => r.effect === 'qaly')).toHaveLength(7);
    expect(warnings).toEqual([]);
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
