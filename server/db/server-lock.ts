/**
 * Which process serves a database: `ips-trial serve` writes
 * `<database>.server-pid` (its process id) when it starts and removes it when
 * it stops; commands that must not run under a live server (`restore`) ask
 * `serverHolding`. A file left by a killed server names a process that no
 * longer exists and is ignored. (A process id reused by an unrelated program
 * would make restore refuse wrongly, never run wrongly: delete the file once
 * sure no server runs.)
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export function serverPidFile(dbFile: string): string {
  return `${dbFile}.server-pid`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The id of a live process serving `dbFile`, or null. */
export function serverHolding(dbFile: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(serverPidFile(dbFile), 'utf8').trim());
  } catch {
    return null;
  }
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

/** Marks `dbFile` as served by this process; returns the release. */
export function holdServerLock(dbFile: string): () => void {
  const file = serverPidFile(dbFile);
  writeFileSync(file, `${process.pid}\n`, { mode: 0o600 });
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // already gone
    }
  };
}
