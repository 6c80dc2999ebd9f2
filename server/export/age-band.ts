/**
 * Birth year → age band at randomization (only the year of birth is used, so
 * the age is the randomization year minus the birth year), and the coarser
 * bands the k-anonymity step can fall back to. Level 0 is the band of
 * ANALYSIS-DATASET.md; level 1 merges neighbours; level 2 is "any age"
 * (written as an empty cell).
 */

const LEVEL0: readonly [number, number, string][] = [
  [0, 17, '<18'], [18, 24, '18-24'], [25, 29, '25-29'], [30, 39, '30-39'], [40, 49, '40-49'], [50, 64, '50-64'], [65, 200, '65+'],
];

const LEVEL1: Readonly<Record<string, string>> = {
  '<18': '<30', '18-24': '<30', '25-29': '<30', '30-39': '30-49', '40-49': '30-49', '50-64': '50+', '65+': '50+',
};

export const AGE_BAND_LEVELS = 3;

/** The level-0 band, or null when the birth year is missing or implausible. */
export function ageBand(birthYear: number | null, randomizedOn: string): string | null {
  if (birthYear === null || !Number.isInteger(birthYear)) return null;
  const age = Number(randomizedOn.slice(0, 4)) - birthYear;
  const band = LEVEL0.find(([from, to]) => age >= from && age <= to);
  return band ? band[2] : null;
}

/** The band at a coarser level (0 = as is, 1 = merged neighbours, 2 = suppressed). */
export function coarsenAgeBand(band: string | null, level: number): string | null {
  if (band === null || level <= 0) return band;
  if (level === 1) return LEVEL1[band] ?? band;
  return null;
}
