/**
 * Read a REDCap data dictionary (CSV) back into forms. Files written by
 * `redcapCsv` come back exactly (their `@IPS-…` annotations carry the other
 * languages and the fields REDCap has no column for); other REDCap files are
 * read as far as our field types allow. Every problem is reported with its
 * row (the header is row 1) and column, and nothing is returned when any
 * exists.
 */
import { parse } from 'csv-parse/sync';
import { checkDictionary, MAX_NAME_LENGTH, NAME_PATTERN } from '../check';
import { LANGUAGES, type Form, type Language } from '../types';
import { REDCAP_COLUMNS, parseAnnotation, type RedcapRow } from './redcap-format';
import { rowToField, type FieldContext } from './redcap-import-field';

export interface ImportProblem {
  row: number;
  column?: string;
  message: string;
}

export class RedcapImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`the REDCap data dictionary is invalid:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'RedcapImportError';
  }
}

export function formatProblem(p: ImportProblem): string {
  return `  row ${p.row}${p.column ? `, column '${p.column}'` : ''}: ${p.message}`;
}

function readRecords(text: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw new RedcapImportError([{ row: e.lines ?? 1, message: `not valid CSV: ${e.message}` }]);
  }
}

function checkHeader(header: string[] | undefined): ImportProblem[] {
  if (!header) return [{ row: 1, message: 'the file is empty (expected the 18 REDCap columns)' }];
  const problems: ImportProblem[] = [];
  REDCAP_COLUMNS.forEach((expected, i) => {
    const found = header[i]?.trim();
    if (found === undefined) problems.push({ row: 1, column: expected, message: `column ${i + 1} is missing` });
    else if (found !== expected) problems.push({ row: 1, column: expected, message: `column ${i + 1} is '${found}', expected '${expected}'` });
  });
  header.slice(REDCAP_COLUMNS.length).forEach((extra, i) => {
    problems.push({ row: 1, message: `unexpected column ${REDCAP_COLUMNS.length + i + 1} '${extra}'` });
  });
  return problems;
}

function startForm(name: string, annotation: Map<string, string>, defaultLang: Language): Form & { lang: Language } {
  const label = (l: Language) => annotation.get(`FORM-LABEL-${l.toUpperCase()}`) ?? name;
  const timepoints = annotation.get('FORM-TIMEPOINTS');
  const instrumentId = annotation.get('FORM-INSTRUMENT-ID');
  const langTag = annotation.get('LANG');
  const kind = annotation.get('FORM-KIND') ?? 'operational';
  return {
    name,
    kind: kind as Form['kind'],
    labels: Object.fromEntries(LANGUAGES.map((l) => [l, label(l)])) as Form['labels'],
    ...(LANGUAGES.some((l) => annotation.has(`FORM-PART-TITLE-${l.toUpperCase()}`))
      ? { partTitle: Object.fromEntries(LANGUAGES.map((l) => [l, annotation.get(`FORM-PART-TITLE-${l.toUpperCase()}`) ?? label(l)])) as Form['labels'] }
      : {}),
    ...(instrumentId ? {
      instrument: {
        id: instrumentId,
        version: annotation.get('FORM-INSTRUMENT-VERSION') ?? '',
        ...(annotation.has('FORM-INSTRUMENT-CITATION') ? { citation: annotation.get('FORM-INSTRUMENT-CITATION') } : {}),
        ...(annotation.has('FORM-INSTRUMENT-LICENCE') ? { licence: annotation.get('FORM-INSTRUMENT-LICENCE') } : {}),
        ...(annotation.get('FORM-INSTRUMENT-STUDY-SUPPLIES-WORDING') === 'yes' ? { studySuppliesWording: true } : {}),
      },
    } : {}),
    ...(timepoints ? { timepoints: timepoints.split(',').map(Number) } : {}),
    ...(annotation.has('FORM-ALTERNATIVE-TO') ? { alternativeTo: annotation.get('FORM-ALTERNATIVE-TO') } : {}),
    fields: [],
    lang: (LANGUAGES as readonly string[]).includes(langTag ?? '') ? (langTag as Language) : defaultLang,
  };
}

/**
 * Forms from REDCap data-dictionary CSV text. The first data row is REDCap's
 * record id and is not a form field. `lang` is the language of the labels
 * when the file does not say (`@IPS-LANG`); default en.
 */
export function importRedcap(text: string, options: { lang?: Language } = {}): { forms: Form[]; warnings: string[] } {
  const records = readRecords(text);
  const headerProblems = checkHeader(records[0]);
  if (headerProblems.length > 0) throw new RedcapImportError(headerProblems);
  const problems: ImportProblem[] = [];
  const warnings: string[] = [];
  const forms: (Form & { lang: Language })[] = [];
  const rowOf = new Map<string, number>(); // "form.field" → row
  const seenInForm = new Map<string, number>();
  if (records.length < 2) problems.push({ row: 2, message: 'no fields (the first data row is the record id; forms follow)' });
  records.slice(2).forEach((cells, i) => {
    const rowNumber = i + 3;
    if (cells.length !== REDCAP_COLUMNS.length) {
      problems.push({ row: rowNumber, message: `has ${cells.length} cells, expected ${REDCAP_COLUMNS.length}` });
      return;
    }
    const row = Object.fromEntries(REDCAP_COLUMNS.map((c, j) => [c, cells[j]!.trim()])) as RedcapRow;
    const name = row['Variable / Field Name'];
    const formName = row['Form Name'];
    const at = (column: keyof RedcapRow, message: string) => problems.push({ row: rowNumber, column, message });
    if (!NAME_PATTERN.test(formName)) at('Form Name', `'${formName}' is not a lower_snake form name`);
    if (!NAME_PATTERN.test(name)) at('Variable / Field Name', `'${name}' is not lower_snake (a-z, 0-9, _)`);
    else if (name.length > MAX_NAME_LENGTH) at('Variable / Field Name', `'${name}' is longer than ${MAX_NAME_LENGTH} characters`);
    let form = forms[forms.length - 1];
    if (form?.name !== formName) {
      if (forms.some((f) => f.name === formName)) at('Form Name', `form '${formName}' continues after another form; a form's rows must be together`);
      form = startForm(formName, parseAnnotation(row['Field Annotation']), options.lang ?? 'en');
      forms.push(form);
    }
    const key = `${formName}.${name}`;
    const first = seenInForm.get(key);
    if (first !== undefined) at('Variable / Field Name', `duplicate field name '${name}' (first on row ${first})`);
    seenInForm.set(key, rowNumber);
    rowOf.set(key, rowNumber);
    const context: FieldContext = { form, lang: form.lang, row: rowNumber, problems, warnings };
    const field = rowToField(row, context);
    if (field) form.fields.push(field);
  });
  if (problems.length === 0) {
    const plain = forms.map(({ lang: _lang, ...form }) => form as Form);
    for (const message of checkDictionary(plain)) {
      const match = /^([a-z0-9_]+)\.([a-z0-9_]+)/.exec(message);
      problems.push({ row: (match && rowOf.get(`${match[1]}.${match[2]}`)) ?? 0, message });
    }
    if (problems.length === 0) return { forms: plain, warnings };
  }
  throw new RedcapImportError(problems);
}
