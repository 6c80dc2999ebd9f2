/**
 * Builds `instruments/eq5d/value-sets/*.json` (and the generated catalogue)
 * from the published reference tables in `../shared/reference/valuesets/`.
 * The product never reads `../shared` at run time; this script is how the
 * numbers got into the repository, and re-running it must reproduce the
 * committed files byte for byte.
 *
 *   npx tsx scripts/eq5d/build-value-sets.ts [path/to/reference/valuesets]
 *
 * Every coefficient is copied from its source string with Number(); nothing
 * is rounded. An unknown model term stops the build (no term is ever dropped
 * silently).
 */
import { parse } from 'csv-parse/sync';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValueSet, ValueSetModel } from '../../instruments/eq5d/types';
import { NAMED_SETS, AUSTRALIA_IMPLAUSIBLE, EQ5D_PACKAGE, ZIMBABWE_NOTE } from './sources';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sourceDir = resolve(process.argv[2] ?? join(repoRoot, '../shared/reference/valuesets'));
const outDir = join(repoRoot, 'instruments/eq5d/value-sets');

type Row = Record<string, string>;
type Model = ValueSetModel;
/** the JSON files the build writes are the instrument's own ValueSet shape */
type ValueSetFile = ValueSet;

const KNOWN_TERMS = new Set<string>([
  'FullHealth', 'StartValue', 'AtLeastOne2Or3', 'AtLeastOne3', 'Intercept', 'N4', 'N5',
  ...['MO', 'SC', 'UA', 'PD', 'AD'].flatMap((d) => [1, 2, 3, 4, 5].map((l) => `${d}${l}`)),
  ...['MO', 'SC', 'UA', 'PD', 'AD'].map((d) => `${d}45`),
  'Num45sq', 'D1', 'I2', 'I2square', 'I3', 'I3square', 'O2', 'O3', 'Z2', 'Z3',
  'C2square', 'C3square', 'X5', 'MOAD', 'PDAD',
]);
const PAIR = /^(MO|SC|UA|PD|AD)([23])(MO|SC|UA|PD|AD)([23])$/;

function readCsv(file: string, columns: boolean | string[] = true): Row[] {
  return parse(readFileSync(join(sourceDir, file), 'utf8'), { columns, skip_empty_lines: true }) as unknown as Row[];
}

