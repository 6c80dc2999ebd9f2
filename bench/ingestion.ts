/**
 * Ingestion benchmark (`npx tsx bench/ingestion.ts [seconds]`, part of `npm
 * run bench`): questionnaire submissions from clinic tablets, each `PUT
 * /api/responses/<uuid>` a partial save (one new response row and its audit
 * entry, committed with `synchronous = FULL`), sent over HTTP on 127.0.0.1 to
 * the real server (`ips-trial serve`, a child process, request logging on as
 * in production) by 16 and then 64 clients, each with its own tablet session
 * and one request at a time. Beside it, in the same run and on the same
 * file, the raw better-sqlite3 rate of the same transaction (look-up of the
 * uuid, insert of the response, audit entry with its hash, same pragmas) in
 * one loop with no HTTP. Prints submissions per second, p50/p99 latency and
 * the ratio to the raw rate measured just before each run, with a PASS/FAIL line for the target (≥ 50 % of raw with
 * p99 < 100 ms at 64 clients). IPS_BENCH_CPU_PROF=<dir> runs the server
 * under `node --cpu-prof` and leaves its profile there.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { openDatabase } from '../server/db/connection';
import * as responses from '../server/db/queries/responses';
import { inTransaction } from '../server/db/transaction';
import { recordAudit } from '../server/services/audit';
import { prepareStudy, serve, submission, type Client } from '../test/integration/proof/trial-process';

const SECONDS = Number(process.argv[2] ?? 5);
const WARM_UP_SECONDS = 1;
const CLIENT_COUNTS = [16, 64];
const TARGET = { ofRaw: 0.5, p99Ms: 100 };
const PARTICIPANTS = 16;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const print = (line: string) => process.stdout.write(`${line}\n`);

/** The server's transaction for a new partial response, without HTTP, validation or the express stack: submissions per second. */
function rawRate(dbFile: string, participantId: number, seconds: number): number {
  const db = openDatabase(dbFile);
  try {
    const body = submission(participantId, 1);
    const answersJson = JSON.stringify(body.answers);
    let n = 0;
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) {
      const uuid = randomUUID();
      inTransaction(db, () => {
        if (responses.findResponseByUuid(db, uuid)) throw new Error('uuid seen twice');
        const now = new Date().toISOString();
        responses.insertResponse(db, { clientUuid: uuid, participantId, timepoint: 0, form: 'gse', source: 'tablet', answersJson, revision: 1, complete: false, scoresJson: null, answeredOn: '2026-01-14', outOfWindowReason: null }, now);
        const saved = responses.findResponseByUuid(db, uuid)!;
        recordAudit(db, { actor: { id: null, label: 'clinic tablet bench' }, action: 'create', entity: 'response', entityId: uuid, before: null, after: { timepoint: saved.timepoint, form: saved.form, revision: saved.revision, complete: false, answered_on: saved.answered_on, answers: body.answers, scores: null } });
      });
      n++;
    }
    return n / seconds;
  } finally {
    db.close();
  }
}

/** the load generator shares the two cores with the server: node:http with kept-alive connections costs it less than fetch */
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
function put(url: string, client: Client, uuid: string, json: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/responses/${uuid}`, {
      method: 'PUT',
      agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json), Cookie: client.cookie, 'X-CSRF-Token': client.csrf },
    }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(json);
  });
}

interface RunFigures {
  clients: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Map<number, number>;
}

async function run(url: string, clients: Client[], seconds: number): Promise<RunFigures> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const warmUntil = performance.now() + WARM_UP_SECONDS * 1000;
  const until = warmUntil + seconds * 1000;
  let seq = 0;
  await Promise.all(clients.map(async (client) => {
    while (performance.now() < until) {
      const body = submission(undefined, ++seq);
      const start = performance.now();
      let status: number;
      try {
        status = await put(url, client, randomUUID(), JSON.stringify(body));
      } catch {
        status = 0; // a kept-alive connection the server closed while idle between runs
      }
      const end = performance.now();
      if (start < warmUntil) continue;
      latencies.push(end - start);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }));
  latencies.sort((a, b) => a - b);
  const created = statuses.get(201) ?? 0;
  return { clients: clients.length, perSecond: created / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), statuses };
}

const study = await prepareStudy(PARTICIPANTS, Math.max(...CLIENT_COUNTS));
try {
  const load = loadavg()[0];
  print(`clinic tablets submitting partial questionnaires (PUT /api/responses/<uuid>: one response row + one audit entry each), ${SECONDS} s per run after ${WARM_UP_SECONDS} s warm-up; load average ${load.toFixed(1)} on ${availableParallelism()} cores`);
  const profileDir = process.env.IPS_BENCH_CPU_PROF;
  const server = await serve(study.dbFile, { LOG_LEVEL: 'info' }, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const figures: (RunFigures & { raw: number })[] = [];
  try {
    for (const count of CLIENT_COUNTS) {
      // raw measured just before each HTTP run (the server idle): on a shared machine the disk's speed drifts
      const raw = rawRate(study.dbFile, study.participantIds[0], SECONDS);
      print(`  raw better-sqlite3, same transaction, one loop, no HTTP   ${raw.toFixed(0).padStart(6)} submissions/s`);
      const f = { ...(await run(server.url, study.tablets.slice(0, count), SECONDS)), raw };
      figures.push(f);
      const others = [...f.statuses].filter(([status]) => status !== 201).map(([status, n]) => `${n} × ${status || 'connection error'}`);
      print(`  ${`${count} clients over HTTP`.padEnd(56)} ${f.perSecond.toFixed(0).padStart(6)} submissions/s = ${((100 * f.perSecond) / raw).toFixed(0).padStart(3)} % of raw, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms${others.length ? ` (also ${others.join(', ')})` : ''}`);
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  const at64 = figures.find((f) => f.clients === 64)!;
  const ok = at64.perSecond >= TARGET.ofRaw * at64.raw && at64.p99 < TARGET.p99Ms;
  print(`  ${ok ? 'PASS' : 'FAIL'}  64 clients: ${((100 * at64.perSecond) / at64.raw).toFixed(0)} % of raw, p99 ${at64.p99.toFixed(1)} ms   target ≥ ${TARGET.ofRaw * 100} % of raw with p99 < ${TARGET.p99Ms} ms`);
} finally {
  rmSync(study.dir, { recursive: true, force: true });
}
