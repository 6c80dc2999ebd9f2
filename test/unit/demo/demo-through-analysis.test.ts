/**
 * The demo trial is valid input for `analyze` (the core's reader and
 * validator find no problem in the written folder), and the analysis of a
 * large demo trial recovers the true effects put into it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoTrial, TRUE_EFFECTS } from '../../../analysis/demo';
import { analyzeTrial, validateDataset } from '../../../analysis/index';
import { eq5dScorer, listValueSets } from '../../../instruments/eq5d/index';
import { readDataset } from '../../../server/dataset/read-dataset';
import { writeDatasetFolder } from '../../../server/dataset/write-dataset';

const valueSets = listValueSets().map((v) => ({ id: v.id, instrument: v.instrument }));
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function writtenAndValidated(participants: number, seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'demo-analysis-'));
  dirs.push(dir);
  writeDatasetFolder(dir, generateDemoTrial({ participants, seed }));
  const read = readDataset(dir);
  const validated = validateDataset(read.raw, { valueSets });
  return { read, validated };
}

describe('analysis/demo through the analysis', () => {
  it('writes a folder that the reader and the validator accept without a problem', () => {
    for (const seed of [1, 2, 3]) {
      const { read, validated } = writtenAndValidated(200, seed);
      expect(read.problems).toEqual([]);
      expect(validated.ok ? [] : validated.problems.slice(0, 5)).toEqual([]);
    }
  });

  it('recovers the true effects in a large trial', { timeout: 120_000 }, () => {
    const { validated } = writtenAndValidated(4000, 5);
    if (!validated.ok) throw new Error('the demo trial is not valid');
    const settings = { ...validated.settings, bootstrap: { ...validated.settings.bootstrap, replicates: 200 } };
    const result = analyzeTrial(validated.dataset, settings, { scoreUtility: eq5dScorer(settings.valueSet), sensitivity: false });
    // employment: share ever in competitive work by day 547, over everyone randomized (withdrawals dilute it slightly)
    const by18 = (arm: 'ips' | 'control') =>
      Math.max(0, ...result.employmentOverTime!.filter((r) => r.arm === arm && r.day <= 547).map((r) => r.proportion));
    expect(by18('ips')).toBeGreaterThan(TRUE_EFFECTS.competitiveBy18Months.ips - 0.05);
    expect(by18('ips')).toBeLessThan(TRUE_EFFECTS.competitiveBy18Months.ips + 0.02);
    expect(by18('control')).toBeGreaterThan(TRUE_EFFECTS.competitiveBy18Months.control - 0.04);
    expect(by18('control')).toBeLessThan(TRUE_EFFECTS.competitiveBy18Months.control + 0.02);
    // more employment days, a small QALY gain, and a positive cost of IPS staff time
    expect(result.employment.quadrant === 'NE' || result.employment.quadrant === 'SE').toBe(true);
    expect(result.employment.ci95.effect[0]).toBeGreaterThan(20);
    // QALYs: the complete-case difference is biased by design (questionnaires are missed at random given arm and
    // baseline health), so check the difference adjusted for baseline utility against the level shift put in
    const adjusted = result.qaly.incremental.effectAdjusted as number;
    expect(adjusted).toBeGreaterThan(0.015);
    expect(adjusted).toBeLessThan(0.08);
    const staff = (arm: 'ips' | 'control', role: string) => result.costBreakdown!.find((r) => r.arm === arm && r.category === `staff_hour:${role}`)?.meanCost ?? 0;
    expect(staff('ips', 'ips_specialist')).toBeGreaterThan(3 * staff('control', 'municipal_coach'));
    const inpatient = (arm: 'ips' | 'control') => result.costBreakdown!.find((r) => r.arm === arm && r.category === 'inpatient_day')!.meanCost;
    expect(inpatient('ips') / inpatient('control')).toBeLessThan(0.95);
  });
});
