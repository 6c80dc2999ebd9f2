/**
 * Exports and ICER reports left "running" by a server that stopped (their
 * worker died with it) are marked failed, with the reason, when the server
 * starts again; finished ones are left as they were. Checked through the
 * API of the restarted server, as the evaluator sees them.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../../../server/db/open';
import { finishExport, insertExport } from '../../../server/db/queries/exports';
import { failReport, insertReport } from '../../../server/db/queries/reports';
import { DEMO_PASSWORD } from '../../../server/demo/index';
import { silentLogger } from '../../../server/log';
import { startServer, type RunningServer } from '../../../server/start';
import { makeTempDir, testConfig } from '../server-core/harness';

describe('exports and reports interrupted by a server restart', () => {
  let dir: string;
  let server: RunningServer | undefined;
  const ids = { runningExport: 0, doneExport: 0, runningReport: 0, failedReport: 0 };

  beforeAll(() => {
    dir = makeTempDir();
    const db = openMigratedDatabase(testConfig(dir).dbFile);
    const now = '2026-01-15T10:00:00.000Z';
    ids.runningExport = insertExport(db, { options: { pidMode: 'keyed', k: 5 }, requestedBy: null, now }).id;
    ids.doneExport = insertExport(db, { options: { pidMode: 'fresh', k: 5 }, requestedBy: null, now }).id;
    finishExport(db, ids.doneExport, { folder: dir, manifest: { participants: 0, files: [] }, now });
    ids.runningReport = insertReport(db, { settings: { k: 5 }, requestedBy: null, now });
    ids.failedReport = insertReport(db, { settings: { k: 5 }, requestedBy: null, now });
    failReport(db, ids.failedReport, 'too few complete cases', now);
    db.close();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks the running ones failed at start and leaves the others', async () => {
    server = await startServer(testConfig(dir, { demo: true, port: 0, host: '127.0.0.1' }), silentLogger());
    const login = await fetch(`${server.url}api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'evaluator@demo.ips-trial.invalid', password: DEMO_PASSWORD }) });
    expect(login.status).toBe(201);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const get = async (url: string) => (await (await fetch(`${server!.url}${url}`, { headers: { Cookie: cookie } })).json()) as Record<string, Record<string, unknown>>;

    const runningExport = (await get(`api/exports/${ids.runningExport}`)).export;
    expect(runningExport.status).toBe('failed');
    expect(runningExport.error).toMatch(/interrupted by a server restart/);
    expect(runningExport.finishedAt).not.toBeNull();
    expect((await get(`api/exports/${ids.doneExport}`)).export.status).toBe('done');

    const runningReport = (await get(`api/reports/${ids.runningReport}`)).report;
    expect(runningReport.status).toBe('failed');
    expect(runningReport.error).toMatch(/interrupted by a server restart/);
    const failedReport = (await get(`api/reports/${ids.failedReport}`)).report;
    expect(failedReport.error).toBe('too few complete cases');
  }, 60_000);
});
