/**
 * Text that could break the audit chain or disguise what was entered is
 * refused before anything is hashed or stored: a lone surrogate, NUL, other
 * control characters and bidi overrides in a reason, a name or a field name
 * each get a 400 naming the field, nothing changes, and the chain still
 * verifies. Line breaks stay allowed in free text (a reason, notes) and are
 * refused in one-line fields. Verification lists every broken entry.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAuditEntries, findAuditEntries } from '../../../server/db/queries/audit-entries';
import { listSites } from '../../../server/db/queries/sites';
import { verifyAudit } from '../../../server/services/audit';
import { register } from '../operations/fixtures';
import { createTestServer, type TestServer } from './harness';

const CLI = path.resolve('bin/ips-trial.js');

describe('server core: hostile text', () => {
  let server: TestServer;
  let studyId: string;
  let snapshot: () => string;
  beforeEach(async () => {
    server = await createTestServer();
    studyId = await register(server, 'TST-A', 1);
    snapshot = () => JSON.stringify({ audit: countAuditEntries(server.db, {}), sites: listSites(server.db), participant: server.db.prepare('SELECT * FROM participants').all() });
  });
  afterEach(() => server?.close());

  async function expectFieldRefused(method: 'PATCH' | 'POST', url: string, body: unknown, field: string) {
    const before = snapshot();
    const res = await server.as('trial_manager').send(method, url, body);
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(snapshot()).toBe(before);
    return res.body.error.fields.find((f: { field: string }) => f.field === field).message as string;
  }

  it('refuses a lone surrogate in a reason with 400 naming the field, stores nothing, and the chain still verifies', async () => {
    const message = await expectFieldRefused('PATCH', `/api/participants/${studyId}`, { coach_id: null, reason: 'typo \ud800 on paper' }, 'reason');
    expect(message).toMatch(/reason contains a lone surrogate/);
    expect(verifyAudit(server.db).ok).toBe(true);
    const cli = spawnSync(process.execPath, [CLI, 'audit', 'verify', '--db', server.config.dbFile], { encoding: 'utf8', timeout: 180_000 });
    expect(cli.status, cli.stderr).toBe(0);
  }, 300_000);

  it('refuses NUL, control and bidi-override characters in a name, naming the field', async () => {
    for (const name of ['Testenhet\u0000B', 'Testenhet\u0007B', 'Testenhet\u0085B', 'Testenhet \u202Eevil', 'Testenhet \u2066B\u2069', 'low \udc00 half']) {
      await expectFieldRefused('PATCH', '/api/sites/TST-B', { name }, 'name');
    }
    expect(verifyAudit(server.db).ok).toBe(true);
  });

  it('names the nested field and refuses a field name with a refused character', async () => {
    await expectFieldRefused('PATCH', `/api/participants/${studyId}`, { referral: { referral_source_other: 'x\u202Ey' }, reason: 'r' }, 'referral.referral_source_other');
    const res = await server.as('trial_manager').send('PATCH', '/api/sites/TST-B', { ['na\u0000me']: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/field name .* NUL/);
  });

  it('keeps line breaks in a free-text reason, refuses them in a one-line name', async () => {
    await expectFieldRefused('PATCH', '/api/sites/TST-B', { name: 'Testenhet\nB' }, 'name');
    const ok = await server.as('trial_manager').send('PATCH', `/api/participants/${studyId}`, { coach_id: server.ids.coach, reason: 'two lines:\n\tcoach assigned at the meeting' });
    expect(ok.status, ok.text).toBe(200);
    const [entry] = findAuditEntries(server.db, { entity: 'participant', action: 'update' }, 1, 0);
    expect(entry.reason).toBe('two lines:\n\tcoach assigned at the meeting');
    expect(verifyAudit(server.db).ok).toBe(true);
  });

  it('keeps accented letters, emoji (surrogate pairs) and right-to-left scripts', async () => {
    const name = 'Åre vårdcentral 🙂 مركز';
    const res = await server.as('trial_manager').send('PATCH', '/api/sites/TST-B', { name });
    expect(res.status, res.text).toBe(200);
    expect(listSites(server.db).find((s) => s.code === 'TST-B')!.name).toBe(name);
    expect(verifyAudit(server.db).ok).toBe(true);
  });

  it('lists every tampered entry, through the service and the command line', () => {
    server.db.exec('DROP TRIGGER audit_entries_no_update');
    const ids = findAuditEntries(server.db, {}, 1000, 0).map((e) => e.id).sort((a, b) => a - b);
    const [first, second] = [ids[1], ids[ids.length - 2]];
    const tamper = server.db.prepare("UPDATE audit_entries SET actor = 'someone else' WHERE id = ?");
    tamper.run(first);
    tamper.run(second);
    const verdict = verifyAudit(server.db);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.breaks.map((b) => [b.at, b.problem])).toEqual([
      [first, 'altered'],
      [second, 'altered'],
    ]);
    const cli = spawnSync(process.execPath, [CLI, 'audit', 'verify', '--db', server.config.dbFile], { encoding: 'utf8', timeout: 180_000 });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`entry ${first} was altered`);
    expect(cli.stderr).toContain(`entry ${second} was altered`);
  }, 300_000);
});
