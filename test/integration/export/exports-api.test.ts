import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../server-core/harness';
import { describePermissionMatrix } from '../server-core/permission-matrix';
import { makeStudy } from './study';

async function waitForExport(server: TestServer, id: number) {
  for (let i = 0; i < 600; i += 1) {
    const res = await server.as('trial_manager').get(`/api/exports/${id}`);
    if (res.body.export.status !== 'running') return res.body.export;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('export did not finish');
}

describe('api: exports', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
    await makeStudy(server, 60, 2);
  }, 60_000);
  afterAll(() => server?.close());

  it('exports in the background and offers each file for download, with its SHA-256 in the audit trail', async () => {
    const start = await server.as('evaluator').send('POST', '/api/exports', { pidMode: 'fresh', k: 3 });
    expect(start.status, JSON.stringify(start.body)).toBe(202);
    expect(start.body.export.status).toBe('running');
    // the server answers other requests while the export runs
    expect((await server.as('evaluator').get('/api/exports')).status).toBe(200);
    const done = await waitForExport(server, start.body.export.id);
    expect(done.status, done.error).toBe('done');
    expect(done.participants).toBe(61);
    const names = done.files.map((f: { name: string }) => f.name);
    expect(names).toEqual(expect.arrayContaining(['participants.csv', 'assessments.csv', 'data_dictionary.csv', 'codebook.md', 'load.R', 'load.do', 'load.sps', 'README.md', 'settings.json']));
    const file = done.files.find((f: { name: string }) => f.name === 'participants.csv');
    const download = await server.as('evaluator').get(file.url);
    expect(download.status).toBe(200);
    expect(createHash('sha256').update(Buffer.from(download.text, 'utf8')).digest('hex')).toBe(file.sha256);
    const audit = server.db.prepare("SELECT actor, after_json FROM audit_entries WHERE action = 'export'").all() as { actor: string; after_json: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after_json).files.find((f: { name: string }) => f.name === 'participants.csv').sha256).toBe(file.sha256);
    expect(server.db.prepare("SELECT count(*) AS n FROM audit_entries WHERE action = 'download'").get()).toEqual({ n: 1 });
  }, 60_000);

  it('gives the whole export as one zip whose files match the manifest checksums, audited', async () => {
    const start = await server.as('trial_manager').send('POST', '/api/exports', { pidMode: 'keyed', k: 5 });
    const done = await waitForExport(server, start.body.export.id);
    expect(done.archiveUrl).toBe(`/api/exports/${done.id}/archive.zip`);
    const res = await server
      .as('trial_manager')
      .get(done.archiveUrl)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="ips-trial-export-${done.id}.zip"`);
    const entries = unzipSync(new Uint8Array(res.body as Buffer));
    const top = `ips-trial-export-${done.id}/`;
    expect(Object.keys(entries).every((name) => name.startsWith(top))).toBe(true);
    for (const file of done.files as { name: string; sha256: string }[]) {
      const bytes = entries[`${top}${file.name}`];
      expect(bytes, file.name).toBeDefined();
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
    }
    const audit = server.db.prepare("SELECT entity_id FROM audit_entries WHERE action = 'download' AND entity = 'export_archive'").all();
    expect(audit).toEqual([{ entity_id: String(done.id) }]);
  }, 60_000);

  it('refuses bad options naming the field, and unknown files', async () => {
    const bad = await server.as('evaluator').send('POST', '/api/exports', { pidMode: 'sometimes', k: 0, colour: 'red' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['colour', 'k', 'pidMode']);
    expect((await server.as('evaluator').get('/api/exports/1/files/..%2Ftrial.db')).status).toBe(404);
    expect((await server.as('evaluator').get('/api/exports/999')).status).toBe(404);
  });
});

describePermissionMatrix('exports and reports', [
  { method: 'POST', path: '/api/exports', body: { k: 'x' }, allow: ['evaluator', 'trial_manager'] },
  { method: 'GET', path: '/api/exports', allow: ['evaluator', 'trial_manager'] },
  { method: 'GET', path: '/api/exports/999', allow: ['evaluator', 'trial_manager'] },
  { method: 'GET', path: '/api/exports/999/files/participants.csv', allow: ['evaluator', 'trial_manager'] },
  { method: 'GET', path: '/api/exports/999/archive.zip', allow: ['evaluator', 'trial_manager'] },
  { method: 'POST', path: '/api/reports/icer', body: { k: 'x' }, allow: ['evaluator', 'trial_manager', 'admin'] },
  { method: 'GET', path: '/api/reports', allow: ['evaluator', 'trial_manager', 'admin', 'data_monitor'] },
  { method: 'GET', path: '/api/reports/999', allow: ['evaluator', 'trial_manager', 'admin', 'data_monitor'] },
  { method: 'GET', path: '/api/reports/999/report.html', allow: ['evaluator', 'trial_manager', 'admin', 'data_monitor'] },
  { method: 'GET', path: '/api/reports/999/result.json', allow: ['evaluator', 'trial_manager', 'admin', 'data_monitor'] },
]);
