/**
 * Bootstrap combined with multiple imputation in the order "impute, then
 * bootstrap each completed dataset and pool the replicates" (MI-Boot, pooled
 * sample; Schomaker & Heumann 2018, Comput Stat Data Anal 123:110,
 * doi:10.1016/j.csda.2018.01.008).
 */
import type { Rng } from '../stats/xoshiro128';
import type { Arm } from '../dataset/types';

/** Per-participant outcomes of one completed dataset (same participant order in every imputation). */
export interface CompletedOutcomes {
  cost: Float64Array;
  qaly: Float64Array;
  employment: Float64Array;
}

export interface ImputedReplicates {
  /** ΔC of every replicate (currency) */
  cost: Float64Array;
  /** ΔQALY of every replicate */
  qaly: Float64Array;
  /** Δ employment days of every replicate */
  employment: Float64Array;
}

/**
 * Draws B bootstrap replicates spread over the m completed datasets
 * (⌊B/m⌋ each, the first B mod m datasets one more): participants are
 * resampled with replacement within each arm, keeping each participant's cost
 * and effects together (ANALYSIS-DATASET.md, "Bootstrap"); the increments of
 * all replicates form one pooled sample, from which percentile intervals and
 * the CEAC are read. The pooled sample's spread reflects both sampling and
 * imputation uncertainty (≈ Ū + B of Rubin's rules). Only typed arrays; no
 * allocation per replicate. O(B·n).
 *
 * @param outcomes the outcomes of the m completed datasets
 * @param arms allocated arm per participant
 * @param replicates B (≥ m)
 * @param rng the seeded generator
 * @throws when B < m or an arm is empty
 */
export function bootstrapImputed(
  outcomes: readonly CompletedOutcomes[],
  arms: readonly Arm[],
  replicates: number,
  rng: Rng,
): ImputedReplicates {
  const m = outcomes.length;
  if (!Number.isInteger(replicates) || replicates < m) {
    throw new Error(`bootstrapImputed requires at least one replicate per imputation (B = ${replicates}, m = ${m})`);
  }
  const isIps = Uint8Array.from(arms, (arm) => (arm === 'ips' ? 1 : 0));
  const ips = indicesWhere(isIps, 1);
  const control = indicesWhere(isIps, 0);
  if (ips.length === 0 || control.length === 0) throw new Error('bootstrapImputed requires participants in both arms');
  const out: ImputedReplicates = {
    cost: new Float64Array(replicates),
    qaly: new Float64Array(replicates),
    employment: new Float64Array(replicates),
  };
  let r = 0;
  for (let imp = 0; imp < m; imp++) {
    const count = Math.floor(replicates / m) + (imp < replicates % m ? 1 : 0);
    const data = outcomes[imp];
    for (let b = 0; b < count; b++, r++) {
      resampledMeans(data, ips, rng);
      const cI = sums[0];
      const qI = sums[1];
      const eI = sums[2];
      resampledMeans(data, control, rng);
      out.cost[r] = cI - sums[0];
      out.qaly[r] = qI - sums[1];
      out.employment[r] = eI - sums[2];
    }
  }
  return out;
}

const sums = new Float64Array(3);

/** Writes the resampled arm means (cost, QALYs, employment days) into `sums`. */
function resampledMeans(data: CompletedOutcomes, members: Int32Array, rng: Rng): void {
  const n = members.length;
  let cost = 0;
  let qaly = 0;
  let employment = 0;
  for (let i = 0; i < n; i++) {
    const row = members[rng.nextIndex(n)];
    cost += data.cost[row];
    qaly += data.qaly[row];
    employment += data.employment[row];
  }
  sums[0] = cost / n;
  sums[1] = qaly / n;
  sums[2] = employment / n;
}

function indicesWhere(flags: Uint8Array, value: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i] === value) out.push(i);
  return Int32Array.from(out);
}
