import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';

describe('server/config', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dbFile).toBe(path.resolve('data/trial.db'));
    expect(config.secretsDir).toBe(path.resolve('data/secrets'));
    expect(config.demo).toBe(true);
    expect(config.secureCookies).toBe(false);
    expect(config.passwordCost).toEqual({ N: 65536, r: 8, p: 1 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the environment and lets command-line options win', () => {
    const config = loadConfig({ PORT: '8080', IPS_TRIAL_DB: '/tmp/a.db', IPS_TRIAL_DEMO: '0', IPS_TRIAL_SECURE_COOKIES: 'yes' }, { dbFile: '/tmp/b.db' });
    expect(config.port).toBe(8080);
    expect(config.dbFile).toBe('/tmp/b.db');
    expect(config.demo).toBe(false);
    expect(config.secureCookies).toBe(true);
    expect(loadConfig({ IPS_TRIAL_DB: '/tmp/a.db' }).dbFile).toBe('/tmp/a.db');
  });

  it('keeps the secrets folder beside the database, not in the working directory, unless IPS_TRIAL_SECRETS names one', () => {
    expect(loadConfig({}, { dbFile: '/srv/ips/trial.db' }).secretsDir).toBe('/srv/ips/secrets');
    expect(loadConfig({ IPS_TRIAL_DB: '/srv/other/t.db' }).secretsDir).toBe('/srv/other/secrets');
    expect(loadConfig({ IPS_TRIAL_SECRETS: '/vault/ips' }, { dbFile: '/srv/ips/trial.db' }).secretsDir).toBe('/vault/ips');
    expect(loadConfig({}, { dbFile: '/srv/ips/trial.db', secretsDir: '/vault/b' }).secretsDir).toBe('/vault/b');
  });

  it('refuses bad values, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ IPS_TRIAL_DEMO: 'maybe' })).toThrow(/IPS_TRIAL_DEMO must be 1 or 0/);
    expect(() => loadConfig({ IPS_TRIAL_SCRYPT_N: '3000' })).toThrow(/power of two/);
  });
});
