// Test helper: `node --import <this file> bin/ips-trial.js …` appends the URL of
// every module the process loads to the file named by IPS_LOAD_LOG. On the
// main thread it registers itself as a module-loader hook; in the hooks thread
// its `load` hook does the recording.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.IPS_LOAD_LOG, `${url}\n`);
  return nextLoad(url, context);
}
