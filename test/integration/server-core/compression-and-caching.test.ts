/**
 * What a tablet downloads: the real built tablet page served compressed
 * (brotli when offered, else gzip) and decompressing to the very file on
 * disk; hashed scripts and styles cached immutable, pages revalidated; the
 * session answer (it carries the CSRF token) never compressed.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, type WebBuildResult } from '../../../web/build';
import { createTestServer, TEST_PASSWORD, type TestServer } from './harness';

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe('server core: compression and caching of the web pages', () => {
  let server: TestServer;
  let http: Server;
  let built: WebBuildResult;
  let base: string;

  /** GET without any automatic decompression: the bytes on the wire. */
  const get = (url: string, acceptEncoding: string, cookie?: string) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const headers: Record<string, string> = { 'Accept-Encoding': acceptEncoding, Accept: 'text/html,*/*' };
      if (cookie) headers.Cookie = cookie;
      const req = httpRequest(`${base}${url}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    server = await createTestServer();
    built = await buildWeb({ outDir: server.config.webDir });
    http = server.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => http.once('listening', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
    server?.close();
  });

  it('sends the tablet script and style brotli-compressed (the small page as is), decompressing to the built files', async () => {
    let wire = 0;
    for (const file of built.tabletShell) {
      const res = await get(`/${file}`, 'gzip, deflate, br');
      expect(res.status).toBe(200);
      const onDisk = readFileSync(path.join(server.config.webDir, file));
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      if (onDisk.length < 1024) {
        // below 1 KiB (the tablet.html shell) compression costs more than it saves
        expect(res.headers['content-encoding']).toBeUndefined();
        expect(res.body.equals(onDisk)).toBe(true);
      } else {
        expect(res.headers['content-encoding']).toBe('br');
        expect(brotliDecompressSync(res.body).equals(onDisk)).toBe(true);
      }
      wire += res.body.length;
    }
    // the uncompressed shell is what the tablet received before; on the wire it is well under half
    expect(wire).toBeLessThan(built.tabletBytes.raw / 2);
  });

  it('falls back to gzip for a browser that does not offer brotli, and to plain bytes for one that offers nothing', async () => {
    const script = built.tabletShell[1];
    const gz = await get(`/${script}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(readFileSync(path.join(server.config.webDir, script)))).toBe(true);
    const plain = await get(`/${script}`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(readFileSync(path.join(server.config.webDir, script)))).toBe(true);
  });

  it('caches content-hashed scripts and styles immutable for a year and revalidates pages and the service worker', async () => {
    const [page, script, style] = built.tabletShell;
    for (const asset of [script, style]) {
      expect((await get(`/${asset}`, 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const plainName of [page, 'sw.js', 'index.html']) {
      const res = await get(`/${plainName}`, 'br');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.etag).toBeTruthy();
    }
    // a page route answered with the single-page entry is revalidated too
    expect((await get('/staff/participants', 'br')).headers['cache-control']).toBe('no-cache');
  });

  it('compresses large API answers for a logged-in member of staff', async () => {
    const login = await server.as('admin').get('/api/session');
    expect(login.status).toBe(200);
    const cookie = await new Promise<string>((resolve, reject) => {
      const body = JSON.stringify({ email: server.emailOf('admin'), password: TEST_PASSWORD });
      const req = httpRequest(`${base}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]));
      });
      req.on('error', reject);
      req.end(body);
    });
    const audit = await get('/api/audit', 'br', cookie);
    expect(audit.status).toBe(200);
    expect(audit.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(audit.body).toString('utf8'))).toBeTruthy();
  });
});
