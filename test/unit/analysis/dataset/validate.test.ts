/**
 * Validation of a whole dataset folder: each kind of error is reported with
 * its file, CSV line (header = 1) and column, all at once.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset, type DatasetProblem } from '../../../../analysis/dataset/validate';
import { readDataset } from '../../../../server/dataset/read-dataset';
import { fixture } from '../helpers/load-folder';

const valueSets = [{ id: 'eq5d5l_SE_Sun2022', instrument: 'eq5d5l' }, { id: 'eq5d3l_UK_TTO_Dolan1997', instrument: 'eq5d3l' }];

/** a copy of fixture trial-a with `edit` applied; returns every problem found */
function problemsAfter(edit: (folder: string) => void): DatasetProblem[] {
  const folder = mkdtempSync(join(tmpdir(), 'ips-validate-'));
  cpSync(fixture('analysis/trial-a'), folder, { recursive: true });
  rmSync(join(folder, 'expected.json'));
  edit(folder);
  const read = readDataset(folder);
  const validated = validateDataset(read.raw, { valueSets });
  return [...read.problems, ...(validated.ok ? [] : validated.problems)];
}

/** replaces line `line` (1-based) of a CSV file */
function setLine(folder: string, file: string, line: number, text: string): void {
  const lines = readFileSync(join(folder, file), 'utf8').split('\n');
  lines[line - 1] = text;
  writeFileSync(join(folder, file), lines.join('\n'));
}
function appendLine(folder: string, file: string, text: string): number {
  const content = readFileSync(join(folder, file), 'utf8').replace(/\n*$/, '\n');
  writeFileSync(join(folder, file), `${content}${text}\n`);
  return content.split('\n').length;
}

