import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPRESSED_SITE } from '../../../server/export/k-anonymity';
import { runExport } from '../../../server/services/exports';
import { cliActor } from '../../../server/services/audit';
import { createTestServer, type TestServer } from '../server-core/harness';
import { dateNeedles, findNeedles, identifierNeedles, makeStudy } from './study';

const OPTIONS = [
  { pidMode: 'keyed', k: 1 },
  { pidMode: 'keyed', k: 5 },
  { pidMode: 'fresh', k: 5 },
  { pidMode: 'fresh', k: 11 },
] as const;

describe('export: no identifier leaves', () => {
  let server: TestServer;
  let needles: string[];
  beforeAll(async () => {
    server = await createTestServer();
    await makeStudy(server, 150, 7, { withdrawalDataUse: 'collected_only' });
    needles = [...identifierNeedles(server), ...dateNeedles(server.db)];
  }, 60_000);
  afterAll(() => server?.close());

  it('knows what to look for (the needles are real)', () => {
    expect(needles.length).toBeGreaterThan(150 * 8);
    expect(needles.some((n) => /^\d{8}-\d{4}$/.test(n))).toBe(true);
    expect(needles.some((n) => /^\d{4}-\d{2}-\d{2}$/.test(n))).toBe(true);
    // and the search finds them when they are there
    const control = join(server.dir, 'control');
    mkdirSync(control);
    const row = server.db.prepare('SELECT referral_date, study_id FROM participants LIMIT 1').get() as { referral_date: string; study_id: string };
    writeFileSync(join(control, 'leak.csv'), `x,${row.referral_date.replace(/-/g, '')},${needles[1].toUpperCase()}\n`);
    expect(findNeedles(control, needles).map(([, n]) => n)).toEqual(expect.arrayContaining([row.referral_date.replace(/-/g, ''), needles[1]]));
  });

  it.each(OPTIONS)('finds no identifier and no date in any exported byte (pid mode $pidMode, k $k)', (options) => {
    const dir = join(server.dir, `export-${options.pidMode}-${options.k}`);
    runExport(server.db, server.config, cliActor(), dir, options);
    expect(findNeedles(dir, needles)).toEqual([]);
  });

  it.each(OPTIONS)('keeps k-anonymity over site, sex and age band (pid mode $pidMode, k $k)', (options) => {
    const dir = join(server.dir, `export-${options.pidMode}-${options.k}`);
    const rows = parse(readFileSync(join(dir, 'participants.csv')), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(151); // 150 generated + 1 randomized through the API; the referred-only one is not there
    const classes = new Map<string, number>();
    for (const r of rows) classes.set(`${r.site}|${r.sex}|${r.age_band}`, (classes.get(`${r.site}|${r.sex}|${r.age_band}`) ?? 0) + 1);
    expect([...classes].filter(([, n]) => n < options.k)).toEqual([]);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(`k = ${options.k}`);
    if (rows.some((r) => r.site === SUPPRESSED_SITE)) expect(readme).toContain(`Site written as "${SUPPRESSED_SITE}"`);
  });

  it('gives the same person the same pid in keyed exports and new pids in fresh ones', () => {
    const pids = (name: string) => (parse(readFileSync(join(server.dir, name, 'participants.csv')), { columns: true }) as { pid: string }[]).map((r) => r.pid);
    expect(pids('export-keyed-1')).toEqual(pids('export-keyed-5'));
    const fresh = new Set(pids('export-fresh-5'));
    expect(pids('export-keyed-5').filter((p) => fresh.has(p))).toEqual([]);
    expect(pids('export-fresh-11').filter((p) => fresh.has(p))).toEqual([]);
    expect(new Set(pids('export-fresh-5')).size).toBe(151);
  });

  it('records every export in the audit trail with options, row counts and the SHA-256 of each file', () => {
    const entries = server.db.prepare("SELECT after_json FROM audit_entries WHERE action = 'export' ORDER BY id").all() as { after_json: string }[];
    expect(entries).toHaveLength(OPTIONS.length);
    const last = JSON.parse(entries.at(-1)!.after_json);
    expect(last.options).toMatchObject({ pidMode: 'fresh', k: 11 });
    const dir = join(server.dir, 'export-fresh-11');
    const participants = last.files.find((f: { name: string }) => f.name === 'participants.csv');
    expect(participants.rows).toBe(151);
    for (const file of last.files as { name: string; sha256: string }[]) {
      expect(createHash('sha256').update(readFileSync(join(dir, file.name))).digest('hex'), file.name).toBe(file.sha256);
    }
  });

  it('leaves out rows dated after a withdrawal that allows only data collected until then', () => {
    const dir = join(server.dir, 'export-keyed-5');
    const participants = parse(readFileSync(join(dir, 'participants.csv')), { columns: true }) as Record<string, string>[];
    const withdrawn = new Map(participants.filter((p) => p.withdrawn_day !== '').map((p) => [p.pid, Number(p.withdrawn_day)]));
    expect(withdrawn.size).toBeGreaterThan(0);
    const logs = parse(readFileSync(join(dir, 'timelogs.csv')), { columns: true }) as Record<string, string>[];
    expect(logs.filter((l) => withdrawn.has(l.pid) && Number(l.day) > withdrawn.get(l.pid)!)).toEqual([]);
    expect(logs.length).toBeGreaterThan(0);
  });
});
