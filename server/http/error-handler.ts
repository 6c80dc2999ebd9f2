/**
 * The only writer of error responses. Problems (errors.ts) become
 * `{ error: { code, message, fields? } }` with their status; the body
 * parser's errors become 400 / 413 / 415 problems; a database constraint
 * failure becomes 409 (unique, foreign key) or 400 (check, not null) as a
 * safety net behind the services' own checks; a database that cannot be
 * written (disk full, read-only, I/O error) becomes one 503 sentence, logged
 * as one line at most once a minute per kind with the number of requests
 * refused since (never a stack trace per request); anything else is logged
 * (without the request body) and answered with a plain 500 that never
 * carries a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Problem, problems } from '../errors';
import type { Log } from '../log';
import { storageStateOf, STORAGE_REASONS } from '../db/storage-health';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

function toProblem(err: unknown, bodyLimit: number): Problem | null {
  if (err instanceof Problem) return err;
  const e = err as BodyParserError;
  switch (e?.type) {
    case 'entity.parse.failed':
      return problems.malformedJson();
    case 'entity.too.large':
      return problems.bodyTooLarge(e.limit ?? bodyLimit);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problems.unsupportedMediaType();
    case 'request.aborted':
    case 'request.size.invalid':
    case 'entity.verify.failed':
      return new Problem(400, 'invalid_body', 'The request body could not be read');
  }
  const sqliteCode = (err as { code?: unknown })?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
    // a safety net: services check first, but a constraint the database enforces is still bad input, not a crash
    return sqliteCode === 'SQLITE_CONSTRAINT_UNIQUE' || sqliteCode === 'SQLITE_CONSTRAINT_PRIMARYKEY' || sqliteCode === 'SQLITE_CONSTRAINT_FOREIGNKEY'
      ? problems.conflict('The change conflicts with data already saved (a duplicate or a record still in use); nothing was saved')
      : new Problem(400, 'invalid_body', 'The data break a rule of the database; nothing was saved');
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new Problem(e.status, 'bad_request', 'The request could not be understood');
  }
  return null;
}

/** Logs a storage failure as one line at most every `everyMs` per kind, counting the refusals in between. */
function storageLogger(log: Log, dbFile: string, everyMs = 60_000) {
  const lastLogged = new Map<string, { at: number; refusedSince: number }>();
  return (state: keyof typeof STORAGE_REASONS, code: string) => {
    const now = Date.now();
    const last = lastLogged.get(state);
    if (last && now - last.at < everyMs) {
      last.refusedSince += 1;
      return;
    }
    log.error({ code, refusedSinceLastLine: last?.refusedSince ?? 0 }, `database cannot be written: ${STORAGE_REASONS[state](dbFile)}`);
    lastLogged.set(state, { at: now, refusedSince: 0 });
  };
}

export function errorHandler(log: Log, bodyLimit: number, dbFile = 'the database file'): ErrorRequestHandler {
  const logStorage = storageLogger(log, dbFile);
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    let problem = toProblem(err, bodyLimit);
    const storageState = problem ? null : storageStateOf((err as { code?: unknown })?.code);
    if (storageState) {
      logStorage(storageState, String((err as { code: unknown }).code));
      // the answer names no server path; the log line does
      problem = problems.storage(STORAGE_REASONS[storageState]('the database'));
    }
    if (problem && (err as { code?: unknown })?.code && String((err as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')) {
      log.warn({ code: (err as { code: string }).code, method: req.method, path: req.path }, 'database constraint refused a change');
    }
    if (!problem) {
      log.error({ err: { message: (err as Error)?.message, stack: (err as Error)?.stack }, method: req.method, path: req.path }, 'unexpected error');
      problem = problems.internal();
    }
    for (const [name, value] of Object.entries(problem.headers ?? {})) res.setHeader(name, value);
    res.status(problem.status).json({
      error: { code: problem.code, message: problem.message, ...(problem.fields ? { fields: problem.fields } : {}) },
    });
  };
}

/** 404 for any /api path no router answered. */
export const apiNotFound: RequestHandler = (req, _res, next) => next(problems.routeNotFound(req.method, req.originalUrl.split('?')[0]));
