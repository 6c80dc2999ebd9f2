import express from 'express';
import request from 'supertest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../../../server/db/open';
import { insertSite } from '../../../server/db/queries/sites';
import { problems } from '../../../server/errors';
import { errorHandler } from '../../../server/http/error-handler';
import { silentLogger } from '../../../server/log';

const dir = mkdtempSync(path.join(tmpdir(), 'ips-trial-errors-'));
const db = openMigratedDatabase(path.join(dir, 'trial.db'));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function appThrowing(work: () => void) {
  const app = express();
  app.get('/x', () => work());
  app.use(errorHandler(silentLogger(), 1024));
  return app;
}

const site = { code: 'DUP-1', name: 'D', region: 'R', placesMin: 4, placesMax: 8 };

describe('server/http/error-handler', () => {
  it('writes a problem with its status, code, message and fields', async () => {
    const res = await request(appThrowing(() => { throw problems.invalidBody([{ field: 'eq5d_mo', message: 'eq5d_mo must be one of 1, 2, 3, 4, 5' }]); })).get('/x');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'invalid_body', message: expect.stringContaining('eq5d_mo'), fields: [{ field: 'eq5d_mo', message: 'eq5d_mo must be one of 1, 2, 3, 4, 5' }] } });
  });

  it('turns a unique-constraint failure of the database into 409, not 500', async () => {
    insertSite(db, site, '2026-01-01T00:00:00.000Z');
    const res = await request(appThrowing(() => insertSite(db, site, '2026-01-01T00:00:00.000Z'))).get('/x');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('turns a CHECK failure into 400', async () => {
    const res = await request(appThrowing(() => insertSite(db, { ...site, code: 'DUP-2', placesMin: 8, placesMax: 4 }, 'now'))).get('/x');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_body');
  });

  it('answers an unexpected error with a plain 500 and no stack trace', async () => {
    const res = await request(appThrowing(() => { throw new TypeError('secret internals at /srv/x.ts:10'); })).get('/x');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal_error', message: 'Something went wrong on the server; nothing was saved' } });
    expect(res.text).not.toContain('secret internals');
  });
});
