/**
 * The synthetic demo trial behind `ips-trial demo-data`: a complete dataset in
 * the folder format of ANALYSIS-DATASET.md, with known true effects
 * (`TRUE_EFFECTS`), several sites, realistic missingness and withdrawals, and
 * overlapping and ongoing jobs. Pure and reproducible: the same participants
 * count and seed always give the same rows.
 */
import type { TrialDataset } from '../dataset/types';
import { drawDemoAssessments } from './demo-assessments';
import { drawDemoEmployment } from './demo-employment';
import { drawDemoPeople } from './demo-people';
import { drawDemoServiceUse } from './demo-service-use';
import { drawDemoTimelogs } from './demo-timelogs';
import { createDemoPrng } from './prng';
import { DEMO_UNIT_COSTS } from './true-effects';

export interface DemoTrialOptions {
  /** number of randomized participants (default 200) */
  participants?: number;
  /** PRNG seed (default 1) */
  seed?: number;
}

export const DEFAULT_DEMO_PARTICIPANTS = 200;

/** The settings.json written with the demo trial (every key the contract knows, defaults spelt out). */
export function demoSettings(seed: number): Record<string, unknown> {
  return {
    instrument: 'eq5d5l',
    valueSet: 'eq5d5l_SE_Sun2022',
    discountRate: 0.03,
    currency: 'SEK',
    priceYear: 2025,
    missing: 'complete-case',
    imputations: 20,
    bootstrap: { replicates: 5000, seed },
    wtp: {
      qaly: [0, 100000, 250000, 500000, 1000000],
      employmentDay: [0, 250, 500, 1000, 2000, 5000],
    },
  };
}

/**
 * Generates a synthetic IPS trial with known true effects.
 * @throws when participants is not an integer ≥ 2 or seed is not an integer
 * @example generateDemoTrial({ participants: 200, seed: 1 }).participants.length // 200
 */
export function generateDemoTrial(options: DemoTrialOptions = {}): Required<Pick<TrialDataset, 'settings'>> & TrialDataset {
  const count = options.participants ?? DEFAULT_DEMO_PARTICIPANTS;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(count) || count < 2) throw new Error('generateDemoTrial requires at least 2 participants');
  if (!Number.isInteger(seed)) throw new Error('generateDemoTrial requires an integer seed');
  const prng = createDemoPrng(seed);
  const people = drawDemoPeople(count, prng);
  const assessments = drawDemoAssessments(people, prng);
  return {
    participants: people.map((person) => person.row),
    assessments,
    serviceUse: drawDemoServiceUse(people, assessments, prng),
    employment: drawDemoEmployment(people, prng),
    timelogs: drawDemoTimelogs(people, prng),
    unitCosts: Object.entries(DEMO_UNIT_COSTS).map(([item, unit_cost]) => ({ item, unit_cost })),
    settings: demoSettings(seed),
  };
}
