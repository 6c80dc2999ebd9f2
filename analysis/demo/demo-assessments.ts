/**
 * Questionnaires of the demo trial: EQ-5D-5L, EQ VAS, General Self-Efficacy
 * and whether the service-use form was completed, per timepoint. Missingness
 * is at random given what is observed (arm, site, baseline health): it grows
 * with time, is higher for those worse at baseline and in usual care, and no
 * questionnaire exists after consent is withdrawn.
 */
import { TIMEPOINTS, type AssessmentRow, type Timepoint } from '../dataset/types';
import type { DemoPerson } from './demo-people';
import type { DemoPrng } from './prng';
import { EQ5D_BASE_LEVELS, EQ5D_LOADING, TRUE_EFFECTS } from './true-effects';

/** Nominal day of each timepoint (months × 30.4). */
export function nominalDay(timepoint: Timepoint): number {
  return Math.round(timepoint * 30.4);
}

/** Latent ill-health of a person at a timepoint (higher = worse), including the true IPS effect. */
export function latentHealth(person: DemoPerson, timepoint: Timepoint): number {
  const recovery = -0.04 * (timepoint / 6);
  const ipsEffect = person.row.arm === 'ips' && timepoint > 0 ? TRUE_EFFECTS.ipsLatentHealthShift : 0;
  return person.severity + recovery + ipsEffect;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));
const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * P(a follow-up questionnaire is missed), from observed values only (MAR):
 * timepoint, arm and the baseline EQ-5D level mean.
 */
function missedProbability(person: DemoPerson, timepoint: Timepoint, baselineLevelMean: number): number {
  const armTerm = person.row.arm === 'control' ? 0.15 : 0;
  return logistic(-3.6 + 0.4 * (timepoint / 6) + 0.8 * (baselineLevelMean - 2.2) + armTerm);
}

function levelMean(row: AssessmentRow): number {
  const levels = [row.eq5d_mo, row.eq5d_sc, row.eq5d_ua, row.eq5d_pd, row.eq5d_ad].filter((l): l is number => l !== null);
  return levels.reduce((sum, level) => sum + level, 0) / Math.max(1, levels.length);
}

function maybe(prng: DemoPrng, pMissing: number, value: number): number | null {
  return prng.bernoulli(pMissing) ? null : value;
}

function assessmentRow(person: DemoPerson, timepoint: Timepoint, day: number, prng: DemoPrng): AssessmentRow {
  const latent = latentHealth(person, timepoint) + 0.35 * prng.normal();
  const levels = EQ5D_BASE_LEVELS.map((base, d) =>
    maybe(prng, 0.004, clamp(Math.round(base + EQ5D_LOADING[d] * latent + 0.6 * prng.normal()), 1, 5)),
  );
  const efficacy = -0.5 * latent + (person.row.arm === 'ips' && timepoint > 0 ? 0.2 : 0) + 0.7 * prng.normal();
  const gse = Array.from({ length: 10 }, () =>
    maybe(prng, 0.02, clamp(Math.round(2.6 + 0.6 * efficacy + 0.6 * prng.normal()), 1, 4)),
  );
  return {
    pid: person.row.pid,
    timepoint,
    day: prng.bernoulli(0.04) ? null : day,
    eq5d_mo: levels[0],
    eq5d_sc: levels[1],
    eq5d_ua: levels[2],
    eq5d_pd: levels[3],
    eq5d_ad: levels[4],
    eq_vas: maybe(prng, 0.03, clamp(Math.round(68 - 12 * latent + 8 * prng.normal()), 0, 100)),
    gse,
    su_complete: prng.bernoulli(0.03) ? 0 : 1,
  };
}

/** Draws the assessment rows (only attempted, completed questionnaires get a row). */
export function drawDemoAssessments(people: DemoPerson[], prng: DemoPrng): AssessmentRow[] {
  const rows: AssessmentRow[] = [];
  for (const person of people) {
    const baseline = assessmentRow(person, 0, 0, prng);
    rows.push(baseline);
    const baselineLevelMean = levelMean(baseline);
    for (const timepoint of TIMEPOINTS.slice(1)) {
      const day = nominalDay(timepoint) + prng.integer(-14, 45);
      if (day > person.lastDay) break;
      if (prng.bernoulli(missedProbability(person, timepoint, baselineLevelMean))) continue;
      rows.push(assessmentRow(person, timepoint, day, prng));
    }
  }
  return rows;
}
