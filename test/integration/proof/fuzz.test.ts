/**
 * Property-based fuzz of every route of the API (fast-check): the routes are
 * read from the application's router stack (routes.ts), so a new route is
 * fuzzed without touching this file. For each route, requests with hostile
 * path segments, query strings and bodies (hostile.ts: lone surrogates,
 * NUL, bidi, huge and unsafe numbers, wrong types, deep nesting, oversized
 * text, bodies that are not JSON) are sent as every role, as nobody, as
 * an open clinic tablet and with forged or broken session cookies, against a real SQLite file with a small study in
 * it. Properties: no answer is a 5xx, and a refused request (4xx) changed
 * no row of any table (fingerprint.ts). Besides the random runs, a sweep
 * replaces every place of each route's valid example body (examples.ts) by
 * each kind of hostile value in turn (SWEEP_VALUES). IPS_FUZZ_RUNS sets the runs per
 * route (default 20, a run being one request); fast-check prints the seed
 * and the smallest failing request when a property fails.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../server/db/queries/users';
import { createTestServer, EVERYONE, TEST_PASSWORD, type TestServer, type Who } from '../server-core/harness';
import { ELIGIBLE_SCREENING, FULL_CONSENT, makeReady, putResponse, register } from '../operations/fixtures';
import { RowWatch } from './fingerprint';
import { exampleBodies } from './examples';
import { forgedHeaders, hostileBody, hostileQuery, mutatedBody, pathSegment, sweepVariants, type HostileBody } from './hostile';
import { listRoutes, type RouteEntry } from './routes';

const RUNS = Number(process.env.IPS_FUZZ_RUNS ?? 20);
const STARTS_JOBS = new Set(['POST /api/exports', 'POST /api/reports/icer']);
/** `forged`: no session, but made-up or broken session cookies and CSRF token (forgedHeaders) */
type Caller = Who | 'tablet' | 'forged';
const CALLERS: readonly Caller[] = [...EVERYONE, 'tablet', 'forged'];

// made when the file is collected: the route list (one test per route) is read from its app
const server: TestServer = await createTestServer();
const rows = new RowWatch(server.db);
let tablet: { agent: ReturnType<typeof request.agent>; csrf: string };
const real: string[] = [];
let examples: Record<string, unknown> = {};
let dataQueryId = '1';

async function openTablet(studyId: string): Promise<void> {
  const agent = request.agent(server.app);
  const login = await agent.post('/api/session').send({ email: server.emailOf('coach'), password: TEST_PASSWORD });
  const opened = await agent.post(`/api/participants/${studyId}/tablet-session`).set('X-CSRF-Token', login.body.csrf_token).send({ pin: '2468' });
  if (opened.status !== 201) throw new Error(`tablet session: ${opened.status} ${JSON.stringify(opened.body)}`);
  tablet = { agent, csrf: opened.body.tabletSession.csrfToken as string };
}

beforeAll(async () => {
  const tm = server.as('trial_manager');
  const randomized = await register(server, 'TST-A', 1);
  const randomizedId = await makeReady(server, randomized);
  expect((await tm.send('POST', `/api/participants/${randomized}/allocation`)).status).toBe(201);
  const consented = await register(server, 'TST-A', 2);
  expect((await tm.send('PUT', `/api/participants/${consented}/screening`, { screening: ELIGIBLE_SCREENING })).status).toBe(200);
  expect((await tm.send('PUT', `/api/participants/${consented}/consent`, { consent: FULL_CONSENT })).status).toBe(200);
  const other = await register(server, 'TST-B', 3);
  const uuid = randomUUID();
  expect((await putResponse(server, 'trial_manager', randomizedId, 'gse', 0, { uuid, complete: false })).status).toBeLessThan(300);
  const query = await server.as('data_monitor').send('POST', '/api/data-queries', { participant: randomized, recordKind: 'response', form: 'eq5d5l', timepoint: 0, field: 'eq5d_mo', comment: 'Check mobility' });
  await openTablet(consented);
  dataQueryId = String(query.body?.dataQuery?.id ?? 1);
  examples = exampleBodies({ participantId: randomizedId, studyId: randomized });
  const ids = Object.values(server.ids).map(String);
  real.push(randomized, consented, other, String(randomizedId), uuid, randomUUID(), 'TST-A', 'TST-B', ...ids, String(query.body?.dataQuery?.id ?? 1), 'participants.csv', 'x.ics');
}, 120_000);
afterAll(() => server?.close());

function send(caller: Caller, method: RouteEntry['method'], url: string, body: HostileBody, forged: { cookie: string; csrf: string }): request.Test {
  let test: request.Test;
  if (caller === 'forged') {
    test = request(server.app)[method.toLowerCase() as 'get'](url).set('Cookie', forged.cookie).set('X-CSRF-Token', forged.csrf);
  } else if (caller === 'tablet') {
    test = tablet.agent[method.toLowerCase() as 'get'](url);
    if (method !== 'GET') test = test.set('X-CSRF-Token', tablet.csrf);
  } else {
    test = server.as(caller).send(method, url);
  }
  if (body.kind === 'json') return test.set('Content-Type', 'application/json').send(JSON.stringify(body.value) ?? 'null');
  if (body.kind === 'raw') return test.set('Content-Type', body.contentType).send(body.text);
  return test;
}

