import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const run = (...args: string[]) => spawnSync('node', ['bin/ips-trial.js', 'dictionary', ...args], { cwd: root, encoding: 'utf8' });

describe('ips-trial dictionary', () => {
  it('prints the REDCap data dictionary with its header, and imports it back into form files', () => {
    const out = execFileSync('node', ['bin/ips-trial.js', 'dictionary', '--format', 'redcap'], { cwd: root, encoding: 'utf8' });
    expect(out.split('\n')[0]).toBe(
      'Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"Choices, Calculations, OR Slider Labels",'
      + 'Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,'
      + 'Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),'
      + 'Matrix Group Name,Matrix Ranking?,Field Annotation');
    const dir = mkdtempSync(join(tmpdir(), 'dictionary-'));
    writeFileSync(join(dir, 'redcap.csv'), out);
    const imported = run('import', join(dir, 'redcap.csv'), '--out', join(dir, 'forms'));
    expect(imported.status).toBe(0);
    expect(readdirSync(join(dir, 'forms'))).toContain('gse.json');
    expect(readFileSync(join(dir, 'forms', 'gse.json'), 'utf8')).toBe(readFileSync(join(root, 'data-dictionary/forms/gse.json'), 'utf8'));
  });

  it('prints JSON and a Markdown codebook with the EQ-5D licence note', () => {
    const json = JSON.parse(run('--format', 'json').stdout) as { forms: { name: string }[] };
    expect(json.forms.map((f) => f.name)).toEqual(expect.arrayContaining(['eq5d5l', 'eq5d3l', 'gse', 'service_use', 'fidelity_review']));
    const markdown = run('--format', 'markdown', '--lang', 'da').stdout;
    expect(markdown).toContain('not the official EuroQol');
    expect(markdown).toContain('| `gse_01` | GSE-udsagn 1 af 10<br>*GSE statement 1 of 10* | choice |');
  });

  it('fails with a message naming row and column for a malformed file, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dictionary-'));
    writeFileSync(join(dir, 'bad.csv'), 'Variable / Field Name,Form,Section Header\n');
    const result = run('import', join(dir, 'bad.csv'), '--out', join(dir, 'forms'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("row 1, column 'Form Name': column 2 is 'Form', expected 'Form Name'");
    expect(readdirSync(dir)).toEqual(['bad.csv']);
  });

  it('rejects an unknown format and a licensed-wording file naming an unknown field', () => {
    expect(run('--format', 'xml').stderr).toContain('--format must be one of redcap, json, markdown');
    const dir = mkdtempSync(join(tmpdir(), 'dictionary-'));
    writeFileSync(join(dir, 'w.json'), JSON.stringify({ source: 'test', forms: { eq5d5l: { fields: { nope: {} } } } }));
    const result = run('--licensed-wording', join(dir, 'w.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('forms.eq5d5l.fields.nope: unknown field of eq5d5l');
  });
});
