/**
 * The real server as a child process, for the crash test and the ingestion
 * benchmark (bench/ingestion.ts): a study prepared in a temp folder through
 * the API of the test harness (sites, one user per role, consented
 * participants ready for baseline questionnaires), then `ips-trial serve`
 * started on 127.0.0.1 (any free port) on that file, and plain-fetch clients
 * (staff session cookie + CSRF token, or a clinic tablet session) that
 * submit questionnaires with `PUT /api/responses/<uuid>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { syntheticAnswers } from '../../../server/demo/operations/synthetic-answers';
import { createTestServer, TEST_PASSWORD } from '../server-core/harness';
import { findParticipant } from '../../../server/db/queries/participants';
import { openClinicSession, TABLET_COOKIE } from '../../../server/services/tablet-sessions';
import { luhnCheckDigit } from '../../../server/identity/luhn';

// as in ../operations/fixtures.ts, which imports vitest and so cannot be loaded by the benchmark
const SCREENING = syntheticAnswers('screening', () => 0, { screening_date: '2026-01-12', eligible: true });
const CONSENT = { consent_version: '1.0', consent_date: '2026-01-13', consent_research: true, consent_info_exchange: true };
function registration(n: number) {
  const birth = `9001${String(10 + (n % 18)).padStart(2, '0')}`;
  const serial = `9${String(n).padStart(2, '0')}`;
  return {
    site: 'TST-A',
    referral: syntheticAnswers('referral', () => 0, { referral_date: '2026-01-10', on_waiting_list: false }, false),
    identity: {
      person_name: `Testperson Last ${n}`,
      personal_number: `19${birth}-${serial}${luhnCheckDigit(`${birth}${serial}`)}`,
      person_phone: `070-000 01 ${String(n).padStart(2, '0')}`,
      street_address: `Testgatan ${n}`,
      postal_code: '999 99',
      postal_town: 'Teststad',
    },
  };
}

const CLI = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../bin/ips-trial.js');

export interface PreparedStudy {
  dir: string;
  dbFile: string;
  /** numeric ids of consented participants (baseline questionnaires may be saved) */
  participantIds: number[];
  studyIds: string[];
  /** clinic tablet sessions opened for the participants in turn (`tablets` of them) */
  tablets: Client[];
  emailOf: (role: 'trial_manager' | 'coach' | 'admin' | 'evaluator' | 'data_monitor') => string;
}

/** A temp folder with a migrated trial database and `participants` consented participants; the file is closed, ready for `serve`. */
export async function prepareStudy(participants: number, tablets = 0): Promise<PreparedStudy> {
  const server = await createTestServer();
  const tm = server.as('trial_manager');
  const participantIds: number[] = [];
  const studyIds: string[] = [];
  for (let n = 1; n <= participants; n++) {
    const registered = await tm.send('POST', '/api/participants', registration(n));
    if (registered.status !== 201) throw new Error(`registration ${n}: ${registered.status} ${JSON.stringify(registered.body)}`);
    const studyId = registered.body.participant.studyId as string;
    const screened = await tm.send('PUT', `/api/participants/${studyId}/screening`, { screening: SCREENING });
    const consented = await tm.send('PUT', `/api/participants/${studyId}/consent`, { consent: CONSENT });
    if (screened.status !== 200 || consented.status !== 200) throw new Error(`screening/consent ${studyId}: ${screened.status} ${consented.status}`);
    participantIds.push((await tm.get(`/api/participants/${studyId}`)).body.participant.id as number);
    studyIds.push(studyId);
  }
  // opened as a coach does on the tablet (services/tablet-sessions.ts); through the API each would cost a staff login
  const opened: Client[] = [];
  for (let i = 0; i < tablets; i++) {
    const participant = findParticipant(server.db, participantIds[i % participants])!;
    const session = await openClinicSession(server.db, { id: server.ids.coach, label: 'Test coach' }, participant, '2468', server.config.passwordCost);
    opened.push({ cookie: `${TABLET_COOKIE}=${session.token}`, csrf: session.csrfToken });
  }
  server.db.close();
  return { dir: server.dir, dbFile: server.config.dbFile, participantIds, studyIds, tablets: opened, emailOf: server.emailOf };
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** Starts `ips-trial serve --no-demo` on `dbFile` (127.0.0.1, a free port); resolves once it listens. */
export function serve(dbFile: string, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'serve', '--no-demo', '--db', dbFile, '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, IPS_TRIAL_SCRYPT_N: '1024', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.stderr!.on('data', (d) => (out += String(d)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += String(d);
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume(); // the request log is not read: keep the pipe drained
        resolve({ child, url: match[1].replace(/\/$/, ''), exited, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => reject(new Error(`serve exited (${code ?? signal}) before listening:\n${out}`)));
  });
}

export interface Client {
  cookie: string;
  csrf: string;
}

/** Logs a staff member in; the session lives in the database, so it survives restarts of the server. */
export async function staffLogin(url: string, email: string): Promise<Client> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
  if (res.status !== 201) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrf_token: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: body.csrf_token };
}

/** Opens a clinic tablet session for a participant from a fresh staff login (which it ends, as on a real tablet). */
export async function tabletSession(url: string, email: string, studyId: string): Promise<Client> {
  const staff = await staffLogin(url, email);
  const res = await fetch(`${url}/api/participants/${studyId}/tablet-session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: staff.cookie, 'X-CSRF-Token': staff.csrf },
    body: JSON.stringify({ pin: '2468' }),
  });
  if (res.status !== 201) throw new Error(`tablet session ${studyId}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { tabletSession: { csrfToken: string } };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('ips_trial_tablet='))!;
  return { cookie, csrf: body.tabletSession.csrfToken };
}

/** A partial baseline GSE questionnaire (a new row and audit entry per new uuid); participantId for staff clients only. */
export function submission(participantId: number | undefined, seed: number) {
  let state = seed;
  // varied answers per seed, so a row can be matched to the request that sent it
  const answers = syntheticAnswers('gse', (n) => (state = (state * 7919 + 13) % 104_729) % n);
  return { ...(participantId === undefined ? {} : { participantId }), timepoint: 0, form: 'gse', answers, revision: 1, complete: false, answered_on: '2026-01-14' };
}

/** PUT /api/responses/<uuid> with the client's cookie and CSRF token. */
export function putResponse(url: string, client: Client, uuid: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}/api/responses/${uuid}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Cookie: client.cookie, 'X-CSRF-Token': client.csrf },
    body: JSON.stringify(body),
    signal,
  });
}
