/**
 * The only writer of error responses. Problems (errors.ts) become
 * `{ error: { code, message, fields? } }` with their status; the body
 * parser's errors become 400 / 413 / 415 problems; a database constraint
 * failure becomes 409 (unique, foreign key) or 400 (check, not null) as a
 * safety net behind the services' own checks; anything else is logged
 * (without the request body) and answered with a plain 500 that never
 * carries a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Problem, problems } from '../errors';
import type { Log } from '../log';

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

export function errorHandler(log: Log, bodyLimit: number): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    let problem = toProblem(err, bodyLimit);
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
