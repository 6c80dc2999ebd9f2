/**
 * A table-driven permission matrix: for every endpoint rule and every caller
 * (anonymous + each role) it asserts that allowed callers get past the
 * permission check (no `not_authenticated` / `forbidden` answer, no 5xx;
 * a 400 for a deliberately incomplete body is fine) and refused callers get 401
 * (anonymous) or 403 (staff) with nothing written to the audit trail.
 * Other areas add their own tables:
 *
 *   describePermissionMatrix('participants', [
 *     { method: 'GET', path: '/api/participants', allow: ['admin', 'trial_manager', 'coach'] },
 *   ]);
 *
 * Bodies are optional: permission is checked before the body, so an allowed
 * caller may well get a 400. A rule whose call ends the caller's session
 * (logout, password change) should say `relogin: true`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAuditEntries } from '../../../server/db/queries/audit-entries';
import { ROLES, type Role } from '../../../server/db/queries/users';
import { rateLimits } from '../../../server/http/rate-limit';
import type { MakeRouter } from '../../../server/routes/context';
import { BackgroundJobs } from '../../../server/services/background-jobs';
import { silentLogger } from '../../../server/log';
import { createTestServer, EVERYONE, type Method, type TestServer, type Who } from './harness';

export interface EndpointRule {
  method: Method;
  /** the path, or a function of the test server (to use ids it created) */
  path: string | ((server: TestServer) => string);
  body?: unknown | ((server: TestServer) => unknown);
  /** who may call it; everyone else must be refused */
  allow: readonly Who[];
  relogin?: boolean;
}

export const ANY_STAFF: readonly Role[] = ROLES;

export function describePermissionMatrix(
  title: string,
  rules: EndpointRule[],
  setup?: (server: TestServer) => Promise<void> | void,
): void {
  describe(`permission matrix: ${title}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await createTestServer();
      await setup?.(server);
    });
    afterAll(() => server?.close());

    const cases = rules.flatMap((rule) => EVERYONE.map((who) => ({ rule, who })));
    it.each(cases.map((c) => [`${c.rule.method} ${typeof c.rule.path === 'string' ? c.rule.path : c.rule.path.toString().replace(/^.*=>\s*/, '')}`, c.who, c] as const))(
      '%s as %s',
      async (_name, who, { rule }) => {
        const path = typeof rule.path === 'function' ? rule.path(server) : rule.path;
        const body = typeof rule.body === 'function' ? (rule.body as (s: TestServer) => unknown)(server) : rule.body;
        const auditBefore = countAuditEntries(server.db, {});
        const res = await server.as(who).send(rule.method, path, body);
        if (rule.allow.includes(who)) {
          expect(['not_authenticated', 'forbidden'], `${rule.method} ${path} as ${who} → ${res.status} ${JSON.stringify(res.body)}`).not.toContain(res.body?.error?.code);
          expect(res.status, `${rule.method} ${path} as ${who}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
        } else {
          expect(res.status, `${rule.method} ${path} as ${who}: ${JSON.stringify(res.body)}`).toBe(who === 'anonymous' ? 401 : 403);
          expect(res.body.error.code).toBe(who === 'anonymous' ? 'not_authenticated' : 'forbidden');
          expect(countAuditEntries(server.db, {})).toBe(auditBefore);
        }
        if (rule.relogin && who !== 'anonymous') await server.relogin(who);
      },
    );
  });
}

/** Every route the given routers define, as `METHOD /api/pattern` (e.g. `PATCH /api/sites/:code`). */
export function apiRoutes(makers: MakeRouter[], server: TestServer): string[] {
  const routes: string[] = [];
  for (const make of makers) {
    const router = make({ config: server.config, db: server.db, log: silentLogger(), jobs: new BackgroundJobs(server.config.backgroundJobs), rateLimits: rateLimits() }) as unknown as {
      stack: { route?: { path: string; methods: Record<string, boolean> } }[];
    };
    for (const layer of router.stack) {
      if (!layer.route) continue;
      for (const method of Object.keys(layer.route.methods)) routes.push(`${method.toUpperCase()} /api${layer.route.path}`);
    }
  }
  return routes;
}

/** The routes no rule exercises: a matrix table should leave none. */
export function routesWithoutRule(routes: string[], rules: EndpointRule[], server: TestServer): string[] {
  const called = rules.map((rule) => `${rule.method} ${(typeof rule.path === 'function' ? rule.path(server) : rule.path).split('?')[0]}`);
  return routes.filter((route) => {
    const pattern = new RegExp(`^${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]+/g, '[^/]+')}$`);
    return !called.some((call) => pattern.test(call));
  });
}
