import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { forms } from '../../../data-dictionary/index';
import { redcapCsv, redcapForms } from '../../../data-dictionary/generate/redcap-export';
import { importRedcap, RedcapImportError } from '../../../data-dictionary/generate/redcap-import';
import { formFileText } from '../../../data-dictionary/generate/json';

const HEADER = [
  'Variable / Field Name', 'Form Name', 'Section Header', 'Field Type', 'Field Label',
  'Choices, Calculations, OR Slider Labels', 'Field Note', 'Text Validation Type OR Show Slider Number',
  'Text Validation Min', 'Text Validation Max', 'Identifier?', 'Branching Logic (Show field only if...)',
  'Required Field?', 'Custom Alignment', 'Question Number (surveys only)', 'Matrix Group Name',
  'Matrix Ranking?', 'Field Annotation',
];

const rowsOf = (csv: string) => parse(csv) as string[][];
const byName = (csv: string) => new Map(rowsOf(csv).slice(1).map((r) => [r[0]!, r]));

function importErrors(csv: string): string[] {
  try {
    importRedcap(csv);
  } catch (error) {
    if (error instanceof RedcapImportError) return error.problems.map((p) => `row ${p.row}${p.column ? ` [${p.column}]` : ''}: ${p.message}`);
    throw error;
  }
  throw new Error('the import did not fail');
}

/** The exported CSV with one cell replaced (row = CSV record number, header = 1). */
function withCell(csv: string, variable: string, column: string, value: string): string {
  const rows = rowsOf(csv);
  const row = rows.find((r) => r[0] === variable)!;
  row[HEADER.indexOf(column)] = value;
  return rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
}

