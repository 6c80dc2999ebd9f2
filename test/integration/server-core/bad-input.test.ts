/**
 * Bad input, endpoint by endpoint: malformed JSON, wrong content type, an
 * oversized body, an array instead of an object, an unknown field, a missing
 * field and an unknown id each get a clear 4xx naming the problem (the field
 * where there is one), never a 5xx or a stack trace, and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEntries } from '../../../server/db/queries/audit-entries';
import { listSites } from '../../../server/db/queries/sites';
import { listUsers } from '../../../server/db/queries/users';
import { createTestServer, type Method, type TestServer, type Who } from './harness';

interface BodyEndpoint {
  who: Who;
  method: Method;
  path: (s: TestServer) => string;
  /** a body that passes validation */
  valid: Record<string, unknown>;
  /** a required field to leave out, or null when the form has none */
  required: string | null;
  /** the same endpoint with an id that does not exist */
  unknownIdPath?: string;
}

const endpoints: BodyEndpoint[] = [
  { who: 'anonymous', method: 'POST', path: () => '/api/session', valid: { email: 'admin@test.ips-trial.invalid', password: 'x' }, required: 'password' },
  { who: 'coach', method: 'PUT', path: () => '/api/session/password', valid: { current_password: 'x', new_password: 'y' }, required: 'new_password' },
  { who: 'admin', method: 'POST', path: () => '/api/users', valid: { email: 'new@test.ips-trial.invalid', display_name: 'New', role: 'coach', password: 'long-enough-password' }, required: 'role' },
  { who: 'admin', method: 'PATCH', path: (s) => `/api/users/${s.ids.target}`, valid: { display_name: 'Renamed' }, required: null, unknownIdPath: '/api/users/99999' },
  { who: 'admin', method: 'PUT', path: (s) => `/api/users/${s.ids.target}/password`, valid: { new_password: 'long-enough-password' }, required: 'new_password', unknownIdPath: '/api/users/99999/password' },
  { who: 'admin', method: 'POST', path: (s) => `/api/users/${s.ids.target}/sites`, valid: { site_code: 'TST-B' }, required: 'site_code', unknownIdPath: '/api/users/99999/sites' },
  { who: 'trial_manager', method: 'POST', path: () => '/api/sites', valid: { code: 'TST-Z', name: 'Z', region: 'R', places_min: 4 }, required: 'region' },
  { who: 'trial_manager', method: 'PATCH', path: () => '/api/sites/TST-B', valid: { name: 'Renamed' }, required: null, unknownIdPath: '/api/sites/NO-SUCH' },
];

