/** Every endpoint of the server core × every role (+ anonymous): allowed or refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRouter } from '../../../server/routes/audit';
import { healthRouter } from '../../../server/routes/health';
import { sessionRouter } from '../../../server/routes/session';
import { sitesRouter } from '../../../server/routes/sites';
import { totpRouter } from '../../../server/routes/totp';
import { unitCostsRouter } from '../../../server/routes/unit-costs';
import { usersRouter } from '../../../server/routes/users';
import { ANY_STAFF, apiRoutes, describePermissionMatrix, routesWithoutRule, type EndpointRule } from './permission-matrix';
import { createTestServer, EVERYONE, type TestServer } from './harness';

const user = (s: { ids: { target: number } }) => `/api/users/${s.ids.target}`;

const rules: EndpointRule[] = [
  { method: 'GET', path: '/api/health', allow: EVERYONE },
  { method: 'POST', path: '/api/session', body: { email: 'nobody@test.ips-trial.invalid', password: 'wrong-password' }, allow: EVERYONE },
  { method: 'GET', path: '/api/session', allow: ANY_STAFF },
  { method: 'DELETE', path: '/api/session', allow: ANY_STAFF, relogin: true },
  { method: 'PUT', path: '/api/session/password', body: { current_password: 'not-the-password', new_password: 'another-password-1' }, allow: ANY_STAFF },
  { method: 'GET', path: '/api/users', allow: ['admin'] },
  { method: 'GET', path: user, allow: ['admin'] },
  { method: 'POST', path: '/api/users', body: { email: 'x@test.ips-trial.invalid', display_name: 'X', role: 'coach', password: 'short' }, allow: ['admin'] },
  { method: 'PATCH', path: user, body: { display_name: 'Test Target' }, allow: ['admin'] },
  { method: 'PUT', path: (s) => `${user(s)}/password`, body: { new_password: 'x' }, allow: ['admin'] },
  { method: 'POST', path: (s) => `${user(s)}/sites`, body: { site_code: 'TST-B' }, allow: ['admin'] },
  { method: 'DELETE', path: (s) => `${user(s)}/sites/TST-B`, allow: ['admin'] },
  { method: 'GET', path: '/api/sites', allow: ANY_STAFF },
  { method: 'GET', path: '/api/sites/TST-A', allow: ANY_STAFF },
  { method: 'POST', path: '/api/sites', body: { code: 'TST-C' }, allow: ['admin', 'trial_manager'] },
  { method: 'PATCH', path: '/api/sites/TST-B', body: { name: 'Testenhet B' }, allow: ['admin', 'trial_manager'] },
  { method: 'DELETE', path: '/api/sites/TST-NONE', allow: ['admin', 'trial_manager'] },
  { method: 'GET', path: '/api/session/totp', allow: ANY_STAFF },
  { method: 'POST', path: '/api/session/totp', allow: ANY_STAFF },
  { method: 'POST', path: '/api/session/totp/confirm', body: { code: '000000' }, allow: ANY_STAFF },
  { method: 'GET', path: '/api/totp-policy', allow: ['admin'] },
  { method: 'PUT', path: '/api/totp-policy', body: { required_roles: [] }, allow: ['admin'] },
  { method: 'POST', path: (s) => `${user(s)}/totp-reset`, body: { reason: 'permission matrix' }, allow: ['admin'] },
  { method: 'GET', path: '/api/unit-costs', allow: ['admin', 'trial_manager', 'evaluator'] },
  { method: 'PUT', path: '/api/unit-costs/inpatient_day', body: { unit_cost: -1 }, allow: ['admin'] },
  { method: 'GET', path: '/api/audit', allow: ['admin', 'data_monitor'] },
  { method: 'GET', path: '/api/audit.csv', allow: ['admin', 'data_monitor'] },
  { method: 'GET', path: '/api/audit/verify', allow: ['admin', 'data_monitor'] },
];

describePermissionMatrix('server core', rules);

describe('permission matrix: server core coverage', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server?.close());

  it('has a rule for every route of the server-core routers', () => {
    const routes = apiRoutes([healthRouter, sessionRouter, usersRouter, totpRouter, sitesRouter, unitCostsRouter, auditRouter], server);
    expect(routes.length).toBeGreaterThanOrEqual(rules.length);
    expect(routesWithoutRule(routes, rules, server)).toEqual([]);
  });
});