describe('analysis/dataset/validate', () => {
  it('accepts the fixture trial', () => expect(problemsAfter(() => {})).toEqual([]));

  it('reports unknown arm, duplicate pid and bad withdrawn_day with row and column', () => {
    const problems = problemsAfter((folder) => {
      setLine(folder, 'participants.csv', 2, 'T001,treatment,SITE-B,female,50-64,');
      setLine(folder, 'participants.csv', 4, 'T002,ips,SITE-B,male,50-64,x');
    });
    expect(problems).toContainEqual({ file: 'participants.csv', row: 2, column: 'arm', message: 'must be one of ips, control, got "treatment"' });
    expect(problems).toContainEqual({ file: 'participants.csv', row: 4, column: 'withdrawn_day', message: 'must be an integer, got "x"' });
  });

  it('does not call a pid unknown when its participants.csv row has a bad cell', () => {
    let pid = '';
    const problems = problemsAfter((folder) => {
      const line = readFileSync(join(folder, 'participants.csv'), 'utf8').split('\n')[1];
      pid = line.split(',')[0];
      setLine(folder, 'participants.csv', 2, line.replace(/,(ips|control),/, ',treatment,'));
    });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'participants.csv', row: 2, column: 'arm' }));
    expect(problems.filter((problem) => problem.message.includes(`pid "${pid}" is not in participants.csv`))).toEqual([]);
  });

  it('reports a duplicate pid', () => {
    const problems = problemsAfter((folder) => {
      setLine(folder, 'participants.csv', 4, 'T002,ips,SITE-B,male,50-64,');
    });
    expect(problems).toContainEqual({ file: 'participants.csv', row: 4, column: 'pid', message: 'duplicate pid "T002"' });
  });

  it('reports a timepoint outside 0/6/12/18/24 and an EQ-5D level out of range for the instrument', () => {
    const problems = problemsAfter((folder) => {
      setLine(folder, 'assessments.csv', 2, 'T001,3,9,3,3,4,3,3,28,2,3,2,2,3,2,1,2,3,2,1');
      setLine(folder, 'assessments.csv', 3, 'T001,6,173,2,4,3,6,2,34,2,3,2,2,3,2,1,2,3,2,1');
    });
    expect(problems).toContainEqual({ file: 'assessments.csv', row: 2, column: 'timepoint', message: 'must be one of 0, 6, 12, 18, 24, got "3"' });
    expect(problems).toContainEqual({ file: 'assessments.csv', row: 3, column: 'eq5d_pd', message: 'must be ≤ 5, got 6' });
  });

  it('checks EQ-5D levels against EQ-5D-3L when the settings say so', () => {
    const problems = problemsAfter((folder) => {
      writeFileSync(join(folder, 'settings.json'), JSON.stringify({ instrument: 'eq5d3l', valueSet: 'eq5d3l_UK_TTO_Dolan1997' }));
    });
    expect(problems.some((p) => p.file === 'assessments.csv' && p.message === 'must be ≤ 3, got 4')).toBe(true);
  });

  it('reports service use without a unit cost, a role without staff_hour, end before start, unknown pid', () => {
    let serviceLine = 0;
    let logLine = 0;
    let jobLine = 0;
    let strangerLine = 0;
    const problems = problemsAfter((folder) => {
      serviceLine = appendLine(folder, 'service_use.csv', 'T001,6,taxi_ride,2');
      logLine = appendLine(folder, 'timelogs.csv', 'T001,10,psychologist,travel,30');
      jobLine = appendLine(folder, 'employment.csv', 'T001,competitive,100,90,20');
      strangerLine = appendLine(folder, 'employment.csv', 'X999,competitive,1,2,20');
    });
    expect(problems).toContainEqual({ file: 'service_use.csv', row: serviceLine, column: 'item', message: 'item "taxi_ride" has no unit cost in unit_costs.csv' });
    expect(problems).toContainEqual({ file: 'timelogs.csv', row: logLine, column: 'role', message: 'role "psychologist" has no unit cost "staff_hour:psychologist" in unit_costs.csv' });
    expect(problems).toContainEqual({ file: 'employment.csv', row: jobLine, column: 'end_day', message: 'end_day 90 is before start_day 100' });
    expect(problems).toContainEqual({ file: 'employment.csv', row: strangerLine, column: 'pid', message: 'pid "X999" is not in participants.csv' });
  });

  it('reports a missing file and a missing column', () => {
    const problems = problemsAfter((folder) => {
      rmSync(join(folder, 'timelogs.csv'));
      setLine(folder, 'unit_costs.csv', 1, 'item,cost');
    });
    expect(problems).toContainEqual({ file: 'timelogs.csv', row: null, column: null, message: 'required file is missing' });
    expect(problems).toContainEqual({ file: 'unit_costs.csv', row: 1, column: 'unit_cost', message: 'required column is missing' });
  });

  it('reports unknown settings keys, bad value types and unknown value sets', () => {
    const problems = problemsAfter((folder) => {
      writeFileSync(join(folder, 'settings.json'), JSON.stringify({ discountrate: 0.03, bootstrap: { replicates: 'many' }, valueSet: 'eq5d5l_XX' }));
    });
    expect(problems.find((p) => p.column === 'discountrate')?.message).toMatch(/^unknown setting/);
    expect(problems).toContainEqual({ file: 'settings.json', row: null, column: 'bootstrap.replicates', message: 'must be an integer ≥ 100, got "many"' });
    expect(problems).toContainEqual({ file: 'settings.json', row: null, column: 'valueSet', message: 'unknown value set "eq5d5l_XX"' });
  });

  it('reports settings.json that is not JSON, and rows with the wrong number of cells', () => {
    const problems = problemsAfter((folder) => {
      writeFileSync(join(folder, 'settings.json'), '{ "discountRate": 0.03,');
      setLine(folder, 'unit_costs.csv', 3, 'nurse_visit');
    });
    expect(problems.some((p) => p.file === 'settings.json' && p.message.startsWith('is not valid JSON'))).toBe(true);
    expect(problems).toContainEqual({ file: 'unit_costs.csv', row: 3, column: null, message: 'has 1 cells but the header has 2' });
  });
});
