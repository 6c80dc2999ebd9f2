/**
 * Audit-verify benchmark (`npx tsx bench/audit-verify.ts [entries] [seconds]`):
 * a test server on a temporary database with a long audit trail (42,000
 * entries by default), 8 clients submitting questionnaires (PUT
 * /api/responses/<uuid>, partial saves: each a new row and audit entry) for a few seconds, first alone, then while a data
 * monitor loops `GET /api/audit/verify`. Prints submissions per second and
 * p50/p99 latency of both runs.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { syntheticAnswers } from '../server/demo/operations/synthetic-answers';
import { inTransaction } from '../server/db/transaction';
import { recordAudit } from '../server/services/audit';
import { createTestServer, TEST_PASSWORD } from '../test/integration/server-core/harness';

const ENTRIES = Number(process.argv[2] ?? 42_000);
const SECONDS = Number(process.argv[3] ?? 5);
const CLIENTS = 8;

const server = await createTestServer();
inTransaction(server.db, () => {
  for (let i = 0; i < ENTRIES; i++) recordAudit(server.db, { actor: { id: null, label: 'bench' }, action: 'update', entity: 'bench', entityId: i, after: { n: i } });
});
const http = server.app.listen(0, '127.0.0.1');
await new Promise((resolve) => http.once('listening', resolve));
const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

async function loggedIn(role: 'trial_manager' | 'data_monitor') {
  const agent = request.agent(base);
  const res = await agent.post('/api/session').send({ email: server.emailOf(role), password: TEST_PASSWORD });
  if (res.status !== 201) throw new Error(`login as ${role}: ${res.status}`);
  return { agent, csrf: res.body.csrf_token as string };
}

const tm = await loggedIn('trial_manager');
const registered = await tm.agent.post('/api/participants').set('X-CSRF-Token', tm.csrf).send({
  site: 'TST-A',
  referral: syntheticAnswers('referral', () => 0, { referral_date: '2026-01-10', on_waiting_list: false }, false),
  identity: { person_name: 'Testperson Bänk', personal_number: '19900110-9801', person_phone: '070-000 00 01', street_address: 'Testgatan 1', postal_code: '999 99', postal_town: 'Teststad' },
});
if (registered.status !== 201) throw new Error(`registration: ${registered.status} ${JSON.stringify(registered.body)}`);
const studyId = registered.body.participant.studyId as string;
const participantId = (await tm.agent.get(`/api/participants/${studyId}`)).body.participant.id as number;
await tm.agent.put(`/api/participants/${studyId}/screening`).set('X-CSRF-Token', tm.csrf).send({ screening: syntheticAnswers('screening', () => 0, { screening_date: '2026-01-12', eligible: true }) });
await tm.agent.put(`/api/participants/${studyId}/consent`).set('X-CSRF-Token', tm.csrf).send({ consent: { consent_version: '1.0', consent_date: '2026-01-13', consent_research: true, consent_info_exchange: true } });

const statuses = new Map<number, number>();

async function submitFor(until: number, latencies: number[]): Promise<void> {
  while (performance.now() < until) {
    const start = performance.now();
    const res = await tm.agent.put(`/api/responses/${randomUUID()}`).set('X-CSRF-Token', tm.csrf).send({
      participantId, timepoint: 0, form: 'gse', answers: syntheticAnswers('gse'), revision: 1, complete: false, answered_on: '2026-01-14',
    });
    latencies.push(performance.now() - start);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function run(label: string, withVerify: boolean): Promise<void> {
  const until = performance.now() + SECONDS * 1000;
  const latencies: number[] = [];
  let verifies = 0;
  const monitor = withVerify ? await loggedIn('data_monitor') : undefined;
  const verifyLoop = (async () => {
    while (monitor && performance.now() < until) {
      const res = await monitor.agent.get('/api/audit/verify');
      if (res.status !== 200 || !res.body.ok) throw new Error(`verify: ${res.status}`);
      verifies++;
    }
  })();
  await Promise.all([...Array.from({ length: CLIENTS }, () => submitFor(until, latencies)), verifyLoop]);
  latencies.sort((a, b) => a - b);
  const line = `${label}: ${(latencies.length / SECONDS).toFixed(0)} submissions/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`;
  console.log(withVerify ? `${line}, ${verifies} verifies of ${ENTRIES} entries` : line);
}

console.log(`audit trail of ${ENTRIES} entries, ${CLIENTS} clients, ${SECONDS} s each`);
await run('alone', false);
await run('while verify loops', true);
console.log(`answers: ${[...statuses].map(([status, n]) => `${n} × ${status}`).join(', ')}`);
await new Promise((resolve) => http.close(resolve));
server.close();
