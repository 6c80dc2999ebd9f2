/**
 * Export benchmark (`npx tsx bench/export.ts [participants]`, also run by
 * `npm run bench`): writes a generated study of 100,000 participants (five
 * timepoints each, service use, coach time logs, employment episodes,
 * withdrawals, encrypted identifiers) straight into a temporary SQLite file
 * in chunks of 1,000 (bulk inserts, one transaction per chunk), then runs
 * `exportDataset` in a separate process so its peak memory is its own, and
 * prints time and peak RSS against the target (< 30 s, < 300 MB).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoTrial } from '../analysis/demo/index';
import { openMigratedDatabase } from '../server/db/open';
import { exportDataset } from '../server/export/export-dataset';
import { loadSyntheticStudy } from '../server/export/synthetic-study';
import { dropIndexes, restoreIndexes } from '../server/db/queries/synthetic-study';
import { identifierKeys } from '../server/services/participant-identifiers';

const TARGET = { seconds: 30, megabytes: 300 };
const CHUNK = 1000;

function exportCase(dbFile: string, secretsDir: string, out: string): void {
  const db = openMigratedDatabase(dbFile);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const manifest = exportDataset(db, secretsDir, out, { pidMode: 'keyed', k: 5 });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  db.close();
  const rows = Object.fromEntries(manifest.files.filter((f) => f.rows > 0).map((f) => [f.name, f.rows]));
  const bytes = manifest.files.reduce((a, f) => a + f.bytes, 0);
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, peakMb: process.resourceUsage().maxRSS / 1024, rows, bytes })}\n`);
}

function generate(dbFile: string, secretsDir: string, participants: number): number {
  const start = performance.now();
  const db = openMigratedDatabase(dbFile);
  db.pragma('synchronous = OFF');
  const keys = identifierKeys(db, { secretsDir });
  // bulk load: secondary indexes of the big tables are built once at the end, not row by row
  const indexes = dropIndexes(db, ['time_logs', 'responses', 'employment_episodes', 'process_statuses']);
  for (let done = 0; done < participants; done += CHUNK) {
    const dataset = generateDemoTrial({ participants: Math.min(CHUNK, participants - done), seed: 1 + done / CHUNK });
    db.transaction(() => loadSyntheticStudy(db, keys, dataset, { identityOffset: done, storeSettings: done === 0, spreadDays: 730 }))();
  }
  restoreIndexes(db, indexes);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return (performance.now() - start) / 1000;
}

function main(): void {
  const participants = Number(process.argv[2] ?? 100_000);
  const work = mkdtempSync(join(tmpdir(), 'ips-bench-export-'));
  try {
    const dbFile = join(work, 'trial.db');
    const secretsDir = join(work, 'secrets');
    const generated = generate(dbFile, secretsDir, participants);
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
    const output = execFileSync(tsx, [fileURLToPath(import.meta.url), '--export-case', dbFile, secretsDir, join(work, 'export')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const figures = JSON.parse(output.trim().split('\n').at(-1)!) as { seconds: number; cpuSeconds: number; peakMb: number; rows: Record<string, number>; bytes: number };
    const print = (line: string) => process.stdout.write(`${line}\n`);
    print(`\nAnonymized export (bench/export.ts): ${participants.toLocaleString('en-GB')} participants generated into SQLite in ${generated.toFixed(1)} s`);
    print(`  rows: ${Object.entries(figures.rows).map(([name, n]) => `${name} ${n.toLocaleString('en-GB')}`).join(', ')}; ${(figures.bytes / 1e6).toFixed(0)} MB written`);
    print(`  load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores (wall time counts other processes' work; CPU time does not)`);
    print(`  export ${figures.seconds.toFixed(1)} s wall, ${figures.cpuSeconds.toFixed(1)} s CPU (target < ${TARGET.seconds} s) ${figures.seconds < TARGET.seconds ? 'met' : figures.cpuSeconds < TARGET.seconds ? 'met in CPU time, not in wall time' : 'NOT met'}; peak RSS ${figures.peakMb.toFixed(0)} MB (target < ${TARGET.megabytes} MB) ${figures.peakMb < TARGET.megabytes ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--export-case') exportCase(process.argv[3], process.argv[4], process.argv[5]);
else main();
