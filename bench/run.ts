/**
 * `npm run bench`: speed and memory of the cost-effectiveness analysis,
 * printed to stdout (never a test). Each case runs in its own process
 * (bench/analysis-case.ts) on a demo trial (`ips-trial demo-data`) so its peak
 * memory is its own. The floor — a plain typed-array loop doing the same
 * resampling — is measured in this run, and the bootstrap is compared with
 * it; R's boot and mice are compared through the figures quoted in issue 5
 * (constants, not measured here). CPU time, not wall time, is compared (robust
 * to other work on a shared machine); for the imputation it is the main
 * thread's (Linux /proc schedstat), the time the analysis runs for — V8
 * compiles the hot loops on background threads meanwhile, and that CPU time is
 * printed beside it. Then the other parts' benchmark scripts
 * (the tablet page's transfer size, the anonymized export, submissions while
 * the audit trail is verified) when present.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareWithFloor } from './bootstrap-floor';
import type { StageFigure } from './analysis-case';

/** Issue 5: R's boot on 1,000 participants × 10,000 replicates, and mice with m = 20 on 1,000 participants (seconds, this machine). */
const R_BOOT_SECONDS = 3.7;
const R_MICE_SECONDS = 1.1;
/**
 * issue 5 item 7 (memory; analyzeSeconds: "a few seconds on one core" for analyze on 1,000 participants, default settings),
 * tightened by issue 15 part 8: bootstrap ≤ 1.2× its floor, imputation ≥ 20× R's mice, and the whole analyze of
 * 1,000 participants with the sensitivity table and the report in ≤ 1.0 s wall (analyzeWallSeconds).
 */
const TARGETS = { floorRatio: 1.2, miceSpeedup: 20, memoryMb: 500, analyzeSeconds: 5, analyzeWallSeconds: 1 };
/** the end-to-end analyze is run this many times and its fastest wall time kept (with that run's CPU time): other agents' work only ever adds */
const ANALYZE_RUNS = 3;
const REPLICATES = 10000;
const M = 20;

interface CaseFigures {
  participants: number;
  missing: string;
  analysed: { ips: number; control: number };
  stages: StageFigure[];
}

const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const caseScript = fileURLToPath(new URL('./analysis-case.ts', import.meta.url));
const cli = fileURLToPath(new URL('../bin/ips-trial.js', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'ips-bench-'));

interface CommandFigures {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
}

const usageHook = fileURLToPath(new URL('./usage-on-exit.mjs', import.meta.url));
/** Runs `ips-trial <args>` in its own process; wall time, and its CPU time and peak RSS (bench/usage-on-exit.mjs). */
function command(args: string[]): CommandFigures {
  const usageFile = join(workDir, 'usage.json');
  const start = performance.now();
  execFileSync(process.execPath, ['--import', usageHook, cli, ...args], { stdio: 'ignore', env: { ...process.env, IPS_BENCH_USAGE: usageFile } });
  const seconds = (performance.now() - start) / 1000;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuSeconds: number; peakMb: number };
  return { seconds, ...usage };
}

/** Writes a demo trial with `ips-trial demo-data` (its own process) and returns its folder and the command's figures. */
function demoTrial(participants: number): { dir: string } & CommandFigures {
  const dir = join(workDir, `demo-${participants}`);
  return { dir, ...command(['demo-data', dir, '--participants', String(participants), '--seed', '1']) };
}

