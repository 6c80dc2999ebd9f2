/**
 * Splits CSV text (RFC 4180, as Excel and R write it) into a compact
 * RawTable: comma-separated cells, records ended by LF, CRLF or CR, cells in
 * double quotes may hold commas, line breaks and doubled quotes (""), a
 * byte-order mark is dropped, empty lines are skipped. Every cell is interned
 * per column (pid, role, activity, item and day numbers repeat thousands of
 * times), all cells go into one flat array and each record keeps only its
 * CSV line, so 470,000 time-log rows hold no object per row. Written for
 * this reader because csv-parse builds an information object per record
 * when asked for line numbers, which made reading the slowest stage.
 */
import type { RawTable } from '../../analysis/dataset/validate';

/** A CSV syntax error at a line (1-based) and cell (1-based). */
export class CsvSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(`${message} at line ${line}, cell ${column}`);
  }
}

/** distinct values kept per column for interning (a column of unique values stops growing its map) */
const INTERN_LIMIT = 100_000;
const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * @param text the file's text (UTF-8 decoded)
 * @returns the header and the data records, or null for a file without any record
 * @throws {CsvSyntaxError} for a quote that is not closed, or a quote inside an unquoted cell or after a closing quote
 * @example splitCsv('a,b\n1,2\n')?.cells // ['1', '2']
 */
export function splitCsv(text: string): RawTable | null {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const length = source.length;
  const interned: Map<string, string>[] = [];
  let header: string[] | null = null;
  const lines: number[] = [];
  const starts: number[] = [];
  const cells: string[] = [];
  let record: string[] = [];
  let line = 1;
  let recordLine = 1;
  let at = 0;
  const intern = (cell: string, column: number): string => {
    const seen = (interned[column] ??= new Map());
    const known = seen.get(cell);
    if (known !== undefined) return known;
    // a slice of the file's text can keep the whole text alive: keep a copy of its own
    const own = cell.length > 12 ? Buffer.from(cell, 'utf8').toString('utf8') : cell;
    if (seen.size < INTERN_LIMIT) seen.set(own, own);
    return own;
  };
  let quotedInRecord = false;
  const endRecord = () => {
    const emptyLine = record.length === 1 && record[0] === '' && !quotedInRecord;
    if (!emptyLine) {
      if (header === null) header = record;
      else {
        lines.push(recordLine);
        starts.push(cells.length);
        for (let i = 0; i < record.length; i++) cells.push(intern(record[i], i));
      }
    }
    record = [];
    quotedInRecord = false;
  };
  while (at <= length) {
    if (record.length === 0) recordLine = line;
    if (at < length && source.charCodeAt(at) === QUOTE) {
      quotedInRecord = true;
      let value = '';
      let from = at + 1;
      for (;;) {
        const close = source.indexOf('"', from);
        if (close === -1) throw new CsvSyntaxError('quote not closed', recordLine, record.length + 1);
        value += source.slice(from, close);
        if (source.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
          continue;
        }
        at = close + 1;
        break;
      }
      line += lineBreaks(value);
      const next = at < length ? source.charCodeAt(at) : -1;
      if (next !== -1 && next !== COMMA && next !== LF && next !== CR) {
        throw new CsvSyntaxError('unexpected character after a closing quote', line, record.length + 1);
      }
      record.push(value);
    } else {
      let end = at;
      while (end < length) {
        const code = source.charCodeAt(end);
        if (code === COMMA || code === LF || code === CR) break;
        if (code === QUOTE) throw new CsvSyntaxError('quote inside an unquoted cell', line, record.length + 1);
        end++;
      }
      record.push(source.slice(at, end));
      at = end;
    }
    const code = at < length ? source.charCodeAt(at) : -1;
    if (code === COMMA) {
      at++;
      continue;
    }
    endRecord();
    if (code === -1) break;
    at += code === CR && source.charCodeAt(at + 1) === LF ? 2 : 1;
    line++;
  }
  if (header === null) return null;
  return { header, lines, starts, cells };
}

/** Line breaks inside a quoted cell (CRLF counts once). */
function lineBreaks(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === LF) count++;
    else if (code === CR && value.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
