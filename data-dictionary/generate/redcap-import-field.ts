/**
 * One REDCap data-dictionary row → one field (see `redcap-import.ts`).
 * Problems are appended to the context with the row and column; the field is
 * still returned when it can be built, so one pass reports everything.
 */
import { LANGUAGES, type Choice, type Field, type Form, type Labels, type Language } from '../types';
import { REDCAP_FIELD_TYPES, fromRedcapType, parseAnnotation, parseBranching, parseChoices, type RedcapRow } from './redcap-format';
import type { ImportProblem } from './redcap-import';

export interface FieldContext {
  form: Form;
  /** language of the Field Label, choices and Section Header columns */
  lang: Language;
  row: number;
  problems: ImportProblem[];
  warnings: string[];
}

const KEY: Record<Language, string> = { sv: 'SV', da: 'DA', en: 'EN' };

function flag(value: string, column: keyof RedcapRow, ctx: FieldContext): boolean {
  if (value === '' || value.toLowerCase() === 'n') return false;
  if (value.toLowerCase() === 'y') return true;
  ctx.problems.push({ row: ctx.row, column, message: `'${value}' must be 'y' or empty` });
  return false;
}

function bound(value: string, column: keyof RedcapRow, numeric: boolean, ctx: FieldContext): number | undefined {
  if (value === '') return undefined;
  const n = Number(value);
  if (!numeric) ctx.problems.push({ row: ctx.row, column, message: 'a minimum or maximum is supported for integer and number fields only' });
  else if (!Number.isFinite(n)) ctx.problems.push({ row: ctx.row, column, message: `'${value}' is not a number` });
  return numeric && Number.isFinite(n) ? n : undefined;
}

function labelsOf(main: string, annotation: Map<string, string>, prefix: string, ctx: FieldContext, what: string): Labels {
  const out = {} as Labels;
  const missing: Language[] = [];
  for (const l of LANGUAGES) {
    const text = l === ctx.lang ? main : annotation.get(`${prefix}-${KEY[l]}`);
    if (text === undefined || text === '') missing.push(l);
    out[l] = text || main;
  }
  if (missing.length > 0) ctx.warnings.push(`row ${ctx.row}: ${what} has no ${missing.join(', ')} label; the ${ctx.lang} text is used (untranslated)`);
  return out;
}

function choicesOf(row: RedcapRow, annotation: Map<string, string>, ctx: FieldContext): Choice[] | undefined {
  const column = 'Choices, Calculations, OR Slider Labels' as const;
  const main = parseChoices(row[column]);
  if (typeof main === 'string') {
    ctx.problems.push({ row: ctx.row, column, message: main });
    return undefined;
  }
  const byLang = new Map<Language, Map<string, string>>();
  for (const l of LANGUAGES) {
    if (l === ctx.lang || !annotation.has(`CHOICES-${KEY[l]}`)) continue;
    const parsed = parseChoices(annotation.get(`CHOICES-${KEY[l]}`)!);
    if (typeof parsed === 'string') ctx.problems.push({ row: ctx.row, column: 'Field Annotation', message: `@IPS-CHOICES-${KEY[l]}: ${parsed}` });
    else byLang.set(l, new Map(parsed.map((c) => [String(c.code), c.label])));
  }
  return main.map(({ code, label }) => {
    const labels = {} as Labels;
    for (const l of LANGUAGES) {
      const text = l === ctx.lang ? label : byLang.get(l)?.get(String(code));
      if (text === undefined) ctx.warnings.push(`row ${ctx.row}: choice ${code} has no ${l} label; the ${ctx.lang} text is used (untranslated)`);
      labels[l] = text ?? label;
    }
    return { code, labels };
  });
}

/** The participant's question (@IPS-QUESTION-XX), when the row has one; a missing language takes the codebook label. */
function questionOf(annotation: Map<string, string>, labels: Labels): Labels | undefined {
  if (!LANGUAGES.some((l) => annotation.has(`QUESTION-${KEY[l]}`))) return undefined;
  return Object.fromEntries(LANGUAGES.map((l) => [l, annotation.get(`QUESTION-${KEY[l]}`) || labels[l]])) as Labels;
}

/** The participant's answer texts (@IPS-ANSWERS-XX, choice syntax) laid onto the choices they name. */
function withAnswers(choices: Choice[] | undefined, annotation: Map<string, string>, ctx: FieldContext): Choice[] | undefined {
  if (!choices) return choices;
  const byLang = new Map<Language, Map<string, string>>();
  for (const l of LANGUAGES) {
    const text = annotation.get(`ANSWERS-${KEY[l]}`);
    if (text === undefined) continue;
    const parsed = parseChoices(text);
    if (typeof parsed === 'string') ctx.problems.push({ row: ctx.row, column: 'Field Annotation', message: `@IPS-ANSWERS-${KEY[l]}: ${parsed}` });
    else byLang.set(l, new Map(parsed.map((c) => [String(c.code), c.label])));
  }
  if (byLang.size === 0) return choices;
  return choices.map((choice) => {
    const code = String(choice.code);
    if (![...byLang.values()].some((m) => m.has(code))) return choice;
    const answer = Object.fromEntries(LANGUAGES.map((l) => [l, byLang.get(l)?.get(code) ?? choice.labels[l]])) as Labels;
    return { ...choice, answer };
  });
}

