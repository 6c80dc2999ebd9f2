import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/db/connection';
import { commitTogether } from '../../../server/db/group-commit';
import { makeTempDir } from '../../integration/server-core/harness';

describe('server/db/group-commit', () => {
  let dir: string;
  let db: Db;
  let file: string;
  beforeEach(() => {
    dir = makeTempDir();
    file = path.join(dir, 'g.db');
    db = openDatabase(file);
    db.exec('CREATE TABLE t (v TEXT NOT NULL UNIQUE) STRICT');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const insert = (v: string) => () => db.prepare('INSERT INTO t (v) VALUES (?)').run(v).changes;
  const stored = () => db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all();

  it('runs work queued in the same turn in one transaction, in order, and resolves once it is committed and readable by another connection', async () => {
    const other = openDatabase(file, { readonly: true });
    try {
      const inOneTransaction: boolean[] = [];
      const results = Promise.all(['a', 'b', 'c'].map((v) => commitTogether(db, () => {
        inOneTransaction.push(db.inTransaction);
        return insert(v)();
      })));
      expect(stored()).toEqual([]); // nothing runs before the end of this turn
      expect(await results).toEqual([1, 1, 1]);
      expect(inOneTransaction).toEqual([true, true, true]);
      expect(other.prepare('SELECT v FROM t ORDER BY rowid').pluck().all()).toEqual(['a', 'b', 'c']);
    } finally {
      other.close();
    }
  });

  it('rolls back only the work that throws; the others of the group are kept', async () => {
    const outcomes = await Promise.allSettled([
      commitTogether(db, insert('a')),
      commitTogether(db, () => {
        insert('b')();
        insert('a')(); // unique: throws after b was written in the same savepoint
      }),
      commitTogether(db, insert('c')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(stored()).toEqual(['a', 'c']);
  });

  it('rejects every work of the group, and keeps none, when the transaction as a whole ends', async () => {
    const outcomes = await Promise.allSettled([
      commitTogether(db, insert('a')),
      commitTogether(db, () => {
        db.exec('ROLLBACK'); // as SQLite does itself after a full disk or an I/O error
      }),
      commitTogether(db, insert('c')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(stored()).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('keeps a group that comes later apart from an earlier one', async () => {
    await commitTogether(db, insert('a'));
    await expect(commitTogether(db, insert('a'))).rejects.toThrow(/UNIQUE/);
    expect(await commitTogether(db, insert('b'))).toBe(1);
    expect(stored()).toEqual(['a', 'b']);
  });
});