function runCase(dir: string, missing: string, options: { sensitivity?: boolean; report?: boolean; imputationAlone?: boolean }): CaseFigures {
  const flag = (on: boolean | undefined) => (on ? '1' : '0');
  const args = [caseScript, dir, missing, String(REPLICATES), String(M), flag(options.sensitivity), flag(options.report), flag(options.imputationAlone)];
  const output = execFileSync(tsx, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').at(-1) as string) as CaseFigures;
}

const seconds = (s: number) => `${s.toFixed(s < 1 ? 3 : 2)} s`;
const stageLine = (name: string, f: { seconds: number; cpuSeconds: number; peakMb: number }) =>
  `  ${name.padEnd(46)} ${seconds(f.seconds).padStart(8)} wall ${seconds(f.cpuSeconds).padStart(8)} CPU   peak RSS ${f.peakMb.toFixed(0).padStart(4)} MB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const print = (line = '') => process.stdout.write(`${line}\n`);

function printCase(figures: CaseFigures): void {
  print(`\n${figures.participants.toLocaleString('en-GB')} participants, ${figures.missing}, ${REPLICATES.toLocaleString('en-GB')} replicates` +
    `${figures.missing === 'multiple-imputation' ? `, m = ${M}` : ''} (QALY set analysed: ${figures.analysed.ips} + ${figures.analysed.control})`);
  for (const stage of figures.stages) {
    print(stageLine(stage.stage, stage));
  }
}

/** CPU seconds of a stage: on a shared machine wall time counts other people's work too */
const stageSeconds = (figures: CaseFigures, prefix: string) => figures.stages.find((s) => s.stage.startsWith(prefix))?.cpuSeconds ?? NaN;
const peak = (figures: CaseFigures) => Math.max(...figures.stages.map((s) => s.peakMb));

const started = performance.now();
print('ips-trial benchmark (wall and CPU time per stage; peak RSS = process high-water mark so far)');
const load = loadavg()[0];
print(`load average ${load.toFixed(1)} on ${availableParallelism()} cores${load > availableParallelism() ? ': the machine is busy, wall times are inflated; compare CPU times' : ''}`);
const floor = compareWithFloor(1000, REPLICATES);
print(`\nBootstrap, 1,000 participants × ${REPLICATES.toLocaleString('en-GB')} replicates (best of 3, one core):`);
print(`  floor (plain typed-array loop)           ${seconds(floor.floorSeconds).padStart(9)}`);
print(`  bootstrapIncrements (ΔC, ΔE)             ${seconds(floor.bootstrapSeconds).padStart(9)}   ${(floor.bootstrapSeconds / floor.floorSeconds).toFixed(2)}× floor (target ≤ ${TARGETS.floorRatio}×)`);
print(`  bootstrapIncrements (+ adjusted ΔQALY)   ${seconds(floor.bootstrapAdjustedSeconds).padStart(9)}   ${(floor.bootstrapAdjustedSeconds / floor.floorSeconds).toFixed(2)}× floor`);
print(`  R boot 3.7 s (issue 5, not measured)     ${(R_BOOT_SECONDS / floor.bootstrapSeconds).toFixed(0)}× faster than R's boot`);

const small = demoTrial(1000);
const large = demoTrial(10000);
print('\nCommands, each in its own process (analyze with default settings: 5,000 replicates, sensitivity table, report):');
print(stageLine('ips-trial demo-data --participants 1000', small));
print(stageLine('ips-trial demo-data --participants 10000', large));
const analyzeRuns = Array.from({ length: ANALYZE_RUNS }, () => command(['analyze', small.dir, '--out', join(workDir, 'analysis-1000')]));
const analyze1000 = analyzeRuns.reduce((best, run) => (run.seconds < best.seconds ? run : best));
print(stageLine(`ips-trial analyze (1,000 participants, best of ${ANALYZE_RUNS})`, analyze1000));
// what every command pays before it starts: node, tsx compiling the TypeScript, loading every command module
const startUp = command(['--help']);
print(stageLine('ips-trial --help (start-up of any command)', startUp));
let cases: CaseFigures[];
try {
  cases = [
    runCase(small.dir, 'complete-case', { sensitivity: true, report: true }),
    runCase(small.dir, 'multiple-imputation', { imputationAlone: true }),
    runCase(large.dir, 'complete-case', { report: true }),
    runCase(large.dir, 'multiple-imputation', {}),
  ];
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
cases.forEach(printCase);

const stageOf = (figures: CaseFigures, prefix: string) => figures.stages.find((s) => s.stage.startsWith(prefix)) as StageFigure;
/** The imputation's own time: CPU of the main thread (Linux), which the analysis waits for — V8 compiles on background threads in parallel; else CPU of all threads */
const ownSeconds = (stage: StageFigure) => stage.mainThreadSeconds ?? stage.cpuSeconds;
const imputationFirst = stageOf(cases[1], 'imputation only, first call');
const imputationSteady = stageOf(cases[1], 'imputation only, steady');
const pipeline1000 = stageSeconds(cases[1], 'imputation + MI-Boot');
const floorRatio = floor.bootstrapSeconds / floor.floorSeconds;
const ratioLine = (name: string, figure: string, target: string, ok: boolean) => print(`  ${verdict(ok)}  ${name.padEnd(56)} ${figure.padStart(9)}   target ${target}`);
print('\nAgainst the targets (CPU time, robust to other work on the machine; the imputation is compared with R as the main thread\'s CPU time, the time it runs for):');
ratioLine('bootstrap / floor (1,000 × 10,000)', `${floorRatio.toFixed(2)}×`, `≤ ${TARGETS.floorRatio}×`, floorRatio <= TARGETS.floorRatio);
const speedup = (stage: StageFigure) => R_MICE_SECONDS / ownSeconds(stage);
const threadNote = (stage: StageFigure) => (stage.mainThreadSeconds === undefined ? 'CPU of all threads' : 'CPU of the main thread');
ratioLine(`R mice ${R_MICE_SECONDS} s / imputation, first call (m = ${M}, 1,000)`, `${speedup(imputationFirst).toFixed(1)}×`, `≥ ${TARGETS.miceSpeedup}×`, speedup(imputationFirst) >= TARGETS.miceSpeedup);
print(`        (first call in a fresh process, ${threadNote(imputationFirst)} ${seconds(ownSeconds(imputationFirst))}; wall ${seconds(imputationFirst.seconds)} = ` +
  `${(R_MICE_SECONDS / imputationFirst.seconds).toFixed(1)}×; all threads ${seconds(imputationFirst.cpuSeconds)} CPU = ${(R_MICE_SECONDS / imputationFirst.cpuSeconds).toFixed(1)}×, ` +
  'counting V8 compiling the code on background threads)');
ratioLine(`R mice ${R_MICE_SECONDS} s / imputation, steady state`, `${speedup(imputationSteady).toFixed(1)}×`, `≥ ${TARGETS.miceSpeedup}×`, speedup(imputationSteady) >= TARGETS.miceSpeedup);
print(`        (imputation + pooling + MI-Boot, m = ${M}, 1,000: ${seconds(pipeline1000)} CPU)`);
for (const figures of cases.filter((c) => c.participants === 10000)) {
  ratioLine(`peak memory, 10,000 participants, ${figures.missing}`, `${peak(figures).toFixed(0)} MB`, `< ${TARGETS.memoryMb} MB`, peak(figures) < TARGETS.memoryMb);
}
ratioLine('ips-trial analyze, 1,000 participants, CPU', seconds(analyze1000.cpuSeconds), `≤ ${TARGETS.analyzeSeconds} s`, analyze1000.cpuSeconds <= TARGETS.analyzeSeconds);
ratioLine('ips-trial analyze, 1,000 participants, sensitivity + report, wall', seconds(analyze1000.seconds), `≤ ${seconds(TARGETS.analyzeWallSeconds)}`,
  analyze1000.seconds <= TARGETS.analyzeWallSeconds);
print(`        (end to end in its own process, best of ${ANALYZE_RUNS}: wall ${seconds(analyze1000.seconds)}, CPU ${seconds(analyze1000.cpuSeconds)} all threads; ` +
  `wall on a busy machine counts other people's work — with load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores, CPU ${seconds(analyze1000.cpuSeconds)} is the figure to compare)`);
print(`        (of which start-up ${seconds(startUp.cpuSeconds)} CPU, as for ips-trial --help; the analysis itself ${seconds(analyze1000.cpuSeconds - startUp.cpuSeconds)})`);
print(`\nTotal benchmark time ${seconds((performance.now() - started) / 1000)}`);

/** Other parts' benchmarks, each a script of its own printing its figures (run when present). */
const OTHER_BENCHMARKS = [
  { file: 'web-size.ts', title: 'Tablet page' },
  { file: 'export.ts', title: 'Anonymized export' },
  { file: 'audit-verify.ts', title: 'Submissions while a data monitor loops audit verify' },
  { file: 'ingestion.ts', title: 'Ingestion: tablet submissions to the real server at 16 and 64 clients against raw better-sqlite3' },
];
for (const { file, title } of OTHER_BENCHMARKS) {
  const script = fileURLToPath(new URL(`./${file}`, import.meta.url));
  if (!existsSync(script)) continue;
  print(`\n${title} (bench/${file}):`);
  try {
    execFileSync(tsx, [script], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    print(`  not measured: ${(error as Error).message.split('\n')[0]}`);
  }
}
