/**
 * Study settings of trial operations (one JSON value in app_settings under
 * "study_settings"): randomization method and its parameters, the
 * assessment window, the EQ-5D questionnaire version collected and the value
 * set used for scoring, the consent version in use, the caseload warning and
 * the language the participant tablet opens in (`tabletLanguage`: sv, da or
 * en; null follows the tablet's browser).
 * The admin changes them through PUT /api/study-settings. Randomization
 * settings, strata, value set and questionnaire version are locked once the
 * first allocation is made, the questionnaire version already once an EQ-5D
 * answer is stored (study-settings-locks.ts): a refusal is a 409 naming the
 * settings and why.
 */
import type { Db } from '../db/connection';
import { getSetting, setSetting } from '../db/queries/app-settings';
import { countAllocations } from '../db/queries/allocations';
import { countResponsesOfForm } from '../db/queries/responses';
import { inTransaction } from '../db/transaction';
import { problems, type FieldProblem } from '../errors';
import { recordAudit, type AuditActor } from './audit';
import { lockedChange, settingLocks, type SettingLock } from './study-settings-locks';

export type Eq5dInstrument = 'eq5d5l' | 'eq5d3l';

export interface StudySettings {
  randomizationMethod: 'blocks' | 'minimisation';
  blockSizes: number[];
  minimisationProbability: number;
  stratifyBySex: boolean;
  /** age band cut points in years, e.g. [30] → "<30" / "30+"; empty = none */
  ageBandCuts: number[];
  windowDaysBefore: number;
  windowDaysAfter: number;
  /** the EQ-5D questionnaire version collected (the form the tablet asks and a timepoint needs) */
  eq5dInstrument: Eq5dInstrument;
  /** the value set that scores it (a 3L set for eq5d3l; a 5L set or a 5L→3L crosswalk for eq5d5l) */
  eq5dValueSetId: string;
  caseloadWarning: number;
  homeCodeHours: number;
  tabletSessionHours: number;
  /** IANA time zone whose calendar date is "today" for the schedule and randomization dates */
  timeZone: string;
  /** the language the participant tablet opens in until the participant picks one; null: the browser's */
  tabletLanguage: 'sv' | 'da' | 'en' | null;
}

export const DEFAULT_STUDY_SETTINGS: StudySettings = Object.freeze({
  randomizationMethod: 'blocks',
  blockSizes: [2, 4, 6],
  minimisationProbability: 0.8,
  stratifyBySex: false,
  ageBandCuts: [],
  windowDaysBefore: 14,
  windowDaysAfter: 28,
  eq5dInstrument: 'eq5d5l',
  eq5dValueSetId: 'eq5d5l_SE_Sun2022',
  caseloadWarning: 20,
  homeCodeHours: 72,
  tabletSessionHours: 4,
  timeZone: 'Europe/Stockholm',
  tabletLanguage: null,
}) as StudySettings;

const KEY = 'study_settings';
export const RANDOMIZATION_SETTINGS: (keyof StudySettings)[] = ['randomizationMethod', 'blockSizes', 'minimisationProbability', 'stratifyBySex', 'ageBandCuts'];

/** The questionnaire a value set id scores by its name (3L sets are named eq5d3l_…; 5L sets and 5L→3L crosswalks take 5L states). */
export const instrumentOfValueSetName = (id: string): Eq5dInstrument => (id.startsWith('eq5d3l') ? 'eq5d3l' : 'eq5d5l');

export function getStudySettings(db: Db): StudySettings {
  const stored = getSetting(db, KEY);
  const values = stored ? (JSON.parse(stored) as Partial<StudySettings>) : {};
  const settings = { ...DEFAULT_STUDY_SETTINGS, ...values };
  // settings stored before eq5dInstrument existed: the questionnaire followed the value set
  if (values.eq5dInstrument === undefined) settings.eq5dInstrument = instrumentOfValueSetName(settings.eq5dValueSetId);
  return settings;
}

