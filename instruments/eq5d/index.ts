/** EQ-5D index scoring: value sets, crosswalks and the scoring functions. */
export { eq5dIndex, eq5dScorer } from './score';
export { listValueSets, getValueSet } from './catalogue';
export { DIMENSIONS, LEVELS, stateCode, stateAt } from './state';
export { Eq5dError } from './types';
export type { Eq5dState, Eq5dInstrument, ValueSet, ValueSetSummary, ValueSetModel, Eq5dErrorCode } from './types';
