/**
 * The demo study has corrections with their history (issue 11: "some paper
 * entries and corrections"), checked on a freshly seeded demo database: two
 * EQ-5D-5L responses (a baseline Mobility, a 6-month EQ VAS) corrected by the
 * trial manager and one time log's minutes corrected by its coach. For each,
 * the stored record holds the corrected value, the correction history holds
 * the earlier one with a reason and who made it, the audit trail has a
 * `correct` entry with that reason, and a corrected EQ-5D's index score is
 * computed again from the corrected answers. Paper forms keyed in by staff
 * are in the demo too.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/connection';
import { openTrialDatabase } from '../../../server/db/open';
import { DEMO_PASSWORD, seedDemo } from '../../../server/demo/index';
import { silentLogger } from '../../../server/log';
import { scoreResponse } from '../../../server/services/response-scores';
import { hashPassword } from '../../../server/services/passwords';
import { correctionsOfRecord } from '../../../server/services/record-corrections';
import { getStudySettings } from '../../../server/services/study-settings';
import { makeTempDir, testConfig } from '../server-core/harness';

describe('demo study: corrections with their history', () => {
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

  const corrected = (kind: string) => all<{ record_id: number }>('SELECT DISTINCT record_id FROM record_corrections WHERE record_kind = ? ORDER BY record_id', kind).map((r) => r.record_id);

  it('has two EQ-5D-5L responses corrected with reasons, the earlier answers kept and the score recomputed', () => {
    const ids = corrected('response');
    expect(ids).toHaveLength(2);
    const rows = ids.map((id) => db.prepare('SELECT id, client_uuid, form, timepoint, answers_json, scores_json FROM responses WHERE id = ?').get(id) as { id: number; client_uuid: string; form: string; timepoint: number; answers_json: string; scores_json: string });
    expect(rows.map((r) => [r.form, r.timepoint])).toEqual(expect.arrayContaining([['eq5d5l', 0], ['eq5d5l', 6]]));
    const valueSet = getStudySettings(db).eq5dValueSetId;
    const fields = new Set<string>();
    for (const row of rows) {
      const history = correctionsOfRecord(db, 'response', row.id);
      expect(history).toHaveLength(1);
      const [c] = history;
      expect(c.action).toBe('correct');
      expect(c.correctedBy).toBe('manager@demo.ips-trial.invalid');
      expect(c.reason.length).toBeGreaterThan(20);
      const answerChanges = Object.entries(c.changes).filter(([k]) => k.startsWith('answers.'));
      expect(answerChanges).toHaveLength(1);
      const [key, change] = answerChanges[0];
      fields.add(key);
      expect(change.before).not.toEqual(change.after);
      const answers = JSON.parse(row.answers_json) as Record<string, number>;
      expect(answers[key.slice('answers.'.length)]).toBe(change.after);
      expect((c.before.answers as Record<string, number>)[key.slice('answers.'.length)]).toBe(change.before);
      // the stored score is that of the corrected answers (an independent call of the scorer on them)
      expect(JSON.parse(row.scores_json)).toEqual(JSON.parse(JSON.stringify(scoreResponse('eq5d5l', answers, valueSet))));
      const audit = all<{ reason: string; actor: string }>("SELECT reason, actor FROM audit_entries WHERE action = 'correct' AND entity = 'response' AND entity_id = ?", row.client_uuid);
      expect(audit).toEqual([{ reason: c.reason, actor: 'manager@demo.ips-trial.invalid' }]);
    }
    expect([...fields].sort()).toEqual(['answers.eq5d_mo', 'answers.eq_vas']);
  });

  it('has one time log whose minutes its coach corrected, with the earlier minutes in the history', () => {
    const ids = corrected('time_log');
    expect(ids).toHaveLength(1);
    const log = db.prepare('SELECT t.minutes, u.email FROM time_logs t JOIN users u ON u.id = t.staff_id WHERE t.id = ?').get(ids[0]) as { minutes: number; email: string };
    const history = correctionsOfRecord(db, 'time_log', ids[0]);
    expect(history).toHaveLength(1);
    expect(history[0].correctedBy).toBe(log.email);
    expect(Object.keys(history[0].changes)).toEqual(['minutes']);
    expect(history[0].changes.minutes.after).toBe(log.minutes);
    expect(history[0].changes.minutes.before).toBe(log.minutes - 15);
    expect(history[0].reason).toContain(`${log.minutes} minutes`);
    expect(all("SELECT 1 FROM audit_entries WHERE action = 'correct' AND entity = 'time_log' AND entity_id = ?", String(ids[0]))).toHaveLength(1);
  });

  it('has paper forms keyed in by staff at follow-up', () => {
    const paper = all<{ n: number }>("SELECT count(*) AS n FROM responses WHERE source = 'staff' AND timepoint > 0 AND complete = 1")[0].n;
    expect(paper).toBeGreaterThan(10);
  });
});
