/**
 * Service use as the participant answers it: yes/no, then how many times,
 * with "don't know" at either step (stored as null). In the export a
 * "don't know" is missing, never zero: the timepoint gets su_complete = 0
 * and no service_use.csv rows, as docs/export.md documents; "no" to every
 * question is zero use with su_complete = 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getForm } from '../../../data-dictionary/index';
import { validateDataset } from '../../../analysis/index';
import { readDataset } from '../../../server/dataset/read-dataset';
import { cliActor } from '../../../server/services/audit';
import { runExport } from '../../../server/services/exports';
import { ELIGIBLE_SCREENING, FULL_CONSENT, putResponse, register } from '../operations/fixtures';
import { createTestServer, type TestServer } from '../server-core/harness';

const NONE = Object.fromEntries(getForm('service_use')!.fields.filter((f) => f.type === 'boolean').map((f) => [f.name, false]));

const PEOPLE: { label: string; answers: Record<string, unknown> }[] = [
  { label: 'three GP visits', answers: { ...NONE, gp_visit_any: true, gp_visit: 3, inpatient_day_any: true, inpatient_day: 4 } },
  { label: 'none at all', answers: NONE },
  { label: 'GP: yes, but how many times unknown', answers: { ...NONE, gp_visit_any: true, gp_visit: null, psychiatrist_visit_any: true, psychiatrist_visit: 2 } },
  { label: 'emergency: unknown whether', answers: { ...NONE, emergency_visit_any: null, nurse_visit_any: true, nurse_visit: 1 } },
];

describe('export: "don\'t know" in the service-use form', () => {
  let server: TestServer;
  let folder: string;
  const statuses: number[] = [];

  beforeAll(async () => {
    server = await createTestServer();
    const tm = server.as('trial_manager');
    for (const [i, person] of PEOPLE.entries()) {
      const studyId = await register(server, 'TST-A', 40 + i);
      const id = (await tm.get(`/api/participants/${studyId}`)).body.participant.id as number;
      expect((await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: ELIGIBLE_SCREENING })).status).toBe(200);
      expect((await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: FULL_CONSENT })).status).toBe(200);
      for (const form of ['baseline', 'eq5d5l', 'gse']) expect((await putResponse(server, 'trial_manager', id, form)).status).toBe(201);
      const su = await putResponse(server, 'trial_manager', id, 'service_use', 0, { answers: person.answers });
      expect(su.status, `${person.label}: ${JSON.stringify(su.body)}`).toBe(201);
      statuses.push(su.status);
      // a complete form with "don't know" is complete: the participant can be randomized
      expect((await tm.send('POST', `/api/participants/${studyId}/allocation`)).status).toBe(201);
    }
    folder = join(server.dir, 'export');
    runExport(server.db, server.config, cliActor(), folder, { pidMode: 'keyed', k: 1 });
  }, 120_000);
  afterAll(() => server?.close());

  it('stores "don\'t know" as null in the answers, apart from a question not answered', () => {
    const rows = server.db.prepare("SELECT answers_json FROM responses WHERE form = 'service_use' ORDER BY id").all() as { answers_json: string }[];
    const stored = rows.map((r) => JSON.parse(r.answers_json) as Record<string, unknown>);
    expect(stored[2]).toMatchObject({ gp_visit_any: true, gp_visit: null });
    expect(stored[3]).toMatchObject({ emergency_visit_any: null });
    expect('emergency_visit' in stored[3]).toBe(false);
  });

  it('exports su_complete = 1 only without "don\'t know", and service_use.csv rows only for those timepoints', () => {
    const assessments = parse(readFileSync(join(folder, 'assessments.csv')), { columns: true }) as Record<string, string>[];
    const serviceUse = parse(readFileSync(join(folder, 'service_use.csv')), { columns: true }) as Record<string, string>[];
    expect(assessments).toHaveLength(4);
    const complete = assessments.filter((a) => a.su_complete === '1').map((a) => a.pid);
    const incomplete = assessments.filter((a) => a.su_complete === '0').map((a) => a.pid);
    expect([complete.length, incomplete.length]).toEqual([2, 2]);
    // the known counts of a form with a "don't know" (psychiatrist 2, nurse 1) are not exported as if the period were known
    expect(serviceUse.filter((r) => incomplete.includes(r.pid))).toEqual([]);
    // su_complete = 1: the counts of "yes", and nothing (= zero use) for "no"
    const byPid = new Map(complete.map((pid) => [pid, serviceUse.filter((r) => r.pid === pid).map((r) => `${r.item}=${r.quantity}`).sort()]));
    expect([...byPid.values()].sort()).toEqual([[], ['gp_visit=3', 'inpatient_day=4']]);
  });

  it('reads back as a valid analysis dataset with the "don\'t know" timepoints missing', () => {
    const validated = validateDataset(readDataset(folder).raw);
    if (!validated.ok) throw new Error(JSON.stringify(validated.problems.slice(0, 3)));
    expect(validated.dataset.assessments.map((a) => a.su_complete).sort()).toEqual([0, 0, 1, 1]);
    expect(validated.dataset.serviceUse.map((r) => r.item).sort()).toEqual(['gp_visit', 'inpatient_day']);
    expect(statuses).toEqual([201, 201, 201, 201]);
  });
});