/** After a request that was accepted: wait for exports and reports it started, and log in again whoever it logged out. */
async function settle(): Promise<void> {
  const running = server.db.prepare("SELECT (SELECT COUNT(*) FROM exports WHERE status = 'running') + (SELECT COUNT(*) FROM reports WHERE status = 'running')").pluck();
  for (let i = 0; i < 600 && (running.get() as number) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  const hasSession = server.db.prepare('SELECT COUNT(*) FROM sessions WHERE user_id = ?').pluck();
  for (const role of ROLES as readonly Role[]) {
    if ((hasSession.get(server.ids[role]) as number) === 0) await server.relogin(role).catch(() => undefined); // a deactivated account stays out
  }
  const open = await tablet.agent.get('/api/tablet-session');
  if (open.status !== 200) await openTablet(real[1]).catch(() => undefined);
}

const describeBody = (body: HostileBody) => {
  const text = body.kind === 'json' ? JSON.stringify(body.value) ?? 'undefined' : body.kind === 'raw' ? `${body.contentType}: ${body.text}` : '(no body)';
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
};

describe('fuzz: every route with hostile input', () => {
  const routes = listRoutes(server.app);
  it('finds the routes of the application', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes).toContainEqual({ method: 'PUT', path: '/api/responses/:clientUuid' });
    // an example body for a route that no longer exists would silently stop being mutated
    const names = new Set(routes.map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(examples).filter((key) => !names.has(key))).toEqual([]);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: no 5xx, and nothing changed by a refused request', async (_name, route) => {
    const example = examples[`${route.method} ${route.path}`];
    const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const property = fc.asyncProperty(
      fc.constantFrom(...CALLERS),
      forgedHeaders,
      fc.tuple(...names.map(() => pathSegment(real))),
      fc.option(hostileQuery, { nil: undefined }),
      example === undefined ? hostileBody : fc.oneof({ weight: 1, arbitrary: hostileBody }, { weight: 3, arbitrary: mutatedBody(example) }),
      async (caller, forged, segments, query, body) => {
        let i = 0;
        const url = route.path.replace(/:\w+/g, () => segments[i++]) + (query ? `?${query}` : '');
        rows.before();
        const res = await send(caller, route.method, url, body, forged);
        const what = `${route.method} ${url.slice(0, 300)} as ${caller}${caller === 'forged' ? ` (Cookie: ${forged.cookie.slice(0, 100)}, X-CSRF-Token: ${forged.csrf})` : ''} with ${describeBody(body)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        expect(res.status, what).toBeLessThan(500);
        if (res.status >= 400) expect(rows.changedTables(), `rows changed by a refused request: ${what}`).toEqual([]);
        else {
          await settle();
          rows.reset(); // an export or report wrote through its own connection
        }
      },
    );
    await fc.assert(property, { numRuns: RUNS });
  }, 120_000 * Math.max(1, RUNS / 20)); // an accepted export or ICER report is waited for

  // the random runs are few per route; this sweep is exhaustive over the places of each example body
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: every place of a valid body with each hostile kind of value', async (name, route) => {
    const example = examples[name];
    // no example body for this route, or one that starts a background job (an export or ICER report of seconds each,
    // waited for after every accepted variant): the random runs above cover it
    if (example === undefined || STARTS_JOBS.has(name)) return;
    const caller: Caller = route.path.startsWith('/api/tablet') || route.path === '/api/home-sessions' ? 'tablet' : route.path.startsWith('/api/exports') || route.path.startsWith('/api/reports') ? 'evaluator' : route.path.startsWith('/api/data-queries') ? 'data_monitor' : 'admin';
    const param = (name: string) => name === 'clientUuid' ? randomUUID() : name === 'code' ? 'TST-B' : name === 'episodeId' ? '1'
      : route.path.startsWith('/api/users') ? String(server.ids.target) : route.path.startsWith('/api/data-queries') ? dataQueryId : real[0];
    for (const value of sweepVariants(example)) {
      const url = route.path.replace(/:(\w+)/g, (_m, name: string) => param(name));
      const body: HostileBody = { kind: 'json', value };
      rows.before();
      const res = await send(caller, route.method, url, body, { cookie: '', csrf: '' });
      const what = `${route.method} ${url} as ${caller} with ${describeBody(body)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      expect(res.status, what).toBeLessThan(500);
      if (res.status >= 400) expect(rows.changedTables(), `rows changed by a refused request: ${what}`).toEqual([]);
      else {
        await settle();
        rows.reset();
      }
    }
  }, 300_000);
});