describe('server core: bad input', () => {
  let server: TestServer;
  let snapshot: () => string;
  beforeAll(async () => {
    server = await createTestServer();
    snapshot = () => JSON.stringify({ audit: countAuditEntries(server.db, {}), users: listUsers(server.db), sites: listSites(server.db) });
  });
  afterAll(() => server?.close());

  async function expectRefused(
    send: () => Promise<{ status: number; body: { error?: { code: string; message: string; fields?: { field: string }[] } }; text: string }>,
    status: number,
    code: string,
    field?: string,
  ) {
    const before = snapshot();
    const res = await send();
    expect(res.status, res.text).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect(res.body.error?.message).toBeTruthy();
    expect(res.text).not.toMatch(/\bat .*\.ts:\d+/);
    if (field) expect(res.body.error?.fields?.map((f) => f.field)).toContain(field);
    expect(snapshot()).toBe(before);
  }

  for (const e of endpoints) {
    const name = `${e.method} ${e.path({ ids: { target: ':id' } } as unknown as TestServer)}`;
    describe(name, () => {
      const call = (path?: string) => server.as(e.who).send(e.method, path ?? e.path(server));

      it('answers 400 malformed_json to broken JSON', () =>
        expectRefused(() => call().set('Content-Type', 'application/json').send('{"email": '), 400, 'malformed_json'));

      it('answers 415 to a body that is not JSON', () =>
        expectRefused(() => call().set('Content-Type', 'text/plain').send('email=x'), 415, 'unsupported_media_type'));

      it('answers 415 to a form post', () =>
        expectRefused(() => call().type('form').send({ email: 'x' }), 415, 'unsupported_media_type'));

      it('answers 413 to an oversized body', () =>
        expectRefused(() => call().send({ ...e.valid, padding: 'x'.repeat(1_100_000) }), 413, 'body_too_large'));

      it('answers 400 to an array body', () => expectRefused(() => call().send([e.valid]), 400, 'invalid_body'));

      it('answers 400 naming an unknown field', () =>
        expectRefused(() => call().send({ ...e.valid, surprise_field: 1 }), 400, 'invalid_body', 'surprise_field'));

      if (e.required) {
        const required = e.required;
        it(`answers 400 naming the missing field ${required}`, () => {
          const body = { ...e.valid };
          delete body[required];
          return expectRefused(() => call().send(body), 400, 'invalid_body', required);
        });
      }

      if (e.unknownIdPath) {
        const path = e.unknownIdPath;
        it('answers 404 to an unknown id', () => expectRefused(() => call(path).send(e.valid), 404, 'not_found'));
      }
    });
  }

  it('answers 400 naming a wrong value type and an out-of-range number', async () => {
    await expectRefused(
      () => server.as('admin').send('POST', '/api/sites', { code: 'TST-Y', name: 7, region: 'R', places_min: -1 }),
      400,
      'invalid_body',
      'name',
    );
    await expectRefused(() => server.as('admin').send('POST', '/api/sites', { code: 'TST-Y', name: 'Y', region: 'R', places_min: -1 }), 400, 'invalid_body', 'places_min');
  });

  it('answers 400 naming places_max when it is below places_min', () =>
    expectRefused(() => server.as('admin').send('POST', '/api/sites', { code: 'TST-Y', name: 'Y', region: 'R', places_min: 8, places_max: 4 }), 400, 'invalid_body', 'places_max'));

  it('answers 400 naming a role that does not exist', () =>
    expectRefused(
      () => server.as('admin').send('POST', '/api/users', { email: 'r@test.ips-trial.invalid', display_name: 'R', role: 'superuser', password: 'long-enough-password' }),
      400,
      'invalid_body',
      'role',
    ));

  it('answers 400 naming a password that is too short', () =>
    expectRefused(
      () => server.as('admin').send('POST', '/api/users', { email: 'r@test.ips-trial.invalid', display_name: 'R', role: 'coach', password: 'short' }),
      400,
      'invalid_body',
      'password',
    ));

  it('answers 400 naming a common or whitespace-only password, saying why', async () => {
    for (const [password, why] of [['password12', /too easy to guess/], [' '.repeat(10), /only spaces/]] as const) {
      const before = snapshot();
      const res = await server.as('admin').send('POST', '/api/users', { email: 'w@test.ips-trial.invalid', display_name: 'W', role: 'coach', password });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([{ field: 'password', message: expect.stringMatching(why) }]);
      expect(snapshot()).toBe(before);
    }
  });

  it('answers 409 naming the email of a duplicate user', () =>
    expectRefused(
      () => server.as('admin').send('POST', '/api/users', { email: 'COACH@test.ips-trial.invalid', display_name: 'R', role: 'coach', password: 'long-enough-password' }),
      409,
      'conflict',
      'email',
    ));

  it('answers 409 naming the code of a duplicate site', () =>
    expectRefused(() => server.as('admin').send('POST', '/api/sites', { code: 'TST-A', name: 'A', region: 'R', places_min: 4 }), 409, 'conflict', 'code'));

  it('answers 400 naming site_code when the site does not exist', () =>
    expectRefused(() => server.as('admin').send('POST', `/api/users/${server.ids.target}/sites`, { site_code: 'NO-SUCH' }), 400, 'invalid_body', 'site_code'));

  it('answers 409 when deleting a site that staff belong to', () =>
    expectRefused(() => server.as('admin').send('DELETE', '/api/sites/TST-A'), 409, 'conflict'));

  it('answers 400 naming the field of a body sent to a bodyless DELETE', () =>
    expectRefused(() => server.as('admin').send('DELETE', '/api/sites/TST-B', { force: true }), 400, 'invalid_body', 'force'));

  it('answers 404 to unknown ids in the path, however they look', async () => {
    for (const path of ['/api/users/99999', '/api/users/abc', '/api/users/-1', '/api/users/1e3', '/api/sites/NO-SUCH', `/api/users/${server.ids.target}/sites/NO-SUCH`]) {
      const method: Method = path.endsWith('NO-SUCH') && path.includes('/users/') ? 'DELETE' : 'GET';
      await expectRefused(() => server.as('admin').send(method, path), 404, 'not_found');
    }
  });

  it('answers 404 JSON to an unknown API path, never the web page', () =>
    expectRefused(() => server.as('admin').get('/api/no-such-thing').set('Accept', 'text/html'), 404, 'not_found'));

  it('answers 400 naming unknown and bad audit query parameters', async () => {
    await expectRefused(() => server.as('admin').get('/api/audit?bogus=1'), 400, 'invalid_query', 'bogus');
    await expectRefused(() => server.as('admin').get('/api/audit?limit=5000'), 400, 'invalid_query', 'limit');
    await expectRefused(() => server.as('admin').get('/api/audit?from=yesterday'), 400, 'invalid_query', 'from');
  });
});
