/**
 * Worker thread of an ICER report from the live database: reads the database
 * (read-only connection), builds the analysis input (analysis-input.ts), runs
 * analyzeTrial and renders report.html in the chosen language, posting progress as it goes:
 * { progress: { percent, stage } }, then { done: { result, html, sha256,
 * settings } } or { error }.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeTrial } from '../../analysis/index';
import type { ReportLang } from '../../analysis/report/report-texts';
import { openDatabase } from '../db/connection';
import { renderReport } from '../report/render-report';
import { analysisInputFromDatabase } from './analysis-input';

const { dbFile, secretsDir, k, settings, lang } = workerData as { dbFile: string; secretsDir: string; k: number; settings?: Record<string, unknown>; lang?: ReportLang };
const post = (message: unknown) => parentPort!.postMessage(message);

async function run(): Promise<void> {
  post({ progress: { percent: 2, stage: 'dataset' } });
  const db = openDatabase(dbFile, { readonly: true });
  let input;
  try {
    input = await analysisInputFromDatabase(db, secretsDir, { k, settings });
  } finally {
    db.close();
  }
  post({ progress: { percent: 10, stage: 'outcomes' } });
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const result = analyzeTrial(input.dataset, input.settings, {
    scoreUtility: input.scoreUtility,
    datasetSha256: input.sha256,
    software: { name: 'ips-trial', version },
    onProgress: ({ stage, done, total }) => post({ progress: { percent: 10 + Math.round((80 * done) / total), stage } }),
  });
  post({ progress: { percent: 92, stage: 'report' } });
  const html = await renderReport(result, lang ?? 'en');
  post({ done: { result, html, sha256: input.sha256, settings: input.settings } });
}

run().catch((error: Error) => post({ error: error.message }));
