/**
 * JSON bodies only: a request that carries a body must say
 * `Content-Type: application/json` (else 415), be valid JSON (else 400) and
 * be no larger than the configured limit (else 413). Parsed with express's
 * own parser; its errors are turned into problems by error-handler.ts.
 */
import express, { type RequestHandler } from 'express';
import { problems } from '../errors';

function hasBody(req: Parameters<RequestHandler>[0]): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

export function jsonBody(limitBytes: number): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    if (!hasBody(req)) return next();
    if (!req.is('application/json')) return next(problems.unsupportedMediaType());
    next();
  };
  return [requireJson, express.json({ limit: limitBytes, strict: true, type: 'application/json' })];
}
