/**
 * `ips-trial analyze <dir>`: validates a dataset folder, runs the
 * cost-effectiveness analysis and writes `result.json` and `report.html`
 * into `--out` (default `<dir>/analysis`), then prints a short summary.
 * Invalid input: every problem is printed with file, row and column, the exit
 * code is 1 and nothing is written. Outputs are written to temporary files
 * and renamed into place only when everything succeeded.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { AnalysisResult, AnalysisSettings } from '../../../analysis/index';
import type { DatasetProblem } from '../../../analysis/dataset/validate';

// The analysis, the dataset reader and the scoring are loaded only when
// `analyze` runs, not for `--help` or any other command; the report (Vega)
// only once the dataset is valid.
async function loadAnalyze() {
  const [analysis, { readDataset }, { formatSummary }, { loadScoring }, { default: progress }] = await Promise.all([
    import('../../../analysis/index'),
    import('../../dataset/read-dataset'),
    import('./analyze-summary'),
    import('./analyze-modules'),
    import('cli-progress'),
  ]);
  return { analyzeTrial: analysis.analyzeTrial, validateDataset: analysis.validateDataset, readDataset, formatSummary, loadScoring, progress };
}
type AnalyzeModules = Awaited<ReturnType<typeof loadAnalyze>>;

export interface AnalyzeCommandOptions {
  settings?: string;
  out?: string;
}

export function register(program: Command): void {
  program
    .command('analyze')
    .description('Cost-effectiveness analysis of a dataset folder: writes result.json and report.html, prints a summary')
    .argument('<dir>', 'dataset folder (participants.csv, assessments.csv, service_use.csv, employment.csv, timelogs.csv, unit_costs.csv, optional settings.json)')
    .option('--settings <file>', 'settings file to use instead of <dir>/settings.json')
    .option('--out <dir>', 'output folder (default <dir>/analysis)')
    .action(async (dir: string, options: AnalyzeCommandOptions) => {
      process.exitCode = await runAnalyze(dir, options);
    });
}

/** Runs the command; returns the exit code (0 = written, 1 = invalid input or failure). */
export async function runAnalyze(dir: string, options: AnalyzeCommandOptions): Promise<number> {
  const modules = await loadAnalyze();
  const { readDataset, loadScoring, validateDataset, formatSummary } = modules;
  const folder = resolve(dir);
  let read: ReturnType<typeof readDataset> | undefined = readDataset(folder, options.settings === undefined ? undefined : resolve(options.settings));
  const scoring = await loadScoring();
  const validated = validateDataset(read.raw, { valueSets: scoring.valueSets });
  const problems = [...read.problems, ...(validated.ok ? [] : validated.problems)];
  const sha256 = read.sha256;
  read = undefined; // the CSV records are not needed once validated: let them go before the analysis
  if (problems.length > 0 || !validated.ok) {
    printProblems(folder, problems);
    return 1;
  }
  let result: AnalysisResult;
  let html: string;
  try {
    result = runWithProgress(modules, validated.dataset, validated.settings, scoring.scorer(validated.settings.valueSet), sha256);
    const { renderReport } = await import('../../report/render-report');
    html = await renderReport(result);
  } catch (error) {
    process.stderr.write(`analysis failed: ${(error as Error).message}\n`);
    return 1;
  }
  const out = resolve(options.out ?? join(folder, 'analysis'));
  try {
    writeAtomically(out, { 'result.json': `${JSON.stringify(result, null, 2)}\n`, 'report.html': html });
  } catch (error) {
    process.stderr.write(`cannot write the results to ${out}: ${(error as Error).message}\n`);
    return 1;
  }
  process.stdout.write(formatSummary(result, out));
  return 0;
}

function runWithProgress(
  { analyzeTrial, progress }: AnalyzeModules,
  dataset: Parameters<AnalyzeModules['analyzeTrial']>[0],
  settings: AnalysisSettings,
  scoreUtility: (levels: readonly number[]) => number,
  sha256: string,
): AnalysisResult {
  const software = { name: 'ips-trial', version: packageVersion() };
  if (!process.stderr.isTTY) return analyzeTrial(dataset, settings, { scoreUtility, datasetSha256: sha256, software });
  return withProgressBar(progress, (onProgress) => analyzeTrial(dataset, settings, { scoreUtility, datasetSha256: sha256, software, onProgress }));
}

function withProgressBar<T>(progress: AnalyzeModules['progress'], run: (onProgress: (p: { stage: string; done: number; total: number }) => void) => T): T {
  const bar = new progress.SingleBar({ stream: process.stderr, format: 'analysis [{bar}] {value}/{total} {stage}', hideCursor: true }, progress.Presets.shades_classic);
  bar.start(1, 0, { stage: 'outcomes' });
  try {
    return run(({ stage, done, total }) => {
      bar.setTotal(total);
      bar.update(done, { stage });
    });
  } finally {
    bar.stop();
  }
}

function printProblems(folder: string, problems: DatasetProblem[]): void {
  process.stderr.write(`The dataset in ${folder} is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written.\n`);
  for (const problem of problems) {
    const where = [problem.file, problem.row === null ? null : `row ${problem.row}`, problem.column === null ? null : `column ${problem.column}`]
      .filter(Boolean)
      .join(', ');
    process.stderr.write(`  ${where}: ${problem.message}\n`);
  }
}

function writeAtomically(out: string, files: Record<string, string>): void {
  mkdirSync(out, { recursive: true });
  const suffix = `.tmp-${process.pid}`;
  const written: string[] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(out, name + suffix), content);
      written.push(name);
    }
    for (const name of written) renameSync(join(out, name + suffix), join(out, name));
  } catch (error) {
    for (const name of written) if (existsSync(join(out, name + suffix))) rmSync(join(out, name + suffix));
    throw error;
  }
}

function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return json.version;
}
