/**
 * `validateBody(formName)`: checks `req.body` against a form of the data
 * dictionary (`validateForm`), answering 400 with every field problem
 * (unknown fields, missing fields, wrong values) and replacing `req.body`
 * with the validated value. A missing body counts as `{}`. The form must
 * exist when the route is registered (a typo fails at start-up).
 */
import type { RequestHandler } from 'express';
import { getForm } from '../../data-dictionary/index';
import { validateForm } from '../../data-dictionary/validate';
import { problems } from '../errors';

export function validateBody(formName: string, options: { partial?: boolean } = {}): RequestHandler {
  if (!getForm(formName)) throw new Error(`validateBody: the data dictionary has no form '${formName}'`);
  return (req, _res, next) => {
    const body: unknown = req.body ?? {};
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return next(problems.bodyNotObject());
    const result = validateForm(formName, body, { partial: options.partial ?? false });
    if (!result.ok) return next(problems.invalidBody(result.errors));
    req.body = result.value;
    next();
  };
}

/** For bodyless actions (DELETE, POST …/deactivate): refuses any body fields. */
export const noBody: RequestHandler = (req, _res, next) => {
  const body: unknown = req.body;
  if (body === undefined || body === null) return next();
  if (typeof body !== 'object' || Array.isArray(body)) return next(problems.bodyNotObject());
  const fields = Object.keys(body);
  if (fields.length) return next(problems.invalidBody(fields.map((f) => ({ field: f, message: `unknown field '${f}'` }))));
  next();
};
