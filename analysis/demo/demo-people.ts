/**
 * The people of the demo trial: baseline characteristics, stratified
 * allocation (permuted blocks of four within site) and the hidden traits the
 * other generators draw from (latent health, withdrawal day, engagement in
 * IPS). Pure: everything comes from the seeded PRNG.
 */
import type { Arm, ParticipantRow, Sex } from '../dataset/types';
import type { DemoPrng } from './prng';
import { DEMO_SITES, TRUE_EFFECTS } from './true-effects';

/** Last day of the 24-month horizon (ANALYSIS-DATASET.md: days 0–729). */
export const HORIZON_LAST_DAY = 729;

export interface DemoPerson {
  row: ParticipantRow;
  /** latent ill-health at baseline, N(0, 1); higher = worse */
  severity: number;
  /** last day with data (the withdrawal day, or beyond the horizon) */
  lastDay: number;
  /** IPS participant who actually took part in IPS */
  engaged: boolean;
}

const AGE_BANDS = { '18-24': 0.2, '25-29': 0.25, '30-39': 0.25, '40-49': 0.18, '50-64': 0.12 } as const;
const SEXES = { female: 0.52, male: 0.44, other: 0.02, missing: 0.02 } as const;

/** Synthetic pseudonymous id: P000001, P000002 … */
export function demoPid(index: number): string {
  return `P${String(index + 1).padStart(6, '0')}`;
}

function allocateWithinSites(sites: string[], prng: DemoPrng): Arm[] {
  const blocks = new Map<string, Arm[]>();
  return sites.map((site) => {
    let block = blocks.get(site);
    if (!block || block.length === 0) {
      block = ['ips', 'ips', 'control', 'control'];
      for (let i = block.length - 1; i > 0; i -= 1) {
        const j = prng.integer(0, i);
        [block[i], block[j]] = [block[j], block[i]];
      }
      blocks.set(site, block);
    }
    return block.pop() as Arm;
  });
}

/**
 * Draws the randomized participants of a demo trial.
 * @param count number of participants (≥ 2)
 * @param prng the demo trial's PRNG
 */
export function drawDemoPeople(count: number, prng: DemoPrng): DemoPerson[] {
  const sites = Array.from({ length: count }, () => prng.choose(DEMO_SITES) as string);
  const arms = allocateWithinSites(sites, prng);
  return sites.map((site, index) => {
    const sex = prng.choose(SEXES);
    const withdraws = prng.bernoulli(TRUE_EFFECTS.withdrawal);
    const withdrawnDay = withdraws ? prng.integer(30, 700) : null;
    const arm = arms[index];
    return {
      row: {
        pid: demoPid(index),
        arm,
        site,
        sex: sex === 'missing' ? null : (sex as Sex),
        age_band: prng.choose(AGE_BANDS),
        withdrawn_day: withdrawnDay,
      },
      severity: prng.normal(),
      lastDay: withdrawnDay ?? HORIZON_LAST_DAY + 60,
      engaged: arm === 'ips' && !prng.bernoulli(TRUE_EFFECTS.ipsNonEngaged),
    };
  });
}
