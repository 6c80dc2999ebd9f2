/** `ips-trial backup`: a checked copy of the live database, with its own audit record. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/connection';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { findSiteByCode } from '../../../server/db/queries/sites';
import { verifyAudit } from '../../../server/services/audit';
import { backupDatabase } from '../../../server/services/backup';
import { createTestServer, type TestServer } from './harness';

describe('server core: backup', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
    await server.as('admin').send('POST', '/api/sites', { code: 'BAK-1', name: 'Säkerhetskopia', region: 'R', places_min: 6 }).expect(201);
  });
  afterAll(() => server?.close());

  it('copies the database while it is open, with the backup recorded in the copy', async () => {
    const target = path.join(server.dir, 'backups', 'copy-1.db');
    const result = await backupDatabase(server.db, { id: null, label: 'test' }, target);
    expect(result.integrity).toBe('ok');
    const copy = openDatabase(target, { readonly: true });
    try {
      expect(findSiteByCode(copy, 'BAK-1')?.name).toBe('Säkerhetskopia');
      expect(findAuditEntries(copy, { action: 'backup' }, 5, 0)).toHaveLength(1);
      expect(verifyAudit(copy)).toMatchObject({ ok: true, lastHash: result.lastAuditHash });
    } finally {
      copy.close();
    }
    await expect(backupDatabase(server.db, { id: null, label: 'test' }, target)).rejects.toThrow(/already exists/);
  });

  it('runs from the command line and refuses to overwrite', () => {
    const target = path.join(server.dir, 'backups', 'copy-cli.db');
    const run = () =>
      spawnSync(process.execPath, [path.resolve('bin/ips-trial.js'), 'backup', '--db', server.config.dbFile, '--to', target], { encoding: 'utf8', timeout: 180_000 });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/integrity: ok; audit trail intact/);
    const second = run();
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/already exists/);
  }, 300_000);
});
