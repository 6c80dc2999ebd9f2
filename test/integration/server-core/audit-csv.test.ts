/**
 * The audit-trail download (GET /api/audit.csv) is safe to open in a
 * spreadsheet: free text stored verbatim in an entry (here the reason for a
 * change) that Excel or LibreOffice would read as a formula comes out with a
 * leading single quote, in double quotes; numbers stay numbers. The entries
 * themselves, GET /api/audit and the hash chain (API and `ips-trial audit
 * verify`) are untouched.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { recordAudit } from '../../../server/services/audit';
import { register, registration } from '../operations/fixtures';
import { createTestServer, type TestServer } from './harness';

const HYPERLINK = '=HYPERLINK("http://example.invalid","x")';
const ARITHMETIC = '-2+3';

describe('audit trail download for spreadsheets', () => {
  let server: TestServer;
  let studyId: string;
  let csv: string;
  let rows: Record<string, string>[];

  beforeAll(async () => {
    server = await createTestServer();
    studyId = await register(server, 'TST-A', 7);
    const identity = registration('TST-A', 7).identity;
    const tm = server.as('trial_manager');
    for (const [phone, reason] of [['070-000 00 71', HYPERLINK], ['070-000 00 72', ARITHMETIC]]) {
      const res = await tm.send('PUT', `/api/participants/${studyId}/identifiers`, { identity: { ...identity, person_phone: phone }, reason });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    recordAudit(server.db, { actor: { id: null, label: 'test' }, action: 'update', entity: 'balance_test', entityId: -1234.5, reason: '@SUM(1+1)' });
    const download = await server.as('data_monitor').get('/api/audit.csv');
    expect(download.status).toBe(200);
    csv = download.text;
    rows = parse(csv, { columns: true }) as Record<string, string>[];
  }, 60_000);
  afterAll(() => server?.close());

  it('writes a reason that reads as a formula as quoted text with a leading single quote', () => {
    const reasons = rows.filter((r) => r.entity === 'participant_identifiers').map((r) => r.reason);
    expect(reasons).toEqual(expect.arrayContaining([`'${HYPERLINK}`, `'${ARITHMETIC}`]));
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""x"")"`);
    expect(csv).toContain(`"'-2+3"`);
    expect(rows.find((r) => r.entity === 'balance_test')?.reason).toBe("'@SUM(1+1)");
  });

  it('leaves numbers as numbers, a negative one included', () => {
    const line = csv.split('\n').find((l) => l.includes(',balance_test,'))!;
    expect(line).toMatch(/,update,balance_test,-1234\.5,/);
    for (const row of rows) expect(row.id).toMatch(/^\d+$/);
  });

  it('has no cell a spreadsheet would take for a formula', () => {
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(/^[=+\-@\t\r\0]/.test(cell) && !Number.isFinite(Number(cell)), cell).toBe(false);
    }
  });

  it('keeps the entries verbatim: the API, the stored rows and the hash chain', async () => {
    const api = await server.as('data_monitor').get('/api/audit?entity=participant_identifiers&limit=500');
    expect(api.body.entries.map((e: { reason: string }) => e.reason)).toEqual(expect.arrayContaining([HYPERLINK, ARITHMETIC]));
    expect(findAuditEntries(server.db, { entity: 'balance_test' }, 1, 0)[0]).toMatchObject({ entity_id: '-1234.5', reason: '@SUM(1+1)' });
    expect((await server.as('admin').get('/api/audit/verify')).body.ok).toBe(true);
    const cli = spawnSync(process.execPath, [path.resolve('bin/ips-trial.js'), 'audit', 'verify', '--db', server.config.dbFile], { encoding: 'utf8', timeout: 180_000 });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/^audit trail intact: \d+ entries/);
  });
});
