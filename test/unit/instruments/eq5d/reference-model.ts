/**
 * A slow, obvious second implementation of the EQ-5D models (hesim-style
 * oracle), written from the term definitions in the eq5d R package
 * (R/eq5d3l.R, R/eq5d5l.R) and reading the coefficient tables straight from
 * the CSV fixtures — independent of instruments/eq5d and of the generator.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

export const FIXTURES = new URL('../../../fixtures/eq5d/', import.meta.url);

export function readFixture(name: string): string[][] {
  return parse(readFileSync(new URL(name, FIXTURES), 'utf8'), { skip_empty_lines: true }) as string[][];
}

/** country → term → coefficient (NA and empty cells left out). */
export function wideTable(name: string): Map<string, Map<string, number>> {
  const rows = readFixture(name);
  const out = new Map<string, Map<string, number>>();
  rows[0].forEach((country, col) => {
    if (col === 0) return;
    const terms = new Map<string, number>();
    for (const row of rows.slice(1)) {
      if (row[col] !== 'NA' && row[col] !== '') terms.set(row[0], Number(row[col]));
    }
    out.set(country, terms);
  });
  return out;
}

const DIMS = ['MO', 'SC', 'UA', 'PD', 'AD'];

/** All states of a questionnaire with 3 or 5 levels, as digit strings in lexicographic order. */
export function allStates(levels: number): string[] {
  const out: string[] = [];
  const walk = (prefix: string) => {
    if (prefix.length === 5) { out.push(prefix); return; }
    for (let l = 1; l <= levels; l++) walk(prefix + l);
  };
  walk('');
  return out;
}

export function referenceIndex(terms: Map<string, number>, state: string, multiplicative = false): number {
  const s = state.split('').map(Number);
  const values: number[] = [];
  const add = (name: string, times = 1) => {
    if (terms.has(name) && times !== 0) values.push(terms.get(name)! * times);
  };
  const n = (level: number) => s.filter((x) => x === level).length;
  const notFull = s.some((x) => x > 1);
  add('FullHealth');
  add('StartValue');
  if (notFull) { add('AtLeastOne2Or3'); add('Intercept'); }
  if (s.includes(3)) add('AtLeastOne3');
  DIMS.forEach((d, i) => add(d + s[i]));
  // 3L ordinal terms
  add('D1', Math.max(s.filter((x) => x > 1).length - 1, 0));
  add('I2', Math.max(n(2) - 1, 0));
  add('I2square', Math.max(n(2) - 1, 0) ** 2);
  add('I3', Math.max(n(3) - 1, 0));
  add('I3square', Math.max(n(3) - 1, 0) ** 2);
  const distinct = [...new Set(s)].sort().join('');
  if (distinct === '12' || distinct === '2') add('O2');
  if (distinct === '13' || distinct === '3') add('O3');
  add('C2square', n(2) ** 2);
  add('C3square', n(3) ** 2);
  if (s.every((x) => x === 2 || x === 3)) add('X5');
  if (n(2) > 0 && n(3) > 0) add('Z2');
  if (n(3) > 0) add('Z3', n(2));
  // 3L pairwise interactions, e.g. MO3SC3
  for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) add(`${DIMS[i]}${s[i]}${DIMS[j]}${s[j]}`);
  // 5L terms
  const n45 = s.filter((x) => x >= 4).length;
  DIMS.forEach((d, i) => { if (s[i] >= 4) add(`${d}45`); });
  if (n45 > 0) add('Num45sq', (n45 - 1) ** 2);
  if (s.some((x) => x >= 4)) add('N4');
  if (s.includes(5)) add('N5');
  add('MOAD', (s[0] - 1) * (s[4] - 1));
  add('PDAD', (s[3] - 1) * (s[4] - 1));
  return multiplicative ? values.reduce((a, b) => a * b, 1) : values.reduce((a, b) => a + b, 0);
}

/** van Hout 2012: expected 3L value of a 5L state under the probability matrix fixture. */
export function referenceCrosswalk(value3L: (state3L: string) => number): (state5L: string) => number {
  // p[dimension][3L level][5L level]
  const p: number[][][] = DIMS.map(() => [[], [], [], []]);
  for (const row of readFixture('crosswalk_vanHout2012_probability_matrix.csv').slice(1)) {
    for (let l5 = 1; l5 <= 5; l5++) p[DIMS.indexOf(row[0])][Number(row[1])][l5] = Number(row[1 + l5]);
  }
  const states3L = allStates(3).map((s) => ({ levels: s.split('').map(Number), value: value3L(s) }));
  return (state5L) => {
    const l5 = state5L.split('').map(Number);
    let sum = 0;
    for (const s3 of states3L) {
      let w = 1;
      for (let d = 0; d < 5; d++) w *= p[d][s3.levels[d]][l5[d]];
      sum += w * s3.value;
    }
    return sum;
  };
}
