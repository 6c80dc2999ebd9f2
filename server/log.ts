/**
 * The one structured logger (pino). Log lines carry methods, paths, status
 * codes, ids and timings only: never request bodies, cookies, passwords,
 * identifiers or answers. Create it with `createLogger(config)`; nothing is
 * created at import time.
 */
import { pino, type Logger } from 'pino';

export type Log = Logger;

export function createLogger(options: { logLevel: string }): Log {
  return pino({
    level: options.logLevel,
    base: undefined,
    redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'password', '*.password'], remove: true },
  });
}

/** A logger that writes nothing (tests, CLI commands that print their own output). */
export function silentLogger(): Log {
  return pino({ level: 'silent' });
}
