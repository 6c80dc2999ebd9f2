/** server/dataset/split-csv: the reader's CSV splitter agrees with csv-parse (an independent implementation) on what Excel and R write. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, splitCsv } from '../../../../server/dataset/split-csv';

/** csv-parse's records and line numbers, in the reader's layout */
function reference(text: string) {
  const records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...rows] = records;
  return { header: header.record, rows: rows.map((r) => ({ cells: r.record, line: r.info.lines })) };
}

function rows(text: string) {
  const table = splitCsv(text);
  if (table === null) throw new Error('no records');
  return {
    header: table.header,
    rows: table.lines.map((line, i) => ({ cells: table.cells.slice(table.starts[i], table.starts[i + 1] ?? table.cells.length), line })),
  };
}

describe('server/dataset/split-csv', () => {
  it.each([
    ['plain, final newline', 'pid,day\nT001,1\nT002,2\n'],
    ['no final newline', 'pid,day\nT001,1\nT002,2'],
    ['CRLF and a byte-order mark', '\uFEFFpid,day\r\nT001,1\r\nT002,2\r\n'],
    ['quoted cells with commas and doubled quotes', 'item,note\n"gp_visit","a, ""b"""\n"x",\n'],
    ['empty cells and blank lines', 'a,b,c\n,,\n\n1,,3\n\n\n4,5,6\n'],
    ['rows with too few or too many cells', 'a,b\n1\n1,2,3\n'],
    ['a lone CR as line end', 'a,b\r1,2\r3,4\r'],
    ['spaces kept as they are', 'a,b\n 1 , 2\n'],
  ])('%s', (_name, text) => {
    expect(rows(text)).toEqual(reference(text));
  });

  it('numbers a record after a quoted line break by where it starts', () => {
    const table = rows('a,b\n"x\ny",1\nz,2\n');
    expect(table.rows).toEqual([{ cells: ['x\ny', '1'], line: 2 }, { cells: ['z', '2'], line: 4 }]);
  });

  it('keeps repeated cells (interned per column) with their values', () => {
    const table = splitCsv('pid,role\nT001,ips_specialist\nT001,ips_specialist\n');
    expect(table?.cells).toEqual(['T001', 'ips_specialist', 'T001', 'ips_specialist']);
  });

  it.each([
    ['an unclosed quote', 'a,b\n1,"x\n', 2],
    ['a quote inside an unquoted cell', 'a,b\n1,x"y\n', 2],
    ['text after a closing quote', 'a,b\n1,"x"y\n', 2],
  ])('rejects %s naming the line', (_name, text, line) => {
    expect(() => splitCsv(text)).toThrow(CsvSyntaxError);
    try {
      splitCsv(text);
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(line);
    }
    expect(() => parse(text)).toThrow(); // csv-parse rejects it too
  });

  it('returns null for a file without any record', () => {
    expect(splitCsv('')).toBeNull();
    expect(splitCsv('\n\n')).toBeNull();
  });
});
