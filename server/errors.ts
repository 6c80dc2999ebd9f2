/**
 * The catalogue of problems the API can report. Each problem has a stable
 * `code` (what clients switch on), an HTTP status and a plain-English message.
 * Code anywhere in the server throws `problems.<name>(…)`; only
 * `http/error-handler.ts` turns a Problem into a response:
 * `{ error: { code, message, fields?: [{ field, message }] } }`.
 */

export interface FieldProblem {
  field: string;
  message: string;
  /** for a refused date: the limit it broke (a date or year) and why (services/date-plausibility.ts) */
  limit?: string;
  code?: string;
  /** for an answer outside its timepoint's window: the window's first and last day */
  opens?: string;
  closes?: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
    /** extra response headers, e.g. Retry-After */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'Problem';
  }
}

export const problems = {
  malformedJson: () => new Problem(400, 'malformed_json', 'The request body is not valid JSON'),
  bodyNotObject: () => new Problem(400, 'invalid_body', 'The request body must be a JSON object'),
  invalidBody: (fields: FieldProblem[]) =>
    new Problem(400, 'invalid_body', `The request body has ${fields.length} problem(s): ${fields.map((f) => f.message).join('; ')}`, fields),
  tooDeep: (maxDepth: number) =>
    new Problem(400, 'too_deep', `The request body nests objects and arrays more than ${maxDepth} levels deep`),
  implausibleDate: (fields: FieldProblem[]) =>
    new Problem(400, 'implausible_date', `${fields.length} date(s) are not plausible: ${fields.map((f) => f.message).join('; ')}`, fields),
  outsideWindow: (field: FieldProblem) => new Problem(400, 'outside_window', field.message, [field]),
  invalidQuery: (fields: FieldProblem[]) =>
    new Problem(400, 'invalid_query', `The query has ${fields.length} problem(s): ${fields.map((f) => f.message).join('; ')}`, fields),
  invalidId: (what: string, value: string) => new Problem(400, 'invalid_id', `"${value}" is not a valid ${what} id`),
  notAuthenticated: () => new Problem(401, 'not_authenticated', 'Log in first'),
  badCredentials: () => new Problem(401, 'bad_credentials', 'The email or password is wrong'),
  wrongPassword: () =>
    new Problem(400, 'wrong_password', 'The current password is wrong', [{ field: 'current_password', message: 'current_password is wrong' }]),
  forbidden: () => new Problem(403, 'forbidden', 'Your role may not do this'),
  totpRequired: () =>
    new Problem(401, 'totp_required', 'This account has two-step verification: send the 6-digit code of the authenticator app as totp_code', [
      { field: 'totp_code', message: 'totp_code is required for this account' },
    ]),
  // 401 at login, 400 when confirming an enrolment from a session
  badTotpCode: (status: 400 | 401, field: string) =>
    new Problem(status, 'bad_totp_code', 'The one-time code is wrong, expired or already used', [{ field, message: `${field} is wrong, expired or already used` }]),
  totpEnrolmentRequired: () =>
    new Problem(403, 'totp_enrolment_required', 'Two-step verification is required for your role: set it up (POST /api/session/totp) before doing anything else'),
  csrf: () =>
    new Problem(403, 'csrf_token_invalid', 'The X-CSRF-Token header is missing or wrong; get the token from GET /api/session'),
  notFound: (what: string, id: string | number) => new Problem(404, 'not_found', `There is no ${what} ${id}`),
  // never echoes the address: it holds the feed's secret token
  calendarFeedNotFound: () => new Problem(404, 'not_found', 'There is no calendar feed at this address (it may have been revoked)'),
  routeNotFound: (method: string, path: string) => new Problem(404, 'not_found', `There is no API endpoint ${method} ${path}`),
  wordingMissing: (lacking: string[]) =>
    new Problem(409, 'wording_missing', `The study has not loaded the full wording of ${lacking.join(', ')}; an admin loads it on the Instrument wording page before a participant answers`),
  wordingFromFile: () =>
    new Problem(409, 'wording_from_file', 'The wording comes from the server\'s IPS_LICENSED_WORDING file; change that file (and restart) instead of loading it here'),
  conflict: (message: string, fields?: FieldProblem[]) => new Problem(409, 'conflict', message, fields),
  reasonRequired: () =>
    new Problem(400, 'reason_required', 'A reason is required when data are changed after first entry', [
      { field: 'reason', message: 'reason is required when data are changed after first entry' },
    ]),
  noChange: (part: string) =>
    new Problem(400, 'no_change', `The correction changes nothing: every value in ${part} is the same as the stored one`, [
      { field: part, message: `${part} changes nothing; give at least one field with a new value` },
    ]),
  bodyTooLarge: (limit: number) => new Problem(413, 'body_too_large', `The request body is larger than ${limit} bytes`),
  cookiesTooLarge: (limit: number) =>
    new Problem(431, 'cookies_too_large', `The Cookie header is larger than ${limit} bytes; clear this site's cookies in the browser and try again`),
  unsupportedMediaType: () =>
    new Problem(415, 'unsupported_media_type', 'Send the request body as JSON with Content-Type: application/json'),
  tooManyRequests: (retryAfterSeconds: number) =>
    new Problem(429, 'too_many_requests', `Too many requests; try again in ${retryAfterSeconds} seconds`, undefined, {
      'Retry-After': String(retryAfterSeconds),
    }),
  accountLocked: (retryAfterSeconds: number) =>
    new Problem(
      429,
      'login_locked',
      `Too many failed logins; logging in is locked for ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
      undefined,
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  tooManyJobs: (mine: number, perPerson: number) =>
    new Problem(429, 'too_many_jobs', `You already have ${mine} exports or reports waiting or running (at most ${perPerson}); wait until one has finished`),
  storage: (sentence: string) => new Problem(503, 'storage_unavailable', `Nothing was saved: ${sentence}`, undefined, { 'Retry-After': '60' }),
  internal: () => new Problem(500, 'internal_error', 'Something went wrong on the server; nothing was saved'),
} as const;
