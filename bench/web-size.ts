/**
 * Transfer size of the participant tablet page: builds the web pages into a
 * temp folder and prints the bytes a tablet downloads to open the
 * questionnaire (HTML + script + style), raw and gzip-compressed, with the
 * time that takes over a slow 3G link (400 kbit/s). Run: npx tsx bench/web-size.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWeb } from '../web/build';

const dir = mkdtempSync(path.join(tmpdir(), 'ips-web-size-'));
try {
  const result = await buildWeb({ outDir: path.join(dir, 'dist') });
  const kib = (n: number) => (n / 1024).toFixed(1);
  const seconds3g = (result.tabletBytes.gzip * 8) / 400_000;
  process.stdout.write(`web: tablet page transfer ${kib(result.tabletBytes.gzip)} KiB gzip (${kib(result.tabletBytes.raw)} KiB raw; ${result.tabletShell.join(', ')}); ~${seconds3g.toFixed(1)} s at 400 kbit/s\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
