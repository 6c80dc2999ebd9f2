import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../../../server/app';
import type { Db } from '../../../server/db/connection';
import { openMigratedDatabase } from '../../../server/db/open';
import { DEMO_PASSWORD, seedDemo } from '../../../server/demo/index';
import { silentLogger } from '../../../server/log';
import { hashPassword } from '../../../server/services/passwords';
import { testConfig, makeTempDir } from '../server-core/harness';
import { rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

describe('demo study: trial operations', () => {
  let dir: string;
  let db: Db;
  let dbFile: string;
  let app: ReturnType<typeof createApp>;
  const login = async (email: string) => {
    const agent = request.agent(app);
    const res = await agent.post('/api/session').send({ email, password: DEMO_PASSWORD });
    expect(res.status).toBe(201);
    return agent;
  };

  beforeAll(async () => {
    dir = makeTempDir();
    const config = testConfig(dir);
    db = openMigratedDatabase(config.dbFile);
    dbFile = config.dbFile;
    seedDemo(db, config, silentLogger(), await hashPassword(DEMO_PASSWORD, config.passwordCost));
    app = createApp(config, db, silentLogger());
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has 120 participants through the whole flow, with a CONSORT count at every step', async () => {
    const manager = await login('manager@demo.ips-trial.invalid');
    const consort = (await manager.get('/api/consort')).body.consort;
    expect(consort.referred).toBe(120);
    expect(consort.notEligible.total).toBeGreaterThan(0);
    expect(consort.declined).toBeGreaterThan(0);
    expect(consort.randomized.ips + consort.randomized.control).toBeGreaterThan(100);
    expect(consort.withdrawn.ips + consort.withdrawn.control).toBe(4);
    expect(consort.assessed['6'].ips + consort.assessed['6'].control).toBeGreaterThan(0);
    const summary = (await manager.get('/api/assessments/summary')).body.summary;
    const states = new Set(Object.values(summary).flatMap((byState) => Object.entries(byState as Record<string, number>).filter(([, n]) => n > 0).map(([s]) => s)));
    expect([...states].sort()).toEqual(['completed', 'missed', 'open', 'overdue', 'upcoming', 'withdrawn']);
    expect((await manager.get('/api/fidelity-reviews')).body.reviews).toHaveLength(5);
  });

  it('shows the demo coach only the participants of their own sites', async () => {
    const coach = await login('coach@demo.ips-trial.invalid');
    const sites = new Set((await coach.get('/api/participants')).body.participants.map((p: { site: string }) => p.site));
    expect([...sites].sort()).toEqual(['ORE-AFF', 'ORE-DBT']);
    const first = (await coach.get('/api/participants')).body.participants[0];
    const ids = (await coach.get(`/api/participants/${first.studyId}/identifiers`)).body.identifiers;
    expect(ids.person_name).toMatch(/^Demo Deltagare \d{3}$/);
  });

  it('replays every demo allocation from the sealed seed, and refuses another seed', () => {
    const verify = (seedFile?: string) =>
      spawnSync(process.execPath, ['bin/ips-trial.js', 'randomization', 'verify', '--db', dbFile, ...(seedFile ? ['--seed-file', seedFile] : [])], {
        encoding: 'utf8',
        env: { ...process.env, IPS_TRIAL_SECRETS: path.join(dir, 'secrets') },
      });
    const ok = verify();
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^\d+ allocations reproduced from the seed \(fingerprint [0-9a-f]{16}\)/);
    const wrong = path.join(dir, 'wrong-seed');
    writeFileSync(wrong, Buffer.alloc(32, 1).toString('hex'));
    const bad = verify(wrong);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/allocations do not match the seed/);
    const damaged = path.join(dir, 'damaged-seed');
    writeFileSync(damaged, 'not a key\n');
    const refused = verify(damaged);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('is damaged (expected hexadecimal)');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});
