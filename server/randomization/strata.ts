/**
 * Stratum keys. A stratum is the site plus the optional factors the study
 * stratifies on (sex, age band), in a fixed order, e.g. "ORE-AFF|sex=female".
 * Age bands are computed from the age at allocation with the study's cut
 * points (e.g. [30] → "<30" and "30+", the seed site that prefers under-30s).
 */
export interface StratificationSettings {
  bySex: boolean;
  ageBandCuts: number[] | null;
}

export interface StratumInput {
  siteCode: string;
  sex?: string | null;
  ageYears?: number | null;
}

export function ageBand(ageYears: number, cuts: readonly number[]): string {
  const sorted = [...cuts].sort((a, b) => a - b);
  let lower: number | null = null;
  for (const cut of sorted) {
    if (ageYears < cut) return lower === null ? `<${cut}` : `${lower}-${cut - 1}`;
    lower = cut;
  }
  return `${lower}+`;
}

/** The factor levels used by minimisation and by the stratum key. */
export function factorLevels(input: StratumInput, settings: StratificationSettings): Record<string, string> {
  const levels: Record<string, string> = { site: input.siteCode };
  if (settings.bySex) {
    if (!input.sex) throw new Error('sex is required for stratified allocation');
    levels.sex = input.sex;
  }
  if (settings.ageBandCuts && settings.ageBandCuts.length > 0) {
    if (input.ageYears === null || input.ageYears === undefined) throw new Error('age is required for stratified allocation');
    levels.age = ageBand(input.ageYears, settings.ageBandCuts);
  }
  return levels;
}

export function stratumKey(levels: Record<string, string>): string {
  const parts = [levels.site];
  for (const factor of ['sex', 'age']) if (levels[factor] !== undefined) parts.push(`${factor}=${levels[factor]}`);
  return parts.join('|');
}
