/**
 * The database file, its -wal and -shm companions and backup copies are
 * readable by their owner only (mode 0600), whatever the umask; an existing
 * database made readable by others is narrowed when opened for writing.
 */
import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/connection';
import { openMigratedDatabase } from '../../../server/db/open';
import { cliActor } from '../../../server/services/audit';
import { backupDatabase } from '../../../server/services/backup';
import { createSite } from '../../../server/services/sites';
import { makeTempDir } from './harness';

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('server core: file modes', () => {
  let dir: string;
  let previousUmask: number;
  beforeEach(() => {
    dir = makeTempDir();
    previousUmask = process.umask(0o022); // the usual default: new files 0644 unless asked otherwise
  });
  afterEach(() => {
    process.umask(previousUmask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database, -wal and -shm with mode 0600', () => {
    const file = path.join(dir, 'trial.db');
    const db = openMigratedDatabase(file);
    try {
      createSite(db, cliActor(), { code: 'TST-A', name: 'A', region: 'R', places_min: 4 });
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(f), f).toBe(true);
        expect(modeOf(f).toString(8), f).toBe('600');
      }
    } finally {
      db.close();
    }
  });

  it('narrows an existing database readable by others to 0600', () => {
    const file = path.join(dir, 'old.db');
    openDatabase(file).close();
    chmodSync(file, 0o644);
    openDatabase(file).close();
    expect(modeOf(file).toString(8)).toBe('600');
  });

  it('writes backup copies with mode 0600', async () => {
    const db = openMigratedDatabase(path.join(dir, 'trial.db'));
    try {
      const result = await backupDatabase(db, cliActor(), path.join(dir, 'backups', 'copy.db'));
      expect(result.integrity).toBe('ok');
      expect(modeOf(result.file).toString(8)).toBe('600');
    } finally {
      db.close();
    }
  });
});
