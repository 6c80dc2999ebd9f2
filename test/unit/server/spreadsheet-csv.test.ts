/**
 * CSV for spreadsheets (server/spreadsheet-csv.ts): text a spreadsheet would
 * read as a formula gets a leading single quote and double quotes (OWASP CSV
 * injection); numbers, and text that is only a number, are left as they are.
 * The funder report's CSV is written with it.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { FunderGroup, FunderReport } from '../../../analysis/funder/types';
import { renderFunderCsv } from '../../../server/funder-report/render-funder-csv';
import { readsAsFormula, spreadsheetCell, spreadsheetCsv } from '../../../server/spreadsheet-csv';

const HYPERLINK = '=HYPERLINK("http://example.invalid","x")';

describe('spreadsheet CSV cells', () => {
  it('neutralises text beginning with = + - @ tab, carriage return or NUL', () => {
    expect(spreadsheetCell(HYPERLINK)).toBe('"\'=HYPERLINK(""http://example.invalid"",""x"")"');
    expect(spreadsheetCell('-2+3')).toBe(`"'-2+3"`);
    expect(spreadsheetCell('+46 70-000 00 01')).toBe(`"'+46 70-000 00 01"`);
    expect(spreadsheetCell('@SUM(A1:A9)')).toBe(`"'@SUM(A1:A9)"`);
    expect(spreadsheetCell('\t=1+1')).toBe(`"'\t=1+1"`);
    expect(spreadsheetCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(spreadsheetCell('\0=1+1')).toBe(`"'\0=1+1"`);
    expect(spreadsheetCell('-')).toBe(`"'-"`);
    expect(spreadsheetCell('\uFF1D1+1')).toBe(`"'\uFF1D1+1"`); // full-width =, read as = by Apple Numbers
    expect(spreadsheetCell('\uFF20SUM(1)')).toBe(`"'\uFF20SUM(1)"`);
  });

  it('leaves numbers and text that is only a number as numbers', () => {
    expect(spreadsheetCell(-1234.5)).toBe('-1234.5');
    expect(spreadsheetCell('-1234.5')).toBe('-1234.5');
    expect(spreadsheetCell('+7')).toBe('+7');
    expect(spreadsheetCell('-1e-3')).toBe('-1e-3');
    expect(spreadsheetCell(0)).toBe('0');
    expect(readsAsFormula('-1234.5')).toBe(false);
    expect(readsAsFormula('-1234.5+1')).toBe(true);
  });

  it('writes other text as RFC 4180 does: quoted only when it holds a comma, quote or line break', () => {
    expect(spreadsheetCell('Teststad')).toBe('Teststad');
    expect(spreadsheetCell('a, "b"')).toBe('"a, ""b"""');
    expect(spreadsheetCell('x=1')).toBe('x=1');
    expect(spreadsheetCell('{"note":"=1+1"}')).toBe('"{""note"":""=1+1""}"');
    expect(spreadsheetCell(null)).toBe('');
    expect(spreadsheetCell(undefined)).toBe('');
  });

  it('round-trips through a CSV parser: the quote is the only change to the text', () => {
    const text = spreadsheetCsv(['note', 'amount'], [[HYPERLINK, -1234.5], ['-2+3', 12], ['line\nbreak', null]]);
    expect(parse(text, { columns: true })).toEqual([
      { note: `'${HYPERLINK}`, amount: '-1234.5' },
      { note: "'-2+3", amount: '12' },
      { note: 'line\nbreak', amount: '' },
    ]);
  });
});

describe('funder report CSV', () => {
  const days = { n: 0, without: 5, median: null, q1: null, q3: null };
  const group = (name: string): FunderGroup => ({
    group: name,
    participants: 12,
    newInPeriod: 3,
    statuses: [],
    bySex: [],
    byMunicipality: [{ category: HYPERLINK, label: '-2+3', count: 7 }, { category: 'Teststad', label: 'Teststad', count: null }],
    employerContact: days,
    firstJob: days,
    targets: [],
    caseload: { coaches: 2, mean: 6, max: 7, over20: 0 },
    fidelity: [{ site: '@TST', reviewDate: '2025-05-01', total: 98, band: 'good' }],
  });
  const report: FunderReport = { minCell: 5, groups: [group('total')] };

  it('writes free text that would read as a formula as text, and numbers as numbers', () => {
    const csv = renderFunderCsv(report, { from: '2025-01-01', to: '2025-06-30', site: null });
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const municipality = rows.filter((r) => r.section === 'municipality');
    expect(municipality[0]).toMatchObject({ category: `'${HYPERLINK}`, label: "'-2+3", value: '7' });
    expect(municipality[1]).toMatchObject({ category: 'Teststad', value: '<5' });
    expect(rows.find((r) => r.section === 'fidelity')).toMatchObject({ category: "'@TST", value: '98' });
    expect(csv).toContain('\ntotal,participants,included,IPS participants included by the end of the period,12,\n');
    for (const row of rows) for (const cell of Object.values(row)) expect(/^[=+\-@\t\r]/.test(cell) && !Number.isFinite(Number(cell)), cell).toBe(false);
  });
});
