// Test helper: `node --import <this file> bin/ips-trial.js …` appends the URL of
// every module the process loads to the file named by IPS_LOAD_LOG. On the
// main thread it registers itself as a module-loader hook (its `load` hook,
// run in Node's loader thread, does the recording) and, at exit, adds the
// CommonJS modules loaded on the main thread itself, as `main-thread-cjs <path>`.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  register(import.meta.url);
  const { cache } = createRequire(import.meta.url);
  process.on('exit', () => {
    appendFileSync(process.env.IPS_LOAD_LOG, Object.keys(cache).map((file) => `main-thread-cjs ${file}\n`).join(''));
  });
}

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.IPS_LOAD_LOG, `${url}\n`);
  return nextLoad(url, context);
}
