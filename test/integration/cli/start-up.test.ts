/**
 * `ips-trial` registers every command cheaply: `--help`, and any one command,
 * load commander and the command modules' registration code only; the heavy
 * modules (the analysis, Vega, better-sqlite3, express, the services) are
 * imported inside the action of the command that runs, and tsx is loaded
 * only in Node's module-loader thread (docs/operations.md, "Start-up").
 * Checked by recording every module the real CLI process loads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_PARTICIPANTS } from '../../../analysis/demo';
import { DEFAULT_OUT_DIR } from '../../../web/build';
import { DEMO_PARTICIPANTS_DEFAULT } from '../../../server/bin/commands/demo-data';
import { WEB_DIST_DEFAULT } from '../../../server/bin/commands/build-web';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const hook = fileURLToPath(new URL('./record-module-loads.mjs', import.meta.url));
const logDir = mkdtempSync(join(tmpdir(), 'ips-start-up-'));
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

/** Runs `ips-trial …args` and returns its exit code, stdout and the project paths / packages it loaded. */
function loadsOf(...args: string[]) {
  const log = join(logDir, `${args.join('_').replace(/[^\w-]/g, '')}.log`);
  const run = spawnSync(process.execPath, ['--import', hook, 'bin/ips-trial.js', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, IPS_LOAD_LOG: log },
  });
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  const urls = lines.filter((url) => url.startsWith('file://'));
  const mainThreadCjs = lines.filter((line) => line.startsWith('main-thread-cjs ')).map((line) => line.slice('main-thread-cjs '.length).slice(repoRoot.length));
  const paths = urls.map((url) => fileURLToPath(url).slice(repoRoot.length));
  const packages = new Set(paths.filter((p) => p.startsWith('node_modules/')).map((p) => p.split('/')[p.split('/')[1].startsWith('@') ? 2 : 1]));
  const ownFiles = paths.filter((p) => !p.startsWith('node_modules/'));
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, packages, ownFiles, mainThreadCjs };
}

const HEAVY_PACKAGES = ['better-sqlite3', 'express', 'vega', 'vega-lite', 'pino', 'pino-http', 'helmet', 'ajv', 'csv-parse', 'csv-stringify', 'cli-progress', 'jstat', 'simple-statistics'];
const HEAVY_FOLDERS = ['analysis/', 'instruments/', 'web/', 'server/services/', 'server/routes/', 'server/report/', 'server/dataset/', 'server/export/', 'server/http/'];

describe('ips-trial start-up', () => {
  it('--help lists every command and loads only commander and the registration code', () => {
    const run = loadsOf('--help');
    expect(run.code).toBe(0);
    for (const command of ['randomization', 'demo-data', 'serve', 'user', 'audit', 'backup', 'migrate', 'dictionary', 'eq5d-index', 'analyze', 'build-web', 'export', 'funder-report', 'power']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    // commander, and tsx (with the esbuild it transforms TypeScript with); nothing of the product's own dependencies
    expect([...run.packages].filter((p) => p !== 'tsx' && p !== 'esbuild').sort()).toEqual(['commander']);
    expect(run.ownFiles.filter((file) => HEAVY_FOLDERS.some((folder) => file.startsWith(folder)))).toEqual([]);
    expect(run.ownFiles).toContain('server/bin/commands/analyze.ts');
    // tsx's hooks are registered straight into the loader thread: the main thread never loads esbuild (bin/ips-trial.js)
    expect(run.mainThreadCjs).toContain('node_modules/commander/index.js');
    expect(run.mainThreadCjs.filter((file) => file.includes('/esbuild/'))).toEqual([]);
  });

  it('analyze --help prints its options without loading the analysis or the report', () => {
    const run = loadsOf('analyze', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--settings <file>');
    expect(HEAVY_PACKAGES.filter((p) => run.packages.has(p))).toEqual([]);
    expect(run.ownFiles.filter((file) => HEAVY_FOLDERS.some((folder) => file.startsWith(folder)))).toEqual([]);
  });

  it('analyze of an invalid folder reports the problems without loading the report (Vega)', () => {
    const empty = mkdtempSync(join(logDir, 'empty-dataset-'));
    const run = loadsOf('analyze', empty);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('participants.csv: required file is missing');
    expect(run.ownFiles).toContain('analysis/index.ts');
    expect(['vega', 'vega-lite', 'better-sqlite3', 'express'].filter((p) => run.packages.has(p))).toEqual([]);
    expect(run.ownFiles.filter((file) => file.startsWith('server/report/'))).toEqual([]);
  });

  it('eq5d-index loads the EQ-5D scoring but not the analysis, the database or the web server', () => {
    const run = loadsOf('eq5d-index', '--value-set', 'eq5d5l_SE_Sun2022', '11111');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('1\n');
    expect(run.ownFiles).toContain('instruments/eq5d/index.ts');
    expect(HEAVY_PACKAGES.filter((p) => run.packages.has(p))).toEqual([]);
    expect(run.ownFiles.filter((file) => file.startsWith('analysis/') || file.startsWith('server/services/'))).toEqual([]);
  });

  it('the defaults --help shows are those of the modules that use them', () => {
    expect(DEMO_PARTICIPANTS_DEFAULT).toBe(DEFAULT_DEMO_PARTICIPANTS);
    expect(WEB_DIST_DEFAULT).toBe(DEFAULT_OUT_DIR);
    expect(loadsOf('demo-data', '--help').stdout).toContain(`(default: ${DEFAULT_DEMO_PARTICIPANTS})`);
  });
});
