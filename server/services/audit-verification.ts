/**
 * The hash-chain check of the audit trail for the web: runs `verifyAudit` in
 * a worker thread on its own read-only connection, so a long trail (tens of
 * thousands of entries) does not hold up the server's other requests. The
 * verdict is the same as `verifyAudit(db)` on the main thread. Requests that
 * come while a check of the same file runs share that check's verdict, so a
 * monitor looping verify (or many at once) never runs more than one worker.
 */
import { startTsWorker } from '../export/ts-worker';
import type { ChainVerdict } from './audit-chain';
import { settleOnce } from './background-jobs';

const running = new Map<string, Promise<ChainVerdict>>();

export function verifyAuditInWorker(dbFile: string): Promise<ChainVerdict> {
  const shared = running.get(dbFile);
  if (shared) return shared;
  const check = startVerification(dbFile).finally(() => running.delete(dbFile));
  running.set(dbFile, check);
  return check;
}

function startVerification(dbFile: string): Promise<ChainVerdict> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL('./audit-verify-worker.ts', import.meta.url), { dbFile });
    const settle = settleOnce(() => undefined);
    worker.on('message', (message: { verdict?: ChainVerdict; error?: string }) =>
      settle(() => (message.verdict ? resolve(message.verdict) : reject(new Error(message.error ?? 'the audit verification failed')))),
    );
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the audit verification stopped (exit code ${code})`))));
  });
}
