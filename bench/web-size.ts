/**
 * Transfer size of the participant tablet page: builds the web pages into a
 * temp folder and prints the bytes a tablet downloads to open the
 * questionnaire (HTML + script + style): raw, gzip-compressed at build time,
 * and — served by the real application on 127.0.0.1 — the bytes a tablet
 * actually receives when its browser offers brotli or only gzip, with the
 * time that takes over a slow 3G link (400 kbit/s).
 * Run: npx tsx bench/web-size.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openMigratedDatabase } from '../server/db/open';
import { silentLogger } from '../server/log';
import { buildWeb } from '../web/build';

/** Bytes of the body on the wire (no decompression) for GET `url` with this Accept-Encoding. */
function wireBytes(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'none') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'ips-web-size-'));
try {
  const result = await buildWeb({ outDir: path.join(dir, 'dist') });
  const kib = (n: number) => (n / 1024).toFixed(1);
  const at3g = (bytes: number) => `~${((bytes * 8) / 400_000).toFixed(1)} s at 400 kbit/s`;
  process.stdout.write(`web: tablet page ${kib(result.tabletBytes.gzip)} KiB gzip -9 at build (${kib(result.tabletBytes.raw)} KiB raw; ${result.tabletShell.join(', ')})\n`);

  const config = loadConfig({}, { dbFile: path.join(dir, 'trial.db'), secretsDir: path.join(dir, 'secrets'), webDir: path.join(dir, 'dist'), demo: false, logLevel: 'silent' });
  const db = openMigratedDatabase(config.dbFile);
  const server = createApp(config, db, silentLogger()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const offer of ['br, gzip', 'gzip', 'identity']) {
      const answers = await Promise.all(result.tabletShell.map((file) => wireBytes(`${base}/${file}`, offer)));
      const bytes = answers.reduce((sum, a) => sum + a.bytes, 0);
      const encodings = [...new Set(answers.map((a) => a.encoding))].join('/');
      process.stdout.write(`web: tablet receives ${kib(bytes)} KiB (${bytes} bytes) when it offers '${offer}' (sent as ${encodings}); ${at3g(bytes)}\n`);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    db.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
