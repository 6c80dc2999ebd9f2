/**
 * EQ-5D index scoring. Each value set is turned once, on first use, into a
 * lookup table of all its states (243 for 3L, 3125 for 5L); scoring a state
 * is then a validity check plus one array read.
 */
import crosswalkProbabilities from './value-sets/crosswalk-probabilities.json';
import { getValueSet } from './catalogue';
import { compileModel } from './model';
import { DIMENSIONS, LEVELS, stateAt, stateCode } from './state';
import type { Eq5dState, ValueSet } from './types';

const tables = new Map<string, Float64Array>();

function buildTable(set: ValueSet): Float64Array {
  const size = LEVELS[set.instrument] ** 5;
  const model = set.model;
  if (model.type === 'table') {
    if (model.values.length !== size) throw new Error(`value set ${set.id} has ${model.values.length} values, expected ${size}`);
    return Float64Array.from(model.values);
  }
  if (model.type === 'crosswalk-probabilities') return crosswalkTable(set.id, model.valueSet3L);
  const index = compileModel(model.type, model.terms, set.id);
  const table = new Float64Array(size);
  for (let code = 0; code < size; code++) table[code] = index(stateAt(code, set.instrument));
  for (const [state, value] of Object.entries(model.overrides ?? {})) table[stateCode(state, set.instrument, set.id)] = value;
  return table;
}

/**
 * van Hout et al. (2012) crosswalk: the value of a 5L state is the expected
 * 3L value, Σ over the 243 3L states of Π_d P(3L level_d | 5L level_d) × value.
 */
function crosswalkTable(id: string, valueSet3L: string): Float64Array {
  const set3L = getValueSet(valueSet3L);
  if (set3L.instrument !== 'eq5d3l') throw new Error(`crosswalk ${id} needs a 3L value set, got ${valueSet3L}`);
  const values3L = tableOf(set3L);
  const p = DIMENSIONS.map((d) => crosswalkProbabilities.matrix[d]);
  const table = new Float64Array(3125);
  for (let code5 = 0; code5 < 3125; code5++) {
    const l5 = stateAt(code5, 'eq5d5l');
    let sum = 0;
    for (let code3 = 0; code3 < 243; code3++) {
      const l3 = stateAt(code3, 'eq5d3l');
      let weight = 1;
      for (let d = 0; d < 5 && weight !== 0; d++) weight *= p[d][l3[d] - 1][l5[d] - 1];
      sum += weight * values3L[code3];
    }
    table[code5] = sum;
  }
  return table;
}

function tableOf(set: ValueSet): Float64Array {
  let table = tables.get(set.id);
  if (!table) {
    table = buildTable(set);
    tables.set(set.id, table);
  }
  return table;
}

/**
 * EQ-5D index value of a health state under a value set, at full precision
 * (round only for display).
 *
 * @param valueSetId an id from `listValueSets()`, e.g. `eq5d5l_SE_Sun2022`
 * @param state "12345" or [1, 2, 3, 4, 5] in the order MO, SC, UA, PD, AD;
 *   3L value sets take levels 1–3, 5L value sets and crosswalks levels 1–5
 * @throws {Eq5dError} `unknown_value_set` for an unknown id; `invalid_state`
 *   for a missing, non-numeric or out-of-range dimension or a wrong length
 * @example eq5dIndex('eq5d3l_UK_TTO_Dolan1997', '21312') // 0.416 (to float precision)
 */
export function eq5dIndex(valueSetId: string, state: Eq5dState): number {
  const set = getValueSet(valueSetId);
  return tableOf(set)[stateCode(state, set.instrument, valueSetId)];
}

/**
 * A scoring function bound to one value set, for loops over many states
 * (skips the id lookup). Same errors as `eq5dIndex`.
 */
export function eq5dScorer(valueSetId: string): (state: Eq5dState) => number {
  const set = getValueSet(valueSetId);
  const table = tableOf(set);
  return (state) => table[stateCode(state, set.instrument, valueSetId)];
}