function checkSettings(s: StudySettings): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const integer = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
  if (!['blocks', 'minimisation'].includes(s.randomizationMethod)) errors.push({ field: 'randomizationMethod', message: 'randomizationMethod must be one of blocks, minimisation' });
  if (!Array.isArray(s.blockSizes) || s.blockSizes.length === 0 || !s.blockSizes.every((b) => integer(b, 2, 20) && b % 2 === 0)) {
    errors.push({ field: 'blockSizes', message: 'blockSizes must be a list of even whole numbers from 2 to 20' });
  }
  if (typeof s.minimisationProbability !== 'number' || s.minimisationProbability < 0.5 || s.minimisationProbability > 1) {
    errors.push({ field: 'minimisationProbability', message: 'minimisationProbability must be a number from 0.5 to 1' });
  }
  if (typeof s.stratifyBySex !== 'boolean') errors.push({ field: 'stratifyBySex', message: 'stratifyBySex must be true or false' });
  if (!Array.isArray(s.ageBandCuts) || !s.ageBandCuts.every((c) => integer(c, 16, 80))) errors.push({ field: 'ageBandCuts', message: 'ageBandCuts must be a list of ages from 16 to 80' });
  if (!integer(s.windowDaysBefore, 0, 180)) errors.push({ field: 'windowDaysBefore', message: 'windowDaysBefore must be a whole number from 0 to 180' });
  if (!integer(s.windowDaysAfter, 0, 180)) errors.push({ field: 'windowDaysAfter', message: 'windowDaysAfter must be a whole number from 0 to 180' });
  if (!['eq5d5l', 'eq5d3l'].includes(s.eq5dInstrument)) errors.push({ field: 'eq5dInstrument', message: 'eq5dInstrument must be one of eq5d5l, eq5d3l' });
  if (typeof s.eq5dValueSetId !== 'string' || s.eq5dValueSetId.length === 0) errors.push({ field: 'eq5dValueSetId', message: 'eq5dValueSetId must be a value set id' });
  if (!integer(s.caseloadWarning, 1, 100)) errors.push({ field: 'caseloadWarning', message: 'caseloadWarning must be a whole number from 1 to 100' });
  if (!integer(s.homeCodeHours, 1, 24 * 14)) errors.push({ field: 'homeCodeHours', message: 'homeCodeHours must be a whole number from 1 to 336' });
  if (!integer(s.tabletSessionHours, 1, 24)) errors.push({ field: 'tabletSessionHours', message: 'tabletSessionHours must be a whole number from 1 to 24' });
  if (s.tabletLanguage !== null && !['sv', 'da', 'en'].includes(s.tabletLanguage)) {
    errors.push({ field: 'tabletLanguage', message: 'tabletLanguage must be one of sv, da, en, or null (follow the browser)' });
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: s.timeZone });
  } catch {
    errors.push({ field: 'timeZone', message: 'timeZone must be an IANA time zone such as Europe/Stockholm or Europe/Copenhagen' });
  }
  return errors;
}

/** The settings that cannot change now, and why (the admin's settings page). */
export function currentSettingLocks(db: Db): SettingLock[] {
  return settingLocks({ allocations: countAllocations(db), eq5dResponses: countResponsesOfForm(db, getStudySettings(db).eq5dInstrument) });
}

/**
 * Applies an admin's changes. `valueSetInstrument` tells which questionnaire
 * a value set scores (null = unknown value set). A new value set alone
 * brings its questionnaire version with it (allowed only while no EQ-5D
 * answer is stored).
 */
export function updateStudySettings(db: Db, actor: AuditActor, changes: Record<string, unknown>, reason: string | null, valueSetInstrument: (id: string) => Eq5dInstrument | null): StudySettings {
  const unknown = Object.keys(changes).filter((k) => !Object.hasOwn(DEFAULT_STUDY_SETTINGS, k));
  if (unknown.length) throw problems.invalidBody(unknown.map((f) => ({ field: f, message: `unknown field '${f}'` })));
  return inTransaction(db, () => {
    const before = getStudySettings(db);
    const after = { ...before, ...changes } as StudySettings;
    const scores = typeof after.eq5dValueSetId === 'string' ? valueSetInstrument(after.eq5dValueSetId) : null;
    if (changes.eq5dInstrument === undefined && changes.eq5dValueSetId !== undefined && scores !== null) after.eq5dInstrument = scores;
    const errors = checkSettings(after);
    if (typeof after.eq5dValueSetId === 'string' && scores === null) errors.push({ field: 'eq5dValueSetId', message: `eq5dValueSetId "${after.eq5dValueSetId}" is not a known value set` });
    if (errors.length) throw problems.invalidBody(errors);
    const locked = lockedChange(before, after, { allocations: countAllocations(db), eq5dResponses: countResponsesOfForm(db, before.eq5dInstrument) });
    if (locked) throw problems.conflict(locked);
    if (scores !== after.eq5dInstrument) {
      throw problems.invalidBody([{ field: 'eq5dValueSetId', message: `eq5dValueSetId "${after.eq5dValueSetId}" scores ${scores} states but the study collects ${after.eq5dInstrument} (eq5dInstrument)` }]);
    }
    setSetting(db, KEY, JSON.stringify(after), new Date().toISOString());
    recordAudit(db, { actor, action: 'update', entity: 'study_settings', entityId: KEY, before, after, reason });
    return after;
  });
}
