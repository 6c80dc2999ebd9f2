import { describe, expect, it } from 'vitest';
import { exportFileSpecs, exportForms } from '../../../server/export/export-variables';
import { loadRScript } from '../../../server/export/load-r';
import { loadSpssScript } from '../../../server/export/load-spss';
import { loadStataScript } from '../../../server/export/load-stata';
import { EXPORTED_COLUMNS } from '../../../server/export/export-columns';
import { redcapCsv } from '../../../data-dictionary/generate/redcap-export';
import { importRedcap } from '../../../data-dictionary/generate/redcap-import';

const specs = exportFileSpecs('eq5d5l');
const variables = specs.flatMap((s) => s.variables.map((v) => ({ spec: s, v })));

describe('server/export label scripts', () => {
  it('describe exactly the columns the export writes, in order', () => {
    for (const [name, columns] of Object.entries(EXPORTED_COLUMNS)) {
      expect(specs.find((s) => s.file === `${name}.csv`)?.variables.map((v) => v.name)).toEqual([...columns]);
    }
  });

  it('load.R reads every file by a quoted path and labels every variable and every choice', () => {
    const r = loadRScript(specs);
    for (const spec of specs) expect(r).toContain(`file.path(ips_dir, "${spec.file}")`);
    for (const { spec, v } of variables) {
      const line = r.split('\n').find((l) => l.startsWith(`${spec.dataset}$${v.name} <- ips_label(`));
      expect(line, `${spec.file} ${v.name}`).toBeDefined();
      expect(line).toContain(JSON.stringify(v.labels.en));
      for (const c of v.choices ?? []) expect(line).toContain(`${JSON.stringify(c.labels.en)} = ${typeof c.code === 'number' ? `${c.code}L` : JSON.stringify(c.code)}`);
    }
    // balanced quotes and parentheses on every line
    for (const line of r.split('\n')) expect((line.match(/(?<!\\)"/g) ?? []).length % 2, line).toBe(0);
  });

  it('load.do imports every file by a quoted path and labels every variable and every choice', () => {
    const stata = loadStataScript(specs);
    for (const spec of specs) {
      expect(stata).toContain(`import delimited using "${spec.file}"`);
      expect(stata).toContain(`save "${spec.dataset}.dta", replace`);
    }
    for (const { spec, v } of variables) {
      expect(stata, v.name).toMatch(new RegExp(`^label variable ${v.name} \`"`, 'm'));
      if (v.choices) {
        const define = stata.split('\n').find((l) => l.startsWith(`label define ${spec.dataset}_${v.name} `))!;
        for (const c of v.choices) expect(define, `${v.name} ${c.code}`).toContain(`\`"${c.labels.en}"'`);
      }
    }
    for (const line of stata.split('\n').filter((l) => l.startsWith('label variable'))) expect(line.length).toBeLessThan(140);
  });

  it('load.sps reads every file by a quoted path and labels every variable and every choice', () => {
    const sps = loadSpssScript(specs);
    for (const spec of specs) {
      expect(sps).toContain(`/FILE='${spec.file}'`);
      expect(sps).toContain(`SAVE OUTFILE='${spec.dataset}.sav'.`);
    }
    const blocks = sps.split(/^GET DATA$/m).slice(1);
    for (const { spec, v } of variables) {
      const block = blocks[specs.indexOf(spec)];
      expect(block, v.name).toMatch(new RegExp(`^  /?${v.name} '${v.labels.en.replace(/[()]/g, '.')}'`, 'm'));
      if (v.choices) {
        const valueLabels = block.slice(block.indexOf('VALUE LABELS'));
        const line = valueLabels.split('\n').find((l) => new RegExp(`^  /?${v.name} [0-9']`).test(l))!;
        for (const c of v.choices) expect(line, `${v.name} ${c.code}`).toContain(`${typeof c.code === 'number' ? c.code : `'${c.code}'`} '${c.labels.en.replace(/'/g, "''")}'`);
      }
    }
    // every command ends with a period: each GET DATA block closes its variable list
    expect(sps.match(/^GET DATA$/gm)).toHaveLength(specs.length);
    expect(sps.match(/^DATASET NAME /gm)).toHaveLength(specs.length);
  });

  it('data_dictionary.csv is a REDCap dictionary the project reads back with every exported variable', () => {
    const { forms } = importRedcap(redcapCsv(exportForms(specs)));
    const names = new Set(forms.flatMap((f) => f.fields.map((x) => x.name)));
    for (const { v } of variables) if (v.name !== 'pid') expect(names.has(v.name), v.name).toBe(true);
  });
});
