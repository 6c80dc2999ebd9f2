/**
 * k-anonymity of the quasi-identifiers of participants.csv (site, sex,
 * age band): every combination written must be shared by at least k
 * participants. Pure: the export counts the combinations in a first pass,
 * `planAnonymity` picks the least coarsening that works, and `applyPlan`
 * rewrites each row in the second pass.
 *
 * Steps, in order, stopping at the first that leaves at most `budget` (5 %)
 * of participants in classes smaller than k:
 *   1. age bands as they are, 2. sex "other" merged with missing,
 *   3. neighbouring age bands merged (<30, 30-49, 50+), 4. age left out.
 * Then the participants still in classes smaller than k lose sex and age
 * band (local suppression); if their (site, -, -) class is still smaller
 * than k, their site is written as "suppressed" too. What was done is listed
 * (for the export's README).
 */
import { AGE_BAND_LEVELS, coarsenAgeBand } from './age-band';

export interface QuasiIdentifiers {
  site: string;
  sex: string | null;
  age_band: string | null;
}

export interface AnonymityPlan {
  k: number;
  ageLevel: number;
  /** 1 = sex "other" written as missing */
  sexLevel: number;
  /** generalised class keys whose members lose sex and age band */
  suppressedClasses: string[];
  /** generalised class keys whose members also lose the site (written as "suppressed") */
  siteSuppressedClasses: string[];
  /** participants whose sex and age band were suppressed / whose site was too */
  suppressedParticipants: number;
  siteSuppressedParticipants: number;
  /** classes still below k after every step (only when the whole study is tiny) */
  unmetClasses: number;
  /** plain-English lines for the README */
  notes: string[];
}

export const SUPPRESSED_SITE = 'suppressed';

const key = (q: QuasiIdentifiers) => JSON.stringify([q.site, q.sex, q.age_band]);
const parse = (k: string): QuasiIdentifiers => {
  const [site, sex, age_band] = JSON.parse(k) as [string, string | null, string | null];
  return { site, sex, age_band };
};

function generalise(q: QuasiIdentifiers, ageLevel: number, sexLevel: number): QuasiIdentifiers {
  return { site: q.site, sex: sexLevel >= 1 && q.sex === 'other' ? null : q.sex, age_band: coarsenAgeBand(q.age_band, ageLevel) };
}

function regroup(counts: ReadonlyMap<string, number>, ageLevel: number, sexLevel: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, n] of counts) {
    const g = key(generalise(parse(k), ageLevel, sexLevel));
    out.set(g, (out.get(g) ?? 0) + n);
  }
  return out;
}

const STEPS: readonly [number, number][] = [[0, 0], [0, 1], [1, 1], [AGE_BAND_LEVELS - 1, 1]];

type Core = Omit<AnonymityPlan, 'notes' | 'k'>;

/** Local suppression at one generalisation step: small classes lose sex and age band; more of the same site if needed; tiny sites lose the site. */
function suppressLocally(grouped: ReadonlyMap<string, number>, k: number, ageLevel: number, sexLevel: number): Core {
  const suppressed = new Set([...grouped].filter(([, n]) => n < k).map(([c]) => c));
  const bySite = new Map<string, [string, number][]>();
  for (const [c, n] of grouped) {
    const site = parse(c).site;
    (bySite.get(site) ?? bySite.set(site, []).get(site)!).push([c, n]);
  }
  const suppressedSites: string[] = [];
  for (const [site, classes] of bySite) {
    const pooled = () => classes.filter(([c]) => suppressed.has(c) || (parse(c).sex === null && parse(c).age_band === null)).reduce((a, [, n]) => a + n, 0);
    if (!classes.some(([c]) => suppressed.has(c))) continue;
    for (const [c] of classes.filter(([c]) => !suppressed.has(c)).sort((a, b) => a[1] - b[1])) {
      if (pooled() >= k) break;
      suppressed.add(c);
    }
    if (pooled() < k) suppressedSites.push(site);
  }
  const count = (keys: Iterable<string>) => [...keys].reduce((a, c) => a + (grouped.get(c) ?? 0), 0);
  const pooled = new Set([...grouped.keys()].filter((c) => suppressedSites.includes(parse(c).site) && (suppressed.has(c) || (parse(c).sex === null && parse(c).age_band === null))));
  // a pool smaller than k takes in the smallest untouched classes of other sites until it reaches k
  const untouched = [...grouped].filter(([c]) => !suppressed.has(c) && !pooled.has(c) && !(parse(c).sex === null && parse(c).age_band === null)).sort((a, b) => a[1] - b[1]);
  while (count(pooled) > 0 && count(pooled) < k && untouched.length > 0) pooled.add(untouched.shift()![0]);
  const pool = count(pooled);
  return {
    ageLevel, sexLevel,
    suppressedClasses: [...suppressed].filter((c) => !pooled.has(c)),
    siteSuppressedClasses: [...pooled],
    suppressedParticipants: count([...suppressed, ...pooled].filter((c) => parse(c).sex !== null || parse(c).age_band !== null)),
    siteSuppressedParticipants: pool,
    unmetClasses: pool > 0 && pool < k ? 1 : 0,
  };
}

/** Counts of (site, sex, age band) combinations → the plan. `budget` is the share of participants that may be locally suppressed. */
export function planAnonymity(counts: ReadonlyMap<string, number>, k: number, budget = 0.05): AnonymityPlan {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number ≥ 1, got ${k}`);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  let core: Core | undefined;
  for (const [ageLevel, sexLevel] of STEPS) {
    core = suppressLocally(regroup(counts, ageLevel, sexLevel), k, ageLevel, sexLevel);
    if (core.suppressedParticipants <= budget * total && core.unmetClasses === 0) break;
  }
  return { k, ...core!, notes: planNotes({ k, ...core! }, total) };
}

function planNotes(plan: Omit<AnonymityPlan, 'notes'>, total: number): string[] {
  const notes = [`k = ${plan.k}: every combination of site, sex and age band in participants.csv is shared by at least ${plan.k} participants.`];
  if (plan.sexLevel >= 1) notes.push('Sex "other" is written as missing (too few participants).');
  if (plan.ageLevel === 1) notes.push('Age bands merged to <30, 30-49, 50+ (too few participants in the finer bands).');
  if (plan.ageLevel >= 2) notes.push('Age band left out for everyone (too few participants even in merged bands).');
  if (plan.suppressedParticipants > 0) notes.push(`Sex and age band suppressed (empty) for ${plan.suppressedParticipants} of ${total} participants in ${plan.suppressedClasses.length} small combination(s).`);
  if (plan.siteSuppressedParticipants > 0) notes.push(`Site written as "${SUPPRESSED_SITE}" (with sex and age band empty) for ${plan.siteSuppressedParticipants} participants in sites or combinations too small to hide them.`);
  if (plan.unmetClasses > 0) notes.push(`WARNING: ${plan.unmetClasses} combination(s) still have fewer than ${plan.k} participants (the study is smaller than k).`);
  if (notes.length === 1) notes.push('No coarsening or suppression was needed.');
  return notes;
}

/** The quasi-identifiers of one participant as written, under the plan. */
export function applyPlan(plan: AnonymityPlan, q: QuasiIdentifiers): QuasiIdentifiers {
  const g = generalise(q, plan.ageLevel, plan.sexLevel);
  const k = key(g);
  if (plan.siteSuppressedClasses.includes(k)) return { site: SUPPRESSED_SITE, sex: null, age_band: null };
  if (plan.suppressedClasses.includes(k)) return { site: g.site, sex: null, age_band: null };
  return g;
}

export { key as quasiIdentifierKey };
