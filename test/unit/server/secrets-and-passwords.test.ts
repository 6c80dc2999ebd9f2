import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../../../server/db/open';
import { secretCheckValue, secretFile, trialSecret } from '../../../server/secrets';
import { checkPasswordStrength, hashPassword, unmatchableHash, verifyPassword } from '../../../server/services/passwords';

const dir = mkdtempSync(path.join(tmpdir(), 'ips-trial-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('server/secrets', () => {
  it('creates a random key file readable only by its owner for a new database, then reads the same key', () => {
    const db = openMigratedDatabase(path.join(dir, 'trial.db'));
    const secrets = path.join(dir, 'secrets');
    const key = trialSecret(db, secrets, 'identifier-key');
    expect(key).toHaveLength(32);
    expect(statSync(path.join(secrets, 'identifier-key.key')).mode & 0o777).toBe(0o600);
    expect(statSync(secrets).mode & 0o777).toBe(0o700);
    expect(trialSecret(db, secrets, 'identifier-key').equals(key)).toBe(true);
    expect(trialSecret(db, secrets, 'export-pid-key').equals(key)).toBe(false);
    expect(readFileSync(path.join(secrets, 'identifier-key.key'), 'utf8').trim()).toBe(key.toString('hex'));
    const stored = db.prepare("SELECT check_value FROM secret_checks WHERE name = 'identifier-key'").get() as { check_value: string };
    expect(stored.check_value).toBe(secretCheckValue(key));
    expect(stored.check_value).not.toContain(key.toString('hex'));
    db.close();
  });

  it('refuses names that could leave the directory', () => {
    expect(() => secretFile(dir, '../escape')).toThrow(/lower-case/);
  });
});

describe('server/services/passwords', () => {
  it('hashes with scrypt at the production cost and a per-password salt', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    const c = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    expect(a).toMatch(/^scrypt\$65536\$8\$1\$/);
    expect(b.split('$')[4]).not.toBe(c.split('$')[4]);
    expect(b).not.toBe(c);
    expect(await verifyPassword('correct horse battery', b)).toBe(true);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
  });

  it('never matches the placeholder hash used for unknown emails', async () => {
    const cost = { N: 1024, r: 8, p: 1 };
    expect(await verifyPassword('', unmatchableHash(cost))).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });

  it('refuses short passwords and the email as password, naming the field', () => {
    expect(() => checkPasswordStrength('short', 'new_password')).toThrow(/new_password must be at least 10 characters/);
    expect(() => checkPasswordStrength('me@test.ips-trial.invalid', 'password', 'ME@test.ips-trial.invalid')).toThrow(/must not be the email/);
    expect(() => checkPasswordStrength('long enough here', 'password')).not.toThrow();
  });
});
