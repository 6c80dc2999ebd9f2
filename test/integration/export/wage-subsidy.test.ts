/**
 * employment.csv carries `wage_subsidy` (0/1/empty) from the competitive
 * episodes where it is collected; the exported folder reads back with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../../analysis/index';
import { readDataset } from '../../../server/dataset/read-dataset';
import { cliActor } from '../../../server/services/audit';
import { runExport } from '../../../server/services/exports';
import { makeReady, register } from '../operations/fixtures';
import { createTestServer, type TestServer } from '../server-core/harness';

describe('export: wage subsidy of competitive jobs', () => {
  let server: TestServer;
  let folder: string;
  beforeAll(async () => {
    server = await createTestServer();
    const studyId = await register(server, 'TST-B', 70);
    await makeReady(server, studyId);
    expect((await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation`)).status).toBe(201);
    const base = { episode_start_date: '2026-04-01', hours_per_week: 20 };
    for (const episode of [
      { ...base, episode_type: 'competitive', wage_subsidy: true },
      { ...base, episode_type: 'competitive', wage_subsidy: false },
      { ...base, episode_type: 'competitive' },
      { ...base, episode_type: 'education', wage_subsidy: true },
    ]) {
      const res = await server.as('admin').send('POST', `/api/participants/${studyId}/episodes`, { episode });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    folder = join(server.dir, 'export');
    runExport(server.db, server.config, cliActor(), folder, { pidMode: 'keyed', k: 1 });
  }, 60_000);
  afterAll(() => server?.close());

  it('writes 1, 0 or empty for competitive jobs and empty for other episodes, after the contract columns', () => {
    const [header, ...lines] = readFileSync(join(folder, 'employment.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(header).toEqual(['pid', 'type', 'start_day', 'end_day', 'hours_per_week', 'wage_subsidy']);
    const cells = lines.map((cols) => `${cols[1]}:${cols[5]}`).sort();
    expect(cells).toEqual(['competitive:', 'competitive:0', 'competitive:1', 'education:'].sort());
    const validated = validateDataset(readDataset(folder).raw);
    if (!validated.ok) throw new Error(JSON.stringify(validated.problems.slice(0, 3)));
    expect(validated.dataset.employment.map((e) => e.wage_subsidy).sort()).toEqual([0, 1, null, null].sort());
  });
});