function trueOrFalse(annotation: Map<string, string>, key: string, ctx: FieldContext): boolean | undefined {
  const value = annotation.get(key);
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  ctx.problems.push({ row: ctx.row, column: 'Field Annotation', message: `@IPS-${key} must be true or false, got '${value}'` });
  return undefined;
}

function showWhenOf(text: string, ctx: FieldContext): Field['showWhen'] {
  if (text === '') return undefined;
  const column = 'Branching Logic (Show field only if...)' as const;
  const parsed = parseBranching(text);
  if (!parsed) {
    ctx.problems.push({ row: ctx.row, column, message: `'${text}' is not supported; use [field] = 'value'` });
    return undefined;
  }
  const target = ctx.form.fields.find((f) => f.name === parsed.field);
  if (!target) {
    ctx.problems.push({ row: ctx.row, column, message: `'${parsed.field}' is not an earlier field of form '${ctx.form.name}'` });
    return undefined;
  }
  if (target.type === 'boolean' && (parsed.value === '1' || parsed.value === '0')) return { field: target.name, equals: parsed.value === '1' };
  const choice = target.choices?.find((c) => String(c.code) === parsed.value);
  if (!choice) {
    ctx.problems.push({ row: ctx.row, column, message: `'${parsed.value}' is not a value of ${target.name}` });
    return undefined;
  }
  return { field: target.name, equals: choice.code };
}

function addSection(id: string, header: string, annotation: Map<string, string>, ctx: FieldContext): void {
  const sections = (ctx.form.sections ??= []);
  if (sections.some((s) => s.id === id)) return;
  sections.push({ id, labels: labelsOf(header || id, annotation, 'SECTION-LABEL', ctx, `section '${id}'`) });
}

/** The field described by one row, or undefined when its type cannot be read. */
export function rowToField(row: RedcapRow, ctx: FieldContext): Field | undefined {
  const annotation = parseAnnotation(row['Field Annotation']);
  const redcapType = row['Field Type'];
  const validation = row['Text Validation Type OR Show Slider Number'];
  const type = fromRedcapType(redcapType, validation);
  if (!type) {
    const known = REDCAP_FIELD_TYPES.includes(redcapType);
    ctx.problems.push(redcapType === 'text' && validation !== ''
      ? { row: ctx.row, column: 'Text Validation Type OR Show Slider Number', message: `validation '${validation}' is not supported (integer, number, date_ymd, datetime_ymd, email)` }
      : { row: ctx.row, column: 'Field Type', message: known ? `'${redcapType}' fields are not supported by ips-trial` : `unknown field type '${redcapType}'` });
    return undefined;
  }
  const numeric = type === 'integer' || type === 'number';
  const section = annotation.get('SECTION');
  if (section) addSection(section, row['Section Header'], annotation, ctx);
  else if (row['Section Header'] !== '') ctx.warnings.push(`row ${ctx.row}: Section Header ignored (no @IPS-SECTION)`);
  const maxLength = annotation.get('MAXLENGTH');
  const labels = labelsOf(row['Field Label'], annotation, 'LABEL', ctx, `field '${row['Variable / Field Name']}'`);
  const field: Field = {
    name: row['Variable / Field Name'],
    labels,
    question: questionOf(annotation, labels),
    type,
    choices: type === 'choice' || type === 'multi_choice' ? withAnswers(choicesOf(row, annotation, ctx), annotation, ctx) : undefined,
    min: bound(row['Text Validation Min'], 'Text Validation Min', numeric, ctx),
    max: bound(row['Text Validation Max'], 'Text Validation Max', numeric, ctx),
    pattern: annotation.get('PATTERN'),
    maxLength: maxLength === undefined ? undefined : Number(maxLength),
    required: flag(row['Required Field?'], 'Required Field?', ctx),
    identifier: flag(row['Identifier?'], 'Identifier?', ctx),
    timepoints: annotation.get('TIMEPOINTS')?.split(',').map(Number),
    unit: row['Field Note'] || undefined,
    citation: annotation.get('CITATION'),
    showWhen: showWhenOf(row['Branching Logic (Show field only if...)'], ctx),
    section,
    costItem: annotation.get('COST-ITEM'),
    dontKnow: trueOrFalse(annotation, 'DONT-KNOW', ctx),
    note: annotation.get('NOTE'),
    workingAge: trueOrFalse(annotation, 'WORKING-AGE', ctx),
  };
  for (const key of Object.keys(field) as (keyof Field)[]) if (field[key] === undefined) delete field[key];
  return field;
}
