/** server/dataset/read-dataset: CSV as Excel and R write it, line numbers, and the input hash. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../../../analysis/dataset/validate';
import { readDataset } from '../../../../server/dataset/read-dataset';
import { fixture } from '../helpers/load-folder';

function copy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ips-read-'));
  cpSync(fixture('analysis/trial-a'), folder, { recursive: true });
  rmSync(join(folder, 'expected.json'));
  return folder;
}

describe('server/dataset/read-dataset', () => {
  it('reads a byte-order mark, CRLF line ends and quoted cells the same as plain CSV', () => {
    const plain = copy();
    const excel = copy();
    const text = readFileSync(join(plain, 'unit_costs.csv'), 'utf8');
    writeFileSync(join(excel, 'unit_costs.csv'), `\uFEFF${text.split('\n').map((line) => line.replace(/^([^,]+),/, '"$1",')).join('\r\n')}`);
    const a = validateDataset(readDataset(plain).raw);
    const b = validateDataset(readDataset(excel).raw);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(b.dataset.unitCosts).toEqual(a.dataset.unitCosts);
  });

  it('numbers rows by CSV line, header = 1, skipping blank lines in the count correctly', () => {
    const folder = copy();
    writeFileSync(join(folder, 'unit_costs.csv'), 'item,unit_cost\npsychiatrist_visit,2900\n\nnurse_visit,abc\n');
    const read = readDataset(folder);
    expect(read.raw.tables['unit_costs.csv']?.lines).toEqual([2, 4]);
  });

  it('reports broken CSV quoting as a problem of that file', () => {
    const folder = copy();
    writeFileSync(join(folder, 'timelogs.csv'), 'pid,day,role,activity,minutes\nT001,1,"ips_specialist,travel,30\n');
    const read = readDataset(folder);
    expect(read.problems[0]).toMatchObject({ file: 'timelogs.csv' });
    expect(read.problems[0].message).toMatch(/^cannot be read as CSV/);
  });

  it('reports a folder that does not exist', () => {
    expect(readDataset('/nonexistent/ips').problems).toEqual([{ file: '/nonexistent/ips', row: null, column: null, message: 'is not a folder' }]);
  });

  it('hashes the inputs: same files, same hash; any change, another hash', () => {
    const folder = copy();
    const first = readDataset(folder).sha256;
    expect(readDataset(folder).sha256).toBe(first);
    writeFileSync(join(folder, 'settings.json'), '{}');
    const withSettings = readDataset(folder).sha256;
    expect(withSettings).not.toBe(first);
    writeFileSync(join(folder, 'employment.csv'), readFileSync(join(folder, 'employment.csv'), 'utf8') + 'T001,competitive,1,2,\n');
    expect(readDataset(folder).sha256).not.toBe(withSettings);
  });
});