function coefficient(raw: string, where: string): number | null {
  const text = raw.trim();
  if (text === '' || text === 'NA') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${where}: coefficient "${raw}" is not a number`);
  return value;
}

function checkTerm(term: string, where: string): void {
  if (!KNOWN_TERMS.has(term) && !PAIR.test(term)) throw new Error(`${where}: unknown model term "${term}"`);
}

interface Reference { pubmed: string | null; doi: string | null; isbn: string | null; url: string | null }

function loadReferences(): Map<string, Reference> {
  const refs = new Map<string, Reference>();
  for (const row of readCsv('value_set_references.csv')) {
    const blank = (s: string) => (s.trim() === '' ? null : s.trim());
    refs.set(`${row.Version}|${row.Type}|${row.Country}`, {
      pubmed: blank(row.PubMed),
      // one DOI in the source ends with a stray full stop (Chile 3L)
      doi: blank(row.DOI)?.replace(/\.$/, '') ?? null,
      isbn: blank(row.ISBN),
      url: blank(row.ExternalURL),
    });
  }
  return refs;
}

function wideSets(file: string, version: 'EQ-5D-3L' | 'EQ-5D-5L', type: string, refs: Map<string, Reference>): ValueSetFile[] {
  const rows = readCsv(file, false) as unknown as string[][];
  const header = rows[0];
  const sets: ValueSetFile[] = [];
  for (let col = 1; col < header.length; col++) {
    const country = header[col];
    const terms: Record<string, number> = {};
    for (const row of rows.slice(1)) {
      const value = coefficient(row[col] ?? '', `${file} ${row[0]}/${country}`);
      if (value === null) continue;
      checkTerm(row[0], `${file} ${country}`);
      terms[row[0]] = value;
    }
    const instrument = version === 'EQ-5D-3L' ? 'eq5d3l' : 'eq5d5l';
    const ref = refs.get(`${version}|${type}|${country}`);
    if (!ref) throw new Error(`${file}: no reference row for ${version} ${type} ${country}`);
    const notes: string[] = [];
    let model: Model = { type: 'additive', terms };
    if (version === 'EQ-5D-3L' && type === 'VAS' && country === 'Germany') {
      model = { type: 'multiplicative', terms };
      notes.push('Multiplicative model: the index is the product of the factors that apply (eq5d R package, R/eq5d3l.R).');
    }
    if (version === 'EQ-5D-3L' && type === 'TTO' && country === 'Australia') {
      model = { type: 'additive', terms, overrides: AUSTRALIA_IMPLAUSIBLE };
      notes.push('22 implausible states take fixed values instead of the model (hard-coded in the eq5d R package, R/eq5d3l.R).');
    }
    if (version === 'EQ-5D-3L' && country === 'Zimbabwe') notes.push(ZIMBABWE_NOTE);
    sets.push({
      id: `${instrument}_${type}_${country}`,
      instrument,
      kind: 'value-set',
      country,
      method: type === 'VT' ? 'EQ-VT protocol (cTTO and/or DCE)' : type,
      citation: `${version} ${type} value set for ${country.replace(/_/g, ' ')}${citationTail(ref)}`,
      ...ref,
      derived: false,
      licence: EQ5D_PACKAGE.licence,
      source: `${EQ5D_PACKAGE.repo} ${type === 'VT' ? 'data-raw/VT.csv' : `data-raw/${type}.csv`}, column ${country} (via ${file})`,
      sameAs: [],
      notes,
      model,
    });
  }
  return sets;
}

function citationTail(ref: Reference): string {
  const parts = [ref.pubmed && `PubMed ${ref.pubmed}`, ref.doi && `doi:${ref.doi}`, ref.isbn && `ISBN ${ref.isbn}`];
  const text = parts.filter(Boolean).join(', ');
  return text ? ` (${text})` : ref.url ? ` (${ref.url})` : '';
}

function namedSets(): ValueSetFile[] {
  return NAMED_SETS.filter((s) => s.kind === 'value-set').map((meta) => {
    const terms: Record<string, number> = {};
    for (const row of readCsv(`${meta.id}.csv`)) {
      checkTerm(row.source_row, meta.id);
      const value = coefficient(row.coefficient, `${meta.id} ${row.term}`);
      if (value === null) throw new Error(`${meta.id}: term ${row.term} has no coefficient`);
      terms[row.source_row] = value;
    }
    return { ...meta, derived: false, sameAs: [], model: { type: 'additive', terms } } as ValueSetFile;
  });
}

function crosswalkTable(file: string, column: string): number[] {
  const values: number[] = [];
  const rows = readCsv(file);
  rows.forEach((row, i) => {
    if (row.state !== stateAt(i)) throw new Error(`${file}: row ${i + 2} is ${row.state}, expected ${stateAt(i)}`);
    const value = coefficient(row[column], `${file} ${row.state}/${column}`);
    if (value === null) throw new Error(`${file}: ${row.state} has no ${column} value`);
    values.push(value);
  });
  if (values.length !== 3125) throw new Error(`${file}: ${values.length} states, expected 3125`);
  return values;
}

/** The i-th EQ-5D-5L state in lexicographic order (0 → 11111, 3124 → 55555). */
function stateAt(i: number): string {
  let s = '';
  for (let p = 4; p >= 0; p--) s += String(Math.floor(i / 5 ** p) % 5 + 1);
  return s;
}

function crosswalkSets(refs: Map<string, Reference>): ValueSetFile[] {
  const sets: ValueSetFile[] = NAMED_SETS.filter((s) => s.kind === 'crosswalk').map((meta) => {
    const model: Model = meta.derived
      ? { type: 'crosswalk-probabilities', valueSet3L: 'eq5d3l_SE_TTO_Burstrom2014' }
      : { type: 'table', values: crosswalkTable(`${meta.id}.csv`, 'index') };
    return { ...meta, sameAs: [], model } as ValueSetFile;
  });
  const header = readCsv('crosswalk_5L_to_3L_all_vanHout2012.csv', false)[0] as unknown as string[];
  for (const country of header.slice(1)) {
    const ref = refs.get(`EQ-5D-5L|CW|${country}`);
    if (!ref) throw new Error(`no reference row for crosswalk ${country}`);
    const ownStudy = ref.doi !== '10.1016/j.jval.2012.02.008';
    sets.push({
      id: `eq5d5l_CW_${country}`,
      instrument: 'eq5d5l',
      kind: 'crosswalk',
      country,
      method: 'crosswalk EQ-5D-5L → EQ-5D-3L (van Hout et al. 2012 method)',
      citation: ownStudy
        ? `EQ-5D-5L → 3L crosswalk for ${country} from its own 3L valuation study${citationTail(ref)}`
        : `van Hout B et al. Interim scoring for the EQ-5D-5L: mapping the EQ-5D-5L to EQ-5D-3L value sets. Value Health 2012;15:708–715; ${country} 3L values${citationTail(ref)}`,
      ...ref,
      derived: false,
      licence: EQ5D_PACKAGE.licence,
      source: `${EQ5D_PACKAGE.repo} data-raw/CW.csv, column ${country} (via crosswalk_5L_to_3L_all_vanHout2012.csv); published values, 3 dp`,
      sameAs: [],
      notes: country === 'Zimbabwe' ? [ZIMBABWE_NOTE] : [],
      model: { type: 'table', values: crosswalkTable('crosswalk_5L_to_3L_all_vanHout2012.csv', country) },
    });
  }
  return sets;
}

function probabilityMatrix(): Record<string, number[][]> {
  const matrix: Record<string, number[][]> = {};
  for (const row of readCsv('crosswalk_vanHout2012_probability_matrix.csv')) {
    const probs = [1, 2, 3, 4, 5].map((l) => Number(row[`p_given_5L_${l}`]));
    (matrix[row.dimension] ??= [])[Number(row.level_3L) - 1] = probs;
  }
  return matrix;
}

/** Marks sets whose numbers are identical (e.g. a named file and its wide-table column). */
function linkSameAs(sets: ValueSetFile[]): void {
  const key = (s: ValueSetFile) => `${s.instrument}|${s.kind}|${JSON.stringify(s.model)}`;
  const groups = new Map<string, ValueSetFile[]>();
  for (const s of sets) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  for (const group of groups.values()) {
    for (const s of group) s.sameAs = group.filter((o) => o !== s).map((o) => o.id);
  }
}

function main(): void {
  const refs = loadReferences();
  const sets = [
    ...namedSets(),
    ...crosswalkSets(refs),
    ...wideSets('eq5d3l_TTO_all_countries_wide.csv', 'EQ-5D-3L', 'TTO', refs),
    ...wideSets('eq5d3l_VAS_all_countries_wide.csv', 'EQ-5D-3L', 'VAS', refs),
    ...wideSets('eq5d5l_VT_all_countries_wide.csv', 'EQ-5D-5L', 'VT', refs),
  ];
  linkSameAs(sets);
  const ids = new Set<string>();
  for (const s of sets) {
    if (ids.has(s.id)) throw new Error(`duplicate value-set id ${s.id}`);
    ids.add(s.id);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const s of sets) writeFileSync(join(outDir, `${s.id}.json`), formatJson(s));
  writeFileSync(join(outDir, 'crosswalk-probabilities.json'), formatJson({
    source: 'van Hout et al. 2012 (doi:10.1016/j.jval.2012.02.008); numbers from eq5dsuite .EQxwprob (MathsinHealth/eq5dsuite-r@a8546539ec5a24784b28a0343e9d602f6f44aff2) via crosswalk_vanHout2012_probability_matrix.csv',
    description: 'P(3L level | 5L level) per dimension: matrix[dimension][level3L - 1][level5L - 1]',
    matrix: probabilityMatrix(),
  }));
  writeFileSync(join(outDir, 'catalogue.ts'), catalogueModule(sets.map((s) => s.id)));
  console.log(`wrote ${sets.length} value sets to ${outDir} from ${sourceDir}`);
}

function formatJson(value: unknown): string {
  // one number per line would make 3125-entry tables unreadable: keep arrays of numbers on one line
  return JSON.stringify(value, null, 2).replace(/\[\s+(-?[\d.e-]+(?:,\s+-?[\d.e-]+)*)\s+\]/g, (_m, body: string) =>
    `[${body.replace(/,\s+/g, ', ')}]`) + '\n';
}

function catalogueModule(ids: string[]): string {
  const name = (i: number) => `set${i}`;
  return [
    '// GENERATED by scripts/eq5d/build-value-sets.ts — do not edit by hand.',
    '// Every value-set JSON file in this folder, in catalogue order.',
    ...ids.map((id, i) => `import ${name(i)} from './${id}.json';`),
    '',
    'export const valueSetFiles: readonly unknown[] = [',
    ...ids.map((_id, i) => `  ${name(i)},`),
    '];',
    '',
  ].join('\n');
}

main();
