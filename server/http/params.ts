/** Reading path parameters: a positive integer id, or 404 (an id that cannot exist is an unknown id). */
import type { Request } from 'express';
import { problems } from '../errors';

export function idParam(req: Request, name: string, what: string): number {
  const raw = String(req.params[name] ?? '');
  const id = /^[1-9][0-9]{0,14}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw problems.notFound(what, raw.slice(0, 40));
  return id;
}
