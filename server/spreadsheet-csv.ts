/**
 * CSV meant to be opened in a spreadsheet (the audit-trail download, the
 * funder report), safe against CSV/formula injection: Excel and LibreOffice
 * read a cell that begins with `=`, `+`, `-`, `@`, a tab, a carriage return
 * or a NUL (Apple Numbers also a full-width ＝ ＋ － ＠) as a formula, and
 * free text (reasons, notes, names) is stored verbatim. Such a text cell is
 * written with a leading single quote and in
 * double quotes (OWASP, "CSV Injection"; ASVS 1.2.10), so a spreadsheet shows
 * it as text. Numbers stay numbers: a number cell, or a text cell that is
 * nothing but a number such as "-1234.5", is written as it is.
 *
 * Not for the anonymized analysis export (server/export, server/dataset): its
 * CSVs are read by R, Stata, SPSS and `ips-trial analyze` and must stay exact.
 */

export type SpreadsheetCell = string | number | null | undefined;

// the full-width ＝ ＋ － ＠ too: Apple Numbers normalises them to = + - @ (as csv-stringify's escape_formulas)
const FORMULA_START = /^[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** True when a spreadsheet would take this text for a formula (and it is not simply a number). */
export function readsAsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** One cell: empty for null, numbers as written by String(), risky text as `"'…"`, other text quoted when RFC 4180 needs it. */
export function spreadsheetCell(cell: SpreadsheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (readsAsFormula(cell)) return quoted(`'${cell}`);
  return NEEDS_QUOTES.test(cell) ? quoted(cell) : cell;
}

/** A header line and one line per row (`\n` line ends, the last line ended too). */
export function spreadsheetCsv(header: readonly string[], rows: Iterable<readonly SpreadsheetCell[]>): string {
  const lines = [header.map(spreadsheetCell).join(',')];
  for (const row of rows) lines.push(row.map(spreadsheetCell).join(','));
  return `${lines.join('\n')}\n`;
}
