/**
 * Intention to treat survives an allocation correction: the export's `arm`
 * stays the arm allocated at randomization, the correction is carried in
 * `arm_received` and `allocation_corrected`, CONSORT counts the allocated
 * arm, and the exported folder reads back with the received arm for the
 * per-protocol analysis.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../../analysis/index';
import { perProtocolSubset } from '../../../analysis/sensitivity/per-protocol-subset';
import { readDataset } from '../../../server/dataset/read-dataset';
import { pseudonymizer } from '../../../server/export/pseudonym';
import { cliActor } from '../../../server/services/audit';
import { runExport } from '../../../server/services/exports';
import { makeReady, register } from '../operations/fixtures';
import { createTestServer, type TestServer } from '../server-core/harness';
import { readFileSync } from 'node:fs';

/** participants.csv has no quoted cells (codes and numbers only). */
const csvLines = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split(','));

function csvRows(path: string): Record<string, string>[] {
  const [header, ...rows] = csvLines(path);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

describe('export: an allocation correction keeps intention to treat', () => {
  let server: TestServer;
  const people: { studyId: string; id: number; arm: 'ips' | 'control' }[] = [];
  let corrected: (typeof people)[number];
  let folder: string;
  beforeAll(async () => {
    server = await createTestServer();
    for (let n = 1; n <= 4; n += 1) {
      const studyId = await register(server, 'TST-B', 60 + n);
      const id = await makeReady(server, studyId);
      const made = await server.as('trial_manager').send('POST', `/api/participants/${studyId}/allocation`);
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      people.push({ studyId, id, arm: made.body.allocation.arm });
    }
    // per protocol needs someone who received each arm after the correction: with four participants
    // the arms may be 3:1 or 4:0, so correct one of the arm that has at least two
    const ips = people.filter((p) => p.arm === 'ips');
    corrected = ips.length >= 2 ? ips[0] : people.find((p) => p.arm === 'control')!;
    const other = corrected.arm === 'ips' ? 'control' : 'ips';
    const fix = await server.as('admin').send('POST', `/api/participants/${corrected.studyId}/allocation/corrections`, { arm: other, reason: 'Allocated under the wrong site by mistake' });
    expect(fix.status, JSON.stringify(fix.body)).toBe(201);
    folder = join(server.dir, 'export');
    runExport(server.db, server.config, cliActor(), folder, { pidMode: 'keyed', k: 1 });
  }, 60_000);
  afterAll(() => server?.close());

  it('writes the allocated arm in `arm` and the correction in arm_received and allocation_corrected', () => {
    const pid = pseudonymizer('keyed', server.db, server.config.secretsDir);
    const rows = new Map(csvRows(join(folder, 'participants.csv')).map((row) => [row.pid, row]));
    expect(rows.size).toBe(people.length);
    for (const person of people) {
      const row = rows.get(pid(person.id))!;
      expect(row.arm).toBe(person.arm);
      if (person === corrected) {
        expect(row.arm_received).not.toBe(person.arm);
        expect(['ips', 'control']).toContain(row.arm_received);
        expect(row.allocation_corrected).toBe('1');
      } else {
        expect(row.arm_received).toBe(person.arm);
        expect(row.allocation_corrected).toBe('0');
      }
    }
  });

  it('keeps the contract columns first and in order, and documents the new ones in the codebook', () => {
    const header = csvLines(join(folder, 'participants.csv'))[0];
    expect(header).toEqual(['pid', 'arm', 'site', 'sex', 'age_band', 'withdrawn_day', 'arm_received', 'allocation_corrected']);
    const codebook = readFileSync(join(folder, 'codebook.md'), 'utf8');
    expect(codebook).toContain('arm_received');
    expect(codebook).toContain('allocation_corrected');
  });

  it('counts the allocated arm in CONSORT and the received arm on the participant page', async () => {
    const consort = await server.as('trial_manager').get('/api/consort');
    const allocated = { ips: people.filter((p) => p.arm === 'ips').length, control: people.filter((p) => p.arm === 'control').length };
    expect(consort.body.consort.randomized).toEqual(allocated);
    const page = await server.as('trial_manager').get(`/api/participants/${corrected.studyId}/allocation`);
    expect(page.body.allocation.originalArm).toBe(corrected.arm);
    expect(page.body.allocation.arm).not.toBe(corrected.arm);
  });

  it('reads back with the allocated arm for intention to treat and the received arm per protocol', () => {
    const validated = validateDataset(readDataset(folder).raw);
    if (!validated.ok) throw new Error(JSON.stringify(validated.problems.slice(0, 3)));
    const pid = pseudonymizer('keyed', server.db, server.config.secretsDir)(corrected.id);
    const row = validated.dataset.participants.find((p) => p.pid === pid)!;
    expect(row.arm).toBe(corrected.arm);
    expect(row.arm_received).not.toBe(corrected.arm);
    expect(row.allocation_corrected).toBe(1);
    // per protocol: every participant is "treated as received" when the received IPS participants have a programme log
    const logs = validated.dataset.participants
      .filter((p) => (p.arm_received ?? p.arm) === 'ips')
      .map((p) => ({ pid: p.pid, day: 3, role: 'ips_specialist', activity: 'participant_meeting', minutes: 30 }));
    const subset = perProtocolSubset({ ...validated.dataset, timelogs: logs }, 'ips_specialist');
    if ('skipped' in subset) throw new Error(subset.skipped);
    expect(subset.dataset.participants.find((p) => p.pid === pid)?.arm).toBe(row.arm_received);
  });
});
