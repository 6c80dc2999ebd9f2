/**
 * The audit trail: changes are recorded with before/after values inside the
 * same transaction, the table refuses UPDATE and DELETE, and verification
 * names the first broken link when a row is altered, removed (in the middle
 * or at the end) or inserted, whether checked through the API or with
 * `ips-trial audit verify`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAuditEntries } from '../../../server/db/queries/audit-entries';
import { recordAudit, requireReasonForChange, verifyAudit } from '../../../server/services/audit';
import { hashAuditEntry } from '../../../server/services/audit-chain';
import { inTransaction } from '../../../server/db/transaction';
import { createTestServer, type TestServer } from './harness';

const CLI = path.resolve('bin/ips-trial.js');

function auditVerifyCli(dbFile: string) {
  return spawnSync(process.execPath, [CLI, 'audit', 'verify', '--db', dbFile], { encoding: 'utf8', timeout: 180_000 });
}

describe('server core: audit trail', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await createTestServer();
    await server.as('trial_manager').send('PATCH', '/api/sites/TST-B', { name: 'Testenhet B (ändrad)' }).expect(200);
  });
  afterEach(() => server?.close());

  it('records who changed what, with the values before and after', async () => {
    const [entry] = findAuditEntries(server.db, { entity: 'site', entityId: 'TST-B', action: 'update' }, 1, 0);
    expect(entry.actor_id).toBe(server.ids.trial_manager);
    expect(JSON.parse(entry.before_json!).name).toBe('Testenhet B');
    expect(JSON.parse(entry.after_json!).name).toBe('Testenhet B (ändrad)');
    const api = await server.as('data_monitor').get('/api/audit?entity=site&entity_id=TST-B&action=update');
    expect(api.body.total).toBe(1);
    expect(api.body.entries[0].after.name).toBe('Testenhet B (ändrad)');
  });

  it('records nothing when a change changes nothing', async () => {
    const before = findAuditEntries(server.db, {}, 1000, 0).length;
    await server.as('trial_manager').send('PATCH', '/api/sites/TST-B', { name: 'Testenhet B (ändrad)' }).expect(200);
    await server.as('admin').send('PATCH', `/api/users/${server.ids.target}`, { display_name: 'Test Target' }).expect(200);
    expect(findAuditEntries(server.db, {}, 1000, 0).length).toBe(before);
  });

  it('never stores a password in the trail', async () => {
    await server.as('admin').send('POST', '/api/users', { email: 'pw@test.ips-trial.invalid', display_name: 'Pw', role: 'coach', password: 'secret-password-77' }).expect(201);
    const csv = await server.as('admin').get('/api/audit.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('pw@test.ips-trial.invalid');
    expect(csv.text).not.toContain('secret-password-77');
    expect(csv.text).not.toContain('scrypt$');
    expect(findAuditEntries(server.db, { action: 'export', entity: 'audit' }, 5, 0)).toHaveLength(1);
  });

  it('rolls the audit entry back with the change it belongs to', () => {
    const before = findAuditEntries(server.db, {}, 1000, 0).length;
    expect(() =>
      inTransaction(server.db, () => {
        recordAudit(server.db, { actor: { id: null, label: 'test' }, action: 'update', entity: 'site', entityId: 'TST-A' });
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    expect(findAuditEntries(server.db, {}, 1000, 0).length).toBe(before);
    expect(verifyAudit(server.db).ok).toBe(true);
  });

  it('refuses UPDATE and DELETE on the audit table', () => {
    expect(() => server.db.exec("UPDATE audit_entries SET actor = 'someone else' WHERE id = 1")).toThrow(/append-only/);
    expect(() => server.db.exec('DELETE FROM audit_entries WHERE id = 1')).toThrow(/append-only/);
  });

  it('verifies an intact chain, through the API and the command line', async () => {
    const api = await server.as('admin').get('/api/audit/verify');
    expect(api.body.ok).toBe(true);
    expect(api.body.entries).toBeGreaterThan(5);
    const cli = auditVerifyCli(server.config.dbFile);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/intact/);
  }, 300_000);

  it('names an altered entry', async () => {
    server.db.exec('DROP TRIGGER audit_entries_no_update');
    server.db.exec("UPDATE audit_entries SET after_json = replace(after_json, 'ändrad', 'förfalskad') WHERE action = 'update' AND entity = 'site'");
    const id = findAuditEntries(server.db, { action: 'update', entity: 'site' }, 1, 0)[0].id;
    const verdict = verifyAudit(server.db);
    expect(verdict).toMatchObject({ ok: false, brokenAt: id, problem: 'altered' });
    const cli = auditVerifyCli(server.config.dbFile);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`entry ${id} was altered`);
  }, 300_000);

  it('names an entry removed from the middle', () => {
    server.db.exec('DROP TRIGGER audit_entries_no_delete');
    server.db.exec('DELETE FROM audit_entries WHERE id = 3');
    expect(verifyAudit(server.db)).toMatchObject({ ok: false, brokenAt: 3, problem: 'removed' });
    const cli = auditVerifyCli(server.config.dbFile);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('entry 3 removed');
  }, 300_000);

  it('names entries removed from the end', () => {
    const last = findAuditEntries(server.db, {}, 1, 0)[0].id;
    server.db.exec('DROP TRIGGER audit_entries_no_delete');
    server.db.prepare('DELETE FROM audit_entries WHERE id = ?').run(last);
    expect(verifyAudit(server.db)).toMatchObject({ ok: false, brokenAt: last, problem: 'removed' });
  });

  it('names a forged entry inserted into a gap, even with a correct own hash', () => {
    server.db.exec('DROP TRIGGER audit_entries_no_delete');
    const original = findAuditEntries(server.db, {}, 1000, 0).find((e) => e.id === 4)!;
    server.db.exec('DELETE FROM audit_entries WHERE id = 4');
    const forged = { ...original, actor: 'forger', prev_hash: 'f'.repeat(64) };
    forged.hash = hashAuditEntry(forged);
    server.db
      .prepare('INSERT INTO audit_entries (id, at, actor_id, actor, action, entity, entity_id, before_json, after_json, reason, prev_hash, hash) VALUES (@id, @at, @actor_id, @actor, @action, @entity, @entity_id, @before_json, @after_json, @reason, @prev_hash, @hash)')
      .run(forged);
    expect(verifyAudit(server.db)).toMatchObject({ ok: false, brokenAt: 4, problem: 'inserted' });
  });

  it('requires a reason when data are changed after first entry', () => {
    expect(requireReasonForChange(null, undefined)).toBeNull();
    expect(requireReasonForChange(undefined, ' first ')).toBe('first');
    expect(() => requireReasonForChange({ eq5d_mo: 1 }, '  ')).toThrow(/reason is required|A reason is required/);
    expect(requireReasonForChange({ eq5d_mo: 1 }, 'typo on paper form')).toBe('typo on paper form');
  });
});
