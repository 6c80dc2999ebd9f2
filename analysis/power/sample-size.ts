/**
 * The figures `ips-trial power` prints: n per arm rounded up, then inflated
 * for attrition, ÷ (1 − attrition) rounded up (ANALYSIS-DATASET.md, "Fieller,
 * CEAF, EVPI, power").
 */

export interface SampleSize {
  /** participants to randomize per arm, after the attrition inflation */
  nPerArm: number;
  /** analysable participants needed per arm (rounded up) */
  nPerArmBeforeAttrition: number;
}

/**
 * @param exactN the unrounded n per arm from a sample-size formula
 * @param attrition expected share lost to follow-up, 0 ≤ attrition < 1
 * @throws when attrition is outside [0, 1)
 * @example withAttrition(216.48, 0.2) // { nPerArmBeforeAttrition: 217, nPerArm: 272 }
 */
export function withAttrition(exactN: number, attrition: number): SampleSize {
  if (!(attrition >= 0 && attrition < 1)) throw new Error('withAttrition requires attrition from 0 to below 1');
  const before = Math.ceil(exactN - 1e-9);
  return { nPerArmBeforeAttrition: before, nPerArm: Math.ceil(before / (1 - attrition) - 1e-9) };
}
