/**
 * One benchmark case, run in its own process by bench/run.ts so its peak
 * memory is its own: reads a demo trial folder (written beforehand by
 * `ips-trial demo-data` in another process), then times each stage of `analyze` — read/validate, outcomes, the main analysis (bootstrap,
 * or imputation + MI-Boot), the sensitivity table (optional), summaries, the
 * report — with the peak resident set size after each. Prints one JSON line.
 * Usage: tsx bench/analysis-case.ts <dir> <complete-case|multiple-imputation> <replicates> <m> <sensitivity 0|1> <report 0|1> <imputation-alone 0|1>
 */
import { existsSync, readFileSync } from 'node:fs';
import { analyzeTrial, validateDataset, type AnalysisProgress } from '../analysis/index';
import { analysedSets } from '../analysis/analysed-sets';
import { imputationFrame } from '../analysis/imputation/imputation-frame';
import { imputationOptions } from '../analysis/imputation/imputation-options';
import { imputeChained } from '../analysis/imputation/impute-chained';
import { buildParticipantTable } from '../analysis/participant-table';
import { xoshiro128 } from '../analysis/stats/xoshiro128';
import { eq5dScorer, listValueSets } from '../instruments/eq5d/index';
import { readDataset } from '../server/dataset/read-dataset';
import { renderReport } from '../server/report/render-report';

export interface StageFigure {
  stage: string;
  seconds: number;
  /** CPU time (user + system) of the stage, seconds, all threads (V8's background compiling and GC included): robust to other load on the machine */
  cpuSeconds: number;
  /** CPU time of the main thread alone (Linux /proc schedstat; absent elsewhere): the time the analysis itself ran, robust to other load */
  mainThreadSeconds?: number;
  /** peak resident set size of the process so far, MB */
  peakMb: number;
}

const [dir, missing, replicates, m, withSensitivity, withReport, imputationAlone] = process.argv.slice(2);
const stages: StageFigure[] = [];
const peakMb = () => process.resourceUsage().maxRSS / 1024;
const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
/** CPU seconds of the main thread so far (the first field of schedstat, ns), or NaN where Linux's /proc is not there */
const mainThreadNow = () => (existsSync(schedstat) ? Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e9 : NaN);
let mark = performance.now();
let cpuMark = cpuNow();
let mainMark = mainThreadNow();
const record = (stage: string) => {
  const now = performance.now();
  const cpu = cpuNow();
  const main = mainThreadNow();
  stages.push({ stage, seconds: (now - mark) / 1000, cpuSeconds: cpu - cpuMark, peakMb: peakMb(), ...(Number.isNaN(main) ? {} : { mainThreadSeconds: main - mainMark }) });
  mark = now;
  cpuMark = cpu;
  mainMark = main;
};
/** Starts the clock of the next stage here. */
const restart = () => {
  mark = performance.now();
  cpuMark = cpuNow();
  mainMark = mainThreadNow();
};

{
  // as ips-trial analyze does: the CSV records are let go once validated
  let read: ReturnType<typeof readDataset> | undefined = readDataset(dir);
  record('read (CSV files)');
  const validated = validateDataset(read.raw, { valueSets: listValueSets().map((v) => ({ id: v.id, instrument: v.instrument })) });
  if (!validated.ok || read.problems.length > 0) throw new Error('the demo trial did not validate');
  const sha256 = read.sha256;
  read = undefined;
  record('validate');
  const settings = {
    ...validated.settings,
    missing: missing as 'complete-case' | 'multiple-imputation',
    imputations: Number(m),
    bootstrap: { ...validated.settings.bootstrap, replicates: Number(replicates) },
  };
  const scoreUtility = eq5dScorer(settings.valueSet);
  if (missing === 'multiple-imputation' && imputationAlone === '1') {
    // the imputation alone (MICE with PMM, m imputations), for comparison with R's mice
    const table = buildParticipantTable(validated.dataset, scoreUtility, settings.discountRate);
    analysedSets(table);
    const frame = imputationFrame(table);
    const options = imputationOptions(settings);
    restart();
    imputeChained(frame, options, xoshiro128(settings.bootstrap.seed));
    record(`imputation only, first call (m = ${m})`);
    // steady state: the best of five further runs (other seeds) once the JIT has compiled the loops, as the floor is a best of 3
    const runs: StageFigure[] = [];
    for (let run = 1; run <= 5; run++) {
      restart();
      imputeChained(frame, options, xoshiro128(settings.bootstrap.seed + run));
      record('run');
      runs.push(stages.pop() as StageFigure);
    }
    runs.sort((a, b) => a.cpuSeconds - b.cpuSeconds);
    stages.push({ ...runs[0], stage: `imputation only, steady (best of 5, m = ${m})` });
    restart();
  }
  const times = new Map<AnalysisProgress['stage'], { wall: number; cpu: number; main: number; peak: number }>();
  const result = analyzeTrial(validated.dataset, settings, {
    scoreUtility,
    datasetSha256: sha256,
    software: { name: 'ips-trial', version: 'bench' },
    sensitivity: withSensitivity === '1',
    onProgress: (p) => {
      times.set(p.stage, { wall: performance.now(), cpu: cpuNow(), main: mainThreadNow(), peak: peakMb() });
    },
  });
  const between = (stage: string, from: AnalysisProgress['stage'], to: AnalysisProgress['stage']) => {
    const [a, b] = [times.get(from), times.get(to)];
    if (a && b) stages.push({ stage, seconds: (b.wall - a.wall) / 1000, cpuSeconds: b.cpu - a.cpu, peakMb: b.peak, ...(Number.isNaN(a.main) ? {} : { mainThreadSeconds: b.main - a.main }) }); // high-water mark at the stage's end
  };
  const mainName = missing === 'multiple-imputation' ? `imputation + MI-Boot (m = ${m})` : 'bootstrap (both analyses)';
  between('outcomes', 'outcomes', 'qaly');
  between(mainName, 'qaly', 'employment');
  if (withSensitivity === '1') between('sensitivity table', 'sensitivity', 'summaries');
  between('summaries', 'summaries', 'done');
  restart();
  if (withReport === '1') {
    await renderReport(result);
    record('report (charts to SVG + HTML)');
  }
  const participants = result.n.ips + result.n.control;
  process.stdout.write(`${JSON.stringify({ participants, missing, analysed: result.qaly.analysed, stages })}\n`);
}
