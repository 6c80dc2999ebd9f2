import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoTrial } from '../../../analysis/demo';
import { writeDatasetFolder } from '../../../server/dataset/write-dataset';

const CONTRACT_HEADERS: Record<string, string> = {
  'participants.csv': 'pid,arm,site,sex,age_band,withdrawn_day',
  'assessments.csv':
    'pid,timepoint,day,eq5d_mo,eq5d_sc,eq5d_ua,eq5d_pd,eq5d_ad,eq_vas,gse_01,gse_02,gse_03,gse_04,gse_05,gse_06,gse_07,gse_08,gse_09,gse_10,su_complete',
  'service_use.csv': 'pid,timepoint,item,quantity',
  'employment.csv': 'pid,type,start_day,end_day,hours_per_week',
  'timelogs.csv': 'pid,day,role,activity,minutes',
  'unit_costs.csv': 'item,unit_cost',
};

describe('server/dataset/write-dataset (demo trial folder)', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('writes every contract file with the contract header and one row per generated row', () => {
    const dataset = generateDemoTrial({ participants: 60, seed: 2 });
    const dir = tempDir();
    writeDatasetFolder(dir, dataset);
    expect(readdirSync(dir).sort()).toEqual([...Object.keys(CONTRACT_HEADERS), 'settings.json'].sort());
    for (const [file, header] of Object.entries(CONTRACT_HEADERS)) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.split('\n')[0]).toBe(header);
    }
    const participants = parse(readFileSync(join(dir, 'participants.csv')), { columns: true }) as Record<string, string>[];
    expect(participants).toHaveLength(60);
    const withdrawn = dataset.participants.find((p) => p.withdrawn_day === null)!;
    expect(participants.find((p) => p.pid === withdrawn.pid)!.withdrawn_day).toBe('');
    const assessments = parse(readFileSync(join(dir, 'assessments.csv')), { columns: true }) as Record<string, string>[];
    expect(assessments).toHaveLength(dataset.assessments.length);
    expect(assessments[0].gse_10).toBe(String(dataset.assessments[0].gse[9] ?? ''));
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual(dataset.settings);
  });

  it('refuses to overwrite a dataset already in the folder and leaves it untouched', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'participants.csv'), 'kept\n');
    expect(() => writeDatasetFolder(dir, generateDemoTrial({ participants: 10 }))).toThrow(/already holds participants.csv/);
    expect(readFileSync(join(dir, 'participants.csv'), 'utf8')).toBe('kept\n');
    expect(readdirSync(dir)).toEqual(['participants.csv']);
  });
});
