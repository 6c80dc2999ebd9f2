/**
 * Reading an EQ-5D health state: "12345" or [1, 2, 3, 4, 5] (MO, SC, UA, PD,
 * AD) → its position in the lexicographic list of states (11111 = 0), after
 * checking that every dimension is present and within the levels of the
 * questionnaire. Anything else is an Eq5dError naming the state and the
 * dimension at fault.
 */
import { Eq5dError, type Eq5dInstrument, type Eq5dState } from './types';

export const DIMENSIONS = ['MO', 'SC', 'UA', 'PD', 'AD'] as const;

/** Number of levels per dimension of each questionnaire. */
export const LEVELS: Record<Eq5dInstrument, 3 | 5> = { eq5d3l: 3, eq5d5l: 5 };

const LABEL: Record<Eq5dInstrument, string> = { eq5d3l: 'EQ-5D-3L', eq5d5l: 'EQ-5D-5L' };

/** The state as the user wrote it, for messages. */
export function describeState(state: unknown): string {
  if (typeof state === 'string') return `"${state}"`;
  if (Array.isArray(state)) return `[${state.map((v) => (v === undefined ? 'undefined' : JSON.stringify(v))).join(', ')}]`;
  return String(state);
}

/** Level of each dimension (NaN where missing or not a whole number). */
function readLevels(state: Eq5dState, fail: (what: string) => never): number[] {
  if (typeof state === 'string') {
    if (state.length !== 5) fail(`it has ${state.length} digit${state.length === 1 ? '' : 's'}; expected 5 (${DIMENSIONS.join(', ')})`);
    return Array.from(state, (ch) => (ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : Number.NaN));
  }
  if (Array.isArray(state)) {
    if (state.length !== 5) fail(`it has ${state.length} dimension${state.length === 1 ? '' : 's'}; expected 5 (${DIMENSIONS.join(', ')})`);
    return state.map((v) => (typeof v === 'number' && Number.isInteger(v) ? v : Number.NaN));
  }
  return fail('a state must be a 5-digit string such as "11111" or an array of 5 levels');
}

/**
 * Position of the state among the L^5 states of the questionnaire
 * (11111 → 0, 11112 → 1, …), or an Eq5dError.
 */
export function stateCode(state: Eq5dState, instrument: Eq5dInstrument, valueSetId: string): number {
  const levels = LEVELS[instrument];
  // fast paths: a well-formed string or array, the common case inside analysis loops
  if (typeof state === 'string' && state.length === 5) {
    let code = 0;
    for (let i = 0; i < 5; i++) {
      const level = state.charCodeAt(i) - 48;
      if (!(level >= 1 && level <= levels)) { code = -1; break; }
      code = code * levels + level - 1;
    }
    if (code >= 0) return code;
  } else if (Array.isArray(state) && state.length === 5) {
    let code = 0;
    for (let i = 0; i < 5; i++) {
      const level = state[i];
      if (!(Number.isInteger(level) && level >= 1 && level <= levels)) { code = -1; break; }
      code = code * levels + level - 1;
    }
    if (code >= 0) return code;
  }
  const fail = (what: string): never => {
    throw new Eq5dError('invalid_state', `EQ-5D state ${describeState(state)} cannot be scored with ${valueSetId}: ${what}`, valueSetId, state);
  };
  const values = readLevels(state, fail);
  const problems: string[] = [];
  const tooHigh: string[] = [];
  values.forEach((level, i) => {
    const raw = typeof state === 'string' ? state[i] : (state as readonly unknown[])[i];
    if (Number.isNaN(level)) {
      problems.push(raw === undefined || raw === null || raw === ' ' || (typeof raw === 'number' && Number.isNaN(raw))
        ? `${DIMENSIONS[i]} is missing`
        : `${DIMENSIONS[i]} is ${JSON.stringify(raw)}, not a level`);
    } else if (level < 1 || level > levels) {
      problems.push(`${DIMENSIONS[i]} is ${level}, outside 1–${levels}`);
      if (level <= 5 && level > levels) tooHigh.push(DIMENSIONS[i]);
    }
  });
  if (problems.length === 0) return values.reduce((code, level) => code * levels + level - 1, 0);
  let message = problems.join('; ');
  if (instrument === 'eq5d3l' && tooHigh.length > 0 && tooHigh.length === problems.length) {
    message += ` (${valueSetId} scores ${LABEL.eq5d3l} states; for an ${LABEL.eq5d5l} state use a 5L value set or a crosswalk)`;
  }
  return fail(message);
}

/** The state at a position (inverse of stateCode), e.g. 0 → [1,1,1,1,1]. */
export function stateAt(code: number, instrument: Eq5dInstrument): number[] {
  const levels = LEVELS[instrument];
  const out = new Array<number>(5);
  for (let i = 4; i >= 0; i--) {
    out[i] = (code % levels) + 1;
    code = Math.floor(code / levels);
  }
  return out;
}
