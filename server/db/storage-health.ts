/**
 * Whether the database can be written right now, for `GET /api/health`: a
 * small real write (8 KiB, committed, then removed; at most every few
 * seconds), and whether the file at the configured path is still the one
 * the server opened (a file copied or renamed over the live database is
 * never written by this process: its writes would be lost). Each answer is
 * a state and a sentence saying why and what to do.
 */
import { statSync } from 'node:fs';
import type { Db } from './connection';
import { probeWrite } from './queries/maintenance';

export type StorageState = 'ok' | 'disk_full' | 'read_only' | 'replaced' | 'unavailable';

export interface StorageHealth {
  state: StorageState;
  /** a sentence for the administrator when the state is not ok */
  reason?: string;
}

/** What a SQLite error code means for the people running the trial (null: not a storage problem). */
export function storageStateOf(code: unknown): Exclude<StorageState, 'ok' | 'replaced'> | null {
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') return 'read_only';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return 'unavailable';
  return null;
}

export const STORAGE_REASONS: Record<Exclude<StorageState, 'ok'>, (file: string) => string> = {
  disk_full: (file) => `the disk holding ${file} is full: nothing can be saved until space is freed (docs/operations.md)`,
  read_only: (file) => `${file} cannot be written (read-only file, folder or disk): nothing can be saved until it is writable again`,
  replaced: (file) =>
    `${file} is no longer the file this server opened (it was replaced, moved or deleted while the server ran): stop the server; to bring back a backup use \`ips-trial restore\``,
  unavailable: (file) => `${file} cannot be read or written (input/output error or a damaged file): stop the server and check it (docs/operations.md)`,
};

/** Health is public: its sentences name no server path. */
const PUBLIC_NAME = 'the database';

function inodeOf(file: string): number | null {
  try {
    return statSync(file).ino;
  } catch {
    return null;
  }
}

/** Checks storage for one database file; remembers the file it was opened with. */
export function storageMonitor(db: Db, file: string, options: { everyMs?: number; now?: () => number } = {}) {
  const everyMs = options.everyMs ?? 5_000;
  const now = options.now ?? Date.now;
  const openedInode = inodeOf(file);
  let lastProbe: { at: number; health: StorageHealth } | null = null;
  const probe = (): StorageHealth => {
    try {
      probeWrite(db, new Date(now()).toISOString());
      return { state: 'ok' };
    } catch (error) {
      const state = storageStateOf((error as { code?: unknown }).code) ?? 'unavailable';
      return { state, reason: STORAGE_REASONS[state](PUBLIC_NAME) };
    }
  };
  return {
    /** The file is compared on every call; the write is tried at most every `everyMs` while it succeeds (health is public). */
    health(): StorageHealth {
      const inode = inodeOf(file);
      if (openedInode === null || inode !== openedInode) return { state: 'replaced', reason: STORAGE_REASONS.replaced(PUBLIC_NAME) };
      const at = now();
      if (!lastProbe || at - lastProbe.at >= everyMs || lastProbe.health.state !== 'ok') lastProbe = { at, health: probe() };
      return lastProbe.health;
    },
  };
}
