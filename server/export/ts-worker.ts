/** Starts a worker thread running a TypeScript module (through run-ts-worker.mjs, which registers tsx in the thread). */
import { Worker } from 'node:worker_threads';

export function startTsWorker(entry: URL, data: Record<string, unknown>): Worker {
  return new Worker(new URL('./run-ts-worker.mjs', import.meta.url), { workerData: { ...data, entry: entry.href } });
}
