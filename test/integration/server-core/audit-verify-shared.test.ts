/**
 * A monitor asking for the audit check again while one runs shares that
 * check (one worker thread, one verdict) instead of starting another; once it
 * has finished, the next request starts a fresh check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../server/services/audit';
import { verifyAuditInWorker } from '../../../server/services/audit-verification';
import { createTestServer, type TestServer } from './harness';

describe('audit trail: concurrent verify requests share one check', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server?.close());

  it('gives requests made while a check runs the same check, and a later request a new one', async () => {
    const first = verifyAuditInWorker(server.config.dbFile);
    const second = verifyAuditInWorker(server.config.dbFile);
    expect(second).toBe(first);
    const verdict = await first;
    expect(verdict).toEqual(verifyAudit(server.db));
    const later = verifyAuditInWorker(server.config.dbFile);
    expect(later).not.toBe(first);
    expect(await later).toEqual(verifyAudit(server.db));
  }, 60_000);
});
