import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection';
import { MIGRATIONS_DIR, migrate } from '../../server/db/migrate';

const dir = mkdtempSync(path.join(tmpdir(), 'ips-trial-0022-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations before `version`, to build a database as it was then. */
function migrationsBefore(version: number): string {
  const target = path.join(dir, `before-${version}`);
  cpSync(MIGRATIONS_DIR, target, { recursive: true, filter: (src) => src === MIGRATIONS_DIR || Number(path.basename(src).slice(0, 4)) < version });
  return target;
}

describe('migration 0022-add-response-answered-on', () => {
  it('dates every earlier response by its completion, else its last save', () => {
    const db = openDatabase(path.join(dir, 'trial.db'));
    const before = migrationsBefore(22);
    expect(readdirSync(before).some((f) => f.startsWith('0022'))).toBe(false);
    migrate(db, before);
    const now = '2026-02-03T23:30:00.000Z';
    db.prepare("INSERT INTO sites (code, name, region, places_min, places_max, created_at, updated_at) VALUES ('TST-A', 'A', 'R', 0, 1, ?, ?)").run(now, now);
    db.prepare("INSERT INTO participants (study_id, site_id, site_sequence, referral_source, referral_date, on_waiting_list, referral_json, coach_id, created_at, updated_at) VALUES ('TST-A-0001', 1, 1, 'psychiatry', '2026-01-10', 0, '{}', NULL, ?, ?)").run(now, now);
    const insert = db.prepare("INSERT INTO responses (client_uuid, participant_id, timepoint, form, answers_json, revision, complete, scores_json, source, created_at, updated_at, completed_at) VALUES (?, 1, 0, ?, '{}', 1, ?, NULL, 'staff', ?, ?, ?)");
    insert.run('00000000-0000-4000-8000-000000000001', 'gse', 1, '2026-01-20T08:00:00.000Z', '2026-01-25T08:00:00.000Z', '2026-01-21T09:00:00.000Z');
    insert.run('00000000-0000-4000-8000-000000000002', 'eq5d5l', 0, '2026-01-20T08:00:00.000Z', '2026-01-22T10:00:00.000Z', null);
    migrate(db);
    const rows = db.prepare('SELECT form, answered_on FROM responses ORDER BY id').all();
    expect(rows).toEqual([{ form: 'gse', answered_on: '2026-01-21' }, { form: 'eq5d5l', answered_on: '2026-01-22' }]);
    expect(() => db.prepare("UPDATE responses SET answered_on = 'yesterday' WHERE id = 1").run()).toThrow(/CHECK/);
    db.close();
  });
});
