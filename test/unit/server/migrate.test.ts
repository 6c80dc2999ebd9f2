import { mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/connection';
import { MIGRATIONS_DIR, migrate } from '../../../server/db/migrate';

const dir = mkdtempSync(path.join(tmpdir(), 'ips-trial-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('server/db/migrate', () => {
  it('applies every migration once, in order, with WAL, FULL sync and foreign keys on', () => {
    const db = openDatabase(path.join(dir, 'a.db'));
    const applied = migrate(db);
    expect(applied[0]).toBe('0001-create-users.sql');
    expect(applied).toEqual([...applied].sort());
    expect(migrate(db)).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('stops when an applied migration was edited', () => {
    const migrations = path.join(dir, 'migrations');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    const db = openDatabase(path.join(dir, 'b.db'));
    migrate(db, migrations);
    writeFileSync(path.join(migrations, '0005-create-app-settings.sql'), '-- edited\nCREATE TABLE x (a INTEGER);\n');
    expect(() => migrate(db, migrations)).toThrow(/0005-create-app-settings.sql was edited/);
    db.close();
  });

  it('rolls back a failing migration and records nothing for it', () => {
    const migrations = path.join(dir, 'broken');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    writeFileSync(path.join(migrations, '0099-broken.sql'), 'CREATE TABLE half_done (a INTEGER);\nTHIS IS NOT SQL;\n');
    const db = openDatabase(path.join(dir, 'c.db'));
    expect(() => migrate(db, migrations)).toThrow();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations WHERE version = 99').get()).toEqual({ n: 0 });
    db.close();
  });
});