describe('data-dictionary/generate/redcap', () => {
  const csv = redcapCsv(forms);

  it("writes REDCap's 18 columns, named and ordered exactly", () => {
    expect(rowsOf(csv)[0]).toEqual(HEADER);
  });

  it("starts with REDCap's record id and holds every research and operational field, no system form", () => {
    const rows = rowsOf(csv).slice(1);
    expect(rows[0]!.slice(0, 2)).toEqual(['pid', 'screening']);
    const expected = redcapForms(forms).flatMap((f) => f.fields.map((x) => x.name));
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected);
    const formNames = new Set(rows.map((r) => r[1]));
    expect(formNames.has('eq5d5l') && formNames.has('fidelity_review')).toBe(true);
    expect(formNames.has('eq5d3l')).toBe(false);
    for (const form of forms.filter((f) => f.kind === 'system')) expect(formNames.has(form.name)).toBe(false);
  });

  it('uses REDCap field types, choice syntax, validation, flags and branching logic', () => {
    const rows = byName(csv);
    const col = (name: string, column: string) => rows.get(name)![HEADER.indexOf(column)];
    expect(col('eq5d_mo', 'Field Type')).toBe('radio');
    expect(col('eq5d_mo', 'Choices, Calculations, OR Slider Labels')).toBe(
      'Mobility: level 1 of 5 – no problems'.replace(/^/, '1, ') + ' | 2, Mobility: level 2 of 5 – slight problems'
      + ' | 3, Mobility: level 3 of 5 – moderate problems | 4, Mobility: level 4 of 5 – severe problems'
      + ' | 5, Mobility: level 5 of 5 – extreme problems');
    expect([col('eq_vas', 'Field Type'), col('eq_vas', 'Text Validation Type OR Show Slider Number'),
      col('eq_vas', 'Text Validation Min'), col('eq_vas', 'Text Validation Max')]).toEqual(['text', 'integer', '0', '100']);
    expect(col('screening_date', 'Text Validation Type OR Show Slider Number')).toBe('date_ymd');
    expect(col('person_email', 'Text Validation Type OR Show Slider Number')).toBe('email');
    expect(col('eligible', 'Field Type')).toBe('yesno');
    expect(col('withdrawal_note', 'Field Type')).toBe('notes');
    expect(col('personal_number', 'Identifier?')).toBe('y');
    expect(col('eq5d_mo', 'Identifier?')).toBe('');
    expect(col('eq5d_mo', 'Required Field?')).toBe('y');
    expect(col('not_eligible_reason', 'Branching Logic (Show field only if...)')).toBe("[eligible] = '0'");
    expect(col('ended_reason', 'Branching Logic (Show field only if...)')).toBe("[process_stage] = 'ended'");
    expect(col('inpatient_day', 'Field Note')).toBe('bed-day');
    expect(col('fid_01', 'Section Header')).toBe('Staffing');
    expect(col('fid_02', 'Section Header')).toBe('');
    expect(col('fid_04', 'Section Header')).toBe('Organisation');
    expect(col('eq5d_mo', 'Field Annotation')).toContain('@IPS-LABEL-SV=Rörlighet (EQ-5D-dimension, nivå 1–5)');
    expect(col('eq5d_mo', 'Field Annotation')).toContain('@IPS-TIMEPOINTS=0,6,12,18,24');
  });

  it('writes labels in the chosen language and the 3L alternative when the study uses it', () => {
    const sv = byName(redcapCsv(forms, { lang: 'sv', instrument: 'eq5d3l' }));
    expect(sv.get('eq5d_mo')![1]).toBe('eq5d3l');
    expect(sv.get('eq5d_mo')![4]).toBe('Rörlighet (EQ-5D-dimension, nivå 1–3)');
    expect(sv.get('eq5d_mo')![17]).toContain('@IPS-LABEL-EN=Mobility (EQ-5D dimension, level 1–3)');
    expect(sv.get('sex')![5]).toBe('female, Kvinna | male, Man | other, Annat');
  });

  it('round-trips: export → import gives the same forms, and export again the same bytes', () => {
    for (const lang of ['en', 'sv', 'da'] as const) {
      for (const instrument of ['eq5d5l', 'eq5d3l']) {
        const exported = redcapCsv(forms, { lang, instrument });
        const { forms: back, warnings } = importRedcap(exported);
        expect(warnings).toEqual([]);
        expect(back).toEqual(redcapForms(forms, instrument));
        expect(back.map(formFileText)).toEqual(redcapForms(forms, instrument).map(formFileText));
        expect(redcapCsv(back, { lang, instrument })).toBe(exported);
      }
    }
  });

  it('keeps the JSON type of choice codes and condition values across the round trip', () => {
    const back = importRedcap(csv).forms;
    const field = (form: string, name: string) => back.find((f) => f.name === form)!.fields.find((x) => x.name === name)!;
    expect(field('eq5d5l', 'eq5d_mo').choices!.map((c) => c.code)).toEqual([1, 2, 3, 4, 5]);
    expect(field('baseline', 'sex').choices!.map((c) => c.code)).toEqual(['female', 'male', 'other']);
    expect(field('screening', 'not_eligible_reason').showWhen).toEqual({ field: 'eligible', equals: false });
  });

  it('reads a plain REDCap file without annotations, warning about untranslated labels', () => {
    const plain = [
      HEADER.map((h) => `"${h}"`).join(','),
      'record_id,intake,,text,Record ID,,,,,,,,,,,,,',
      'mood,intake,,dropdown,Mood today,"1, Low | 2, High",,,,,,,y,,,,,',
      'visits,intake,,text,Visits,,visit,integer,0,,,[mood] = \'2\',,,,,,',
    ].join('\n');
    const { forms: back, warnings } = importRedcap(plain);
    expect(back).toHaveLength(1);
    expect(back[0]!.fields.map((f) => [f.name, f.type])).toEqual([['mood', 'choice'], ['visits', 'integer']]);
    expect(back[0]!.fields[1]).toMatchObject({ min: 0, unit: 'visit', showWhen: { field: 'mood', equals: 2 } });
    expect(warnings.some((w) => w.includes('row 3') && w.includes('sv, da'))).toBe(true);
  });

  it('rejects a misnamed or missing column naming the column', () => {
    const misnamed = csv.replace('Section Header', 'Section header');
    expect(importErrors(misnamed)).toEqual(["row 1 [Section Header]: column 3 is 'Section header', expected 'Section Header'"]);
    const short = rowsOf(csv).map((r) => r.slice(0, 17).map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
    expect(importErrors(short)).toEqual(["row 1 [Field Annotation]: column 18 is missing"]);
    expect(importErrors('')).toEqual(['row 1: the file is empty (expected the 18 REDCap columns)']);
  });

  it('rejects bad choice syntax, unknown field types, duplicate and over-long names with row and column', () => {
    const rowOf = (name: string) => rowsOf(csv).findIndex((r) => r[0] === name) + 1;
    expect(importErrors(withCell(csv, 'sex', 'Choices, Calculations, OR Slider Labels', 'female Kvinna | male, Man')))
      .toEqual([`row ${rowOf('sex')} [Choices, Calculations, OR Slider Labels]: bad choice syntax 'female Kvinna' (expected 'code, label | code, label')`]);
    expect(importErrors(withCell(csv, 'sex', 'Field Type', 'radiobutton')))
      .toEqual([`row ${rowOf('sex')} [Field Type]: unknown field type 'radiobutton'`]);
    expect(importErrors(withCell(csv, 'sex', 'Field Type', 'calc')))
      .toEqual([`row ${rowOf('sex')} [Field Type]: 'calc' fields are not supported by ips-trial`]);
    expect(importErrors(withCell(csv, 'municipality', 'Variable / Field Name', 'sex')))
      .toContain(`row ${rowOf('municipality')} [Variable / Field Name]: duplicate field name 'sex' (first on row ${rowOf('sex')})`);
    expect(importErrors(withCell(csv, 'municipality', 'Variable / Field Name', 'municipality_of_residence_x')))
      .toEqual([`row ${rowOf('municipality')} [Variable / Field Name]: 'municipality_of_residence_x' is longer than 26 characters`]);
    expect(importErrors(withCell(csv, 'birth_year', 'Text Validation Min', 'nineteen')))
      .toEqual([`row ${rowOf('birth_year')} [Text Validation Min]: 'nineteen' is not a number`]);
    expect(importErrors(withCell(csv, 'birth_year', 'Required Field?', 'yes')))
      .toEqual([`row ${rowOf('birth_year')} [Required Field?]: 'yes' must be 'y' or empty`]);
    expect(importErrors(withCell(csv, 'years_employed', 'Branching Logic (Show field only if...)', '[ever_employed] > 1')))
      .toEqual([`row ${rowOf('years_employed')} [Branching Logic (Show field only if...)]: '[ever_employed] > 1' is not supported; use [field] = 'value'`]);
  });

  it('rejects a field name used in two forms', () => {
    const errors = importErrors(withCell(csv, 'consent_date', 'Variable / Field Name', 'screening_date'));
    expect(errors.some((e) => e.includes("consent.screening_date: field name already used in form 'screening'"))).toBe(true);
  });
});
