/**
 * The demo study is plausible (issue 11 pt 10), checked on a freshly seeded
 * demo database with plain SQL: working-age birth years with many under 30,
 * a realistic sex mix in each arm, home municipalities of the sites' län,
 * no answer, time log or episode after a withdrawal, follow-up answers spread
 * around their target days (inside the window), some paper forms keyed in by
 * staff, and a few open data queries on records that exist.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMunicipality } from '../../../data-dictionary/municipalities';
import type { Db } from '../../../server/db/connection';
import { openTrialDatabase } from '../../../server/db/open';
import { DEMO_PASSWORD, seedDemo } from '../../../server/demo/index';
import { silentLogger } from '../../../server/log';
import { dataQueryTargetProblems } from '../../../server/services/data-query-target';
import { hashPassword } from '../../../server/services/passwords';
import { makeTempDir, testConfig } from '../server-core/harness';

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

describe('demo study: plausible data', () => {
  let dir: string;
  let db: Db;
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

  beforeAll(async () => {
    dir = makeTempDir();
    const config = testConfig(dir, { demo: true });
    db = openTrialDatabase(config);
    seedDemo(db, config, silentLogger(), await hashPassword(DEMO_PASSWORD, config.passwordCost));
  }, 120_000);
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const baselines = () => all<{ participant_id: number; arm: string; answered_on: string; birth_year: number; sex: string; municipality: string; site: string }>(
    `SELECT r.participant_id, a.arm, r.answered_on, json_extract(r.answers_json, '$.birth_year') AS birth_year, json_extract(r.answers_json, '$.sex') AS sex,
       json_extract(r.answers_json, '$.municipality') AS municipality, s.code AS site
     FROM responses r JOIN allocations a ON a.participant_id = r.participant_id JOIN participants p ON p.id = r.participant_id JOIN sites s ON s.id = p.site_id
     WHERE r.form = 'baseline' AND r.complete = 1`);

  it('has working-age participants, many of them under 30, and nobody born in the 1940s', () => {
    const rows = baselines();
    expect(rows.length).toBeGreaterThan(100);
    const ages = rows.map((r) => Number(r.answered_on.slice(0, 4)) - r.birth_year);
    for (const age of ages) {
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(65);
    }
    const under30 = ages.filter((a) => a < 30).length / ages.length;
    expect(under30).toBeGreaterThanOrEqual(0.25);
    expect(under30).toBeLessThanOrEqual(0.6);
    expect(rows.filter((r) => r.birth_year < 1955)).toEqual([]);
    expect(new Set(ages).size).toBeGreaterThan(20);
  });

  it('has a realistic sex mix in each arm: women and men, and "other" rarely', () => {
    for (const arm of ['ips', 'control']) {
      const rows = baselines().filter((r) => r.arm === arm);
      expect(rows.length, arm).toBeGreaterThan(40);
      const share = (sex: string) => rows.filter((r) => r.sex === sex).length / rows.length;
      expect(share('female'), arm).toBeGreaterThan(0.3);
      expect(share('male'), arm).toBeGreaterThan(0.3);
      expect(share('other'), arm).toBeLessThanOrEqual(0.06);
    }
  });

  it('gives every participant a coded home municipality in Örebro län, the demo sites\' län', () => {
    for (const r of baselines()) {
      const m = findMunicipality(r.municipality);
      expect(m, `${r.participant_id}: ${r.municipality}`).toBeDefined();
      expect(m!.country).toBe('SE');
      expect(m!.county).toBe('18');
    }
    expect(new Set(baselines().map((r) => r.municipality)).size).toBeGreaterThan(5);
  });

  it('has no answer, time log or episode dated after a withdrawal', () => {
    const withdrawals = all<{ participant_id: number; withdrawal_date: string }>('SELECT participant_id, withdrawal_date FROM withdrawals');
    expect(withdrawals.length).toBeGreaterThanOrEqual(2);
    for (const w of withdrawals) {
      expect(all('SELECT id FROM responses WHERE participant_id = ? AND answered_on > ?', w.participant_id, w.withdrawal_date)).toEqual([]);
      expect(all('SELECT id FROM time_logs WHERE participant_id = ? AND log_date > ?', w.participant_id, w.withdrawal_date)).toEqual([]);
      expect(all('SELECT id FROM employment_episodes WHERE participant_id = ? AND episode_start_date > ?', w.participant_id, w.withdrawal_date)).toEqual([]);
    }
  });

  it('spreads follow-up answers around their target days, inside the window', () => {
    const rows = all<{ answered_on: string; target_date: string; window_start: string; window_end: string; out_of_window_reason: string | null }>(
      `SELECT r.answered_on, a.target_date, a.window_start, a.window_end, r.out_of_window_reason FROM responses r
       JOIN assessments a ON a.participant_id = r.participant_id AND a.timepoint = r.timepoint
       WHERE r.timepoint > 0 AND r.complete = 1 AND r.form = 'eq5d5l'`);
    expect(rows.length).toBeGreaterThan(200);
    const offsets = rows.map((r) => days(r.target_date, r.answered_on));
    const mean = offsets.reduce((a, b) => a + b, 0) / offsets.length;
    const sd = Math.sqrt(offsets.reduce((a, b) => a + (b - mean) ** 2, 0) / (offsets.length - 1));
    expect(Math.abs(mean)).toBeLessThan(10);
    expect(sd).toBeGreaterThan(5);
    expect(offsets.filter((d) => d < 0).length).toBeGreaterThan(rows.length / 10);
    expect(offsets.filter((d) => d > 0).length).toBeGreaterThan(rows.length / 10);
    for (const r of rows) if (r.out_of_window_reason === null) expect(r.answered_on >= r.window_start && r.answered_on <= r.window_end, JSON.stringify(r)).toBe(true);
  });

  it('has some paper questionnaires keyed in by staff among the follow-ups, most from the tablet', () => {
    const counts = all<{ source: string; n: number }>("SELECT source, count(*) AS n FROM responses WHERE timepoint > 0 AND complete = 1 GROUP BY source");
    const bySource = Object.fromEntries(counts.map((c) => [c.source, c.n]));
    expect(bySource.staff).toBeGreaterThan(10);
    expect(bySource.tablet).toBeGreaterThan(bySource.staff);
  });

  it('has a few open data queries, and an answered and a closed one, each on a record that exists', () => {
    const queries = all<{ id: number; participant_id: number; study_id: string; record_kind: string; form: string | null; timepoint: number | null; record_id: number | null; field_name: string; state: string }>(
      'SELECT q.id, q.participant_id, p.study_id, q.record_kind, q.form, q.timepoint, q.record_id, q.field_name, q.state FROM data_queries q JOIN participants p ON p.id = q.participant_id');
    const byState = (state: string) => queries.filter((q) => q.state === state).length;
    expect(byState('open')).toBeGreaterThanOrEqual(3);
    expect(byState('open')).toBeLessThanOrEqual(10);
    expect(byState('answered')).toBeGreaterThanOrEqual(1);
    expect(byState('closed')).toBeGreaterThanOrEqual(1);
    for (const q of queries) {
      expect(dataQueryTargetProblems(db, q.participant_id, q.study_id, { recordKind: q.record_kind as 'response', form: q.form, timepoint: q.timepoint, recordId: q.record_id, fieldName: q.field_name }), `query ${q.id}`).toEqual([]);
    }
    const steps = all<{ state: string; steps: string }>("SELECT q.state, group_concat(c.step, ',') AS steps FROM data_queries q JOIN data_query_comments c ON c.data_query_id = q.id GROUP BY q.id ORDER BY q.id");
    for (const s of steps) expect(s.steps).toBe({ open: 'open', answered: 'open,answer', closed: 'open,answer,close' }[s.state]);
  });
});
