// Entry of the worker threads of exports and reports: registers tsx's loader
// in the worker (the code base is TypeScript, run without a build step, as in
// bin/ips-trial.js) and then loads the TypeScript module named in
// workerData.entry, which reads the rest of workerData itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
