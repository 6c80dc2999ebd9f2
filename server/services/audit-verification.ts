/**
 * The hash-chain check of the audit trail for the web: runs `verifyAudit` in
 * a worker thread on its own read-only connection, so a long trail (tens of
 * thousands of entries) does not hold up the server's other requests. The
 * verdict is the same as `verifyAudit(db)` on the main thread.
 */
import { startTsWorker } from '../export/ts-worker';
import type { ChainVerdict } from './audit-chain';

export function verifyAuditInWorker(dbFile: string): Promise<ChainVerdict> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL('./audit-verify-worker.ts', import.meta.url), { dbFile });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      finish();
    };
    worker.on('message', (message: { verdict?: ChainVerdict; error?: string }) =>
      settle(() => (message.verdict ? resolve(message.verdict) : reject(new Error(message.error ?? 'the audit verification failed')))),
    );
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the audit verification stopped (exit code ${code})`))));
  });
}
