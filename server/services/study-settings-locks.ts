/**
 * Which study settings are locked, and why. Once the first participant is
 * allocated, the randomization method and its parameters (the sealed
 * sequence), the strata (stratification by sex, age-band cuts), the EQ-5D
 * value set (every index and analysis of the data already collected) and the
 * EQ-5D questionnaire version cannot change. The questionnaire version is
 * locked even earlier, as soon as any EQ-5D answer is stored (the baseline
 * comes before randomization): a stored 5L answer never becomes "missing"
 * because the study switched to 3L. Pure: the caller gives the facts.
 */
import type { StudySettings } from './study-settings';

interface LockGroup {
  /** a stable name of the group, for pages that explain the lock in their language */
  id: 'randomization' | 'strata' | 'value_set' | 'questionnaire';
  what: string;
  keys: (keyof StudySettings)[];
  because: string;
}

/** Settings that make up the sealed allocation sequence (the method and its parameters). */
export const RANDOMIZATION_METHOD_SETTINGS: (keyof StudySettings)[] = ['randomizationMethod', 'blockSizes', 'minimisationProbability'];
/** Settings that define the strata. */
export const STRATA_SETTINGS: (keyof StudySettings)[] = ['stratifyBySex', 'ageBandCuts'];

const AFTER_ALLOCATION: LockGroup[] = [
  { id: 'randomization', what: 'Randomization settings', keys: RANDOMIZATION_METHOD_SETTINGS, because: 'the sealed allocation sequence depends on them' },
  { id: 'strata', what: 'The strata', keys: STRATA_SETTINGS, because: 'allocations are counted and balanced within the strata already used' },
  { id: 'value_set', what: 'The EQ-5D value set', keys: ['eq5dValueSetId'], because: 'the indices and the analysis plan of the data already collected use it' },
  { id: 'questionnaire', what: 'The EQ-5D questionnaire version', keys: ['eq5dInstrument'], because: 'the answers already collected are of this version' },
];

export interface LockFacts {
  allocations: number;
  /** stored responses (complete or not) of the EQ-5D form in use */
  eq5dResponses: number;
}

const changed = (before: StudySettings, after: StudySettings, key: keyof StudySettings) => JSON.stringify(before[key]) !== JSON.stringify(after[key]);

/**
 * The reason the change is refused (one sentence naming the settings and
 * what locks them), or null when it is allowed.
 *
 * @example lockedChange(before, { ...before, eq5dValueSetId: 'eq5d5l_DK_Jensen2021' }, { allocations: 1, eq5dResponses: 3 })
 */
export function lockedChange(before: StudySettings, after: StudySettings, facts: LockFacts): string | null {
  if (facts.allocations > 0) {
    const randomized = `${facts.allocations} participant${facts.allocations === 1 ? ' is' : 's are'} randomized`;
    const refused = AFTER_ALLOCATION.map((group) => ({ group, keys: group.keys.filter((key) => changed(before, after, key)) })).filter((r) => r.keys.length > 0);
    if (refused.length > 0) {
      return refused.map(({ group, keys }) => `${group.what} (${keys.join(', ')}) cannot change after the first allocation (${randomized}): ${group.because}.`).join(' ');
    }
  }
  if (facts.eq5dResponses > 0 && changed(before, after, 'eq5dInstrument')) {
    return `The EQ-5D questionnaire version (eq5dInstrument) cannot change from ${before.eq5dInstrument} to ${after.eq5dInstrument}: ${facts.eq5dResponses} ${before.eq5dInstrument} answer${facts.eq5dResponses === 1 ? ' is' : 's are'} already stored; choose a value set that scores ${before.eq5dInstrument} states.`;
  }
  return null;
}

/** One locked setting, for the admin's settings page: what locks it, and the count behind it. */
export interface SettingLock {
  key: keyof StudySettings;
  group: LockGroup['id'];
  /** 'allocations': participants are randomized; 'eq5d_answers': EQ-5D answers are stored */
  because: 'allocations' | 'eq5d_answers';
  count: number;
  /** the reason in English, as the refusal of a change gives it */
  reason: string;
}

/**
 * Every setting that cannot change now, with why (the same rules as
 * `lockedChange`).
 *
 * @example settingLocks({ allocations: 0, eq5dResponses: 4 }) // [{ key: 'eq5dInstrument', because: 'eq5d_answers', count: 4, … }]
 */
export function settingLocks(facts: LockFacts): SettingLock[] {
  if (facts.allocations > 0) {
    const randomized = `${facts.allocations} participant${facts.allocations === 1 ? ' is' : 's are'} randomized`;
    return AFTER_ALLOCATION.flatMap((group) => group.keys.map((key) => ({
      key, group: group.id, because: 'allocations' as const, count: facts.allocations,
      reason: `${group.what} cannot change after the first allocation (${randomized}): ${group.because}.`,
    })));
  }
  if (facts.eq5dResponses > 0) {
    return [{ key: 'eq5dInstrument', group: 'questionnaire', because: 'eq5d_answers', count: facts.eq5dResponses, reason: `The EQ-5D questionnaire version cannot change: ${facts.eq5dResponses} answer${facts.eq5dResponses === 1 ? ' is' : 's are'} already stored.` }];
  }
  return [];
}
