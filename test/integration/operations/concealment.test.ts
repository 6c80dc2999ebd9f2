import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockAllocationAt } from '../../../server/randomization/permuted-blocks';
import { RANDOMIZATION_SEED, readSecretFile, secretFile } from '../../../server/secrets';
import { createTestServer, type TestServer } from '../server-core/harness';
import { makeReady, register } from './fixtures';

describe('allocation concealment through the API', () => {
  let server: TestServer;
  const studyIds: string[] = [];

  beforeAll(async () => {
    server = await createTestServer();
    for (let n = 1; n <= 8; n++) {
      const id = await register(server, 'TST-A', n);
      await makeReady(server, id);
      studyIds.push(id);
    }
  });
  afterAll(() => server.close());

  it('exposes nothing about an allocation before it is made', async () => {
    const target = studyIds[0];
    const urls = [
      `/api/participants/${target}`,
      '/api/participants',
      `/api/participants/${target}/assessments`,
      `/api/participants/${target}/responses`,
      `/api/participants/${target}/open-assessment`,
      '/api/randomization/balance',
      '/api/consort',
      '/api/study-settings',
      '/api/assessments/summary',
    ];
    for (const url of urls) {
      const res = await server.as('trial_manager').get(url);
      expect(res.status, url).toBeLessThan(400);
      expect(JSON.stringify(res.body), url).not.toMatch(/:"(ips|control)"/);
      expect(JSON.stringify(res.body), url).not.toMatch(/seed|sequence|block/i);
    }
    expect((await server.as('admin').get(`/api/participants/${target}/allocation`)).status).toBe(404);
  });

  it('keeps the seed out of the database and reproduces every allocation from it', async () => {
    const arms: string[] = [];
    for (const id of studyIds) {
      const res = await server.as('trial_manager').send('POST', `/api/participants/${id}/allocation`);
      expect(res.status).toBe(201);
      arms.push(res.body.allocation.arm);
    }
    const seed = readSecretFile(secretFile(server.config.secretsDir, RANDOMIZATION_SEED));
    expect(arms).toEqual(studyIds.map((_, i) => blockAllocationAt(seed, 'TST-A', i)));
    server.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = Buffer.concat([server.config.dbFile, `${server.config.dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(bytes.includes(seed)).toBe(false);
    expect(bytes.includes(Buffer.from(seed.toString('base64')))).toBe(false);
    expect(bytes.includes(Buffer.from(seed.toString('hex')))).toBe(false);
    const balance = await server.as('evaluator').get('/api/randomization/balance');
    expect(balance.body.balance.strata).toEqual([{ stratum: 'TST-A', method: 'blocks', ips: arms.filter((a) => a === 'ips').length, control: arms.filter((a) => a === 'control').length, difference: expect.any(Number) }]);
    expect(Math.abs(balance.body.balance.strata[0].difference)).toBeLessThanOrEqual(3);
  });

  it('refuses to change randomization settings after the first allocation', async () => {
    const res = await server.as('admin').send('PUT', '/api/study-settings', { randomizationMethod: 'minimisation' });
    expect(res.status).toBe(409);
    const window = await server.as('admin').send('PUT', '/api/study-settings', { windowDaysAfter: 21, reason: 'SAP v2' });
    expect(window.status).toBe(200);
  });
});
