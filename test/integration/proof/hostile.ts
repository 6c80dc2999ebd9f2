/**
 * fast-check arbitraries of hostile requests: strings with lone surrogates,
 * NUL, control and bidi characters, oversized text, numbers at and past the
 * edges of JSON and of JavaScript's safe integers, wrong types, nesting
 * deeper than the server allows, field names from the data dictionary and
 * the API's envelopes (so bodies reach past "unknown field"), path segments
 * that are real ids as well as undecodable percent escapes, query strings
 * with repeated keys, and raw bodies that are not JSON at all.
 */
import fc from 'fast-check';
import { forms } from '../../../data-dictionary/index';

const SPECIAL_TEXT = [
  '\uD800', '\uDFFF', 'a\uDBFFb', '\uDC00\uD800', '\u0000', 'x\u0000y', '\u202E', 'abc\u2066', '\u200F', '\uFEFF', '\u0007', '\u0085', '\r\n', '\t',
  '𝔘𝔫𝔦', '💥', 'ÅÄÖ åäö æøå', "'; DROP TABLE users; --", '../../etc/passwd', '<script>alert(1)</script>', '=HYPERLINK("x")', '%00', '%ED%A0%80',
  '', ' ', ' '.repeat(300), '0', '-1', '1e309', 'NaN', 'Infinity', 'null', 'true', '[]', '{}', '2026-02-30', '2026-13-01', '9999-12-31', '0000-00-00', '1900-01-01',
  '2026-01-15T25:61:00Z', '2026-01-15', '19900101-9801', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
];

const ENVELOPE_KEYS = [
  'participantId', 'timepoint', 'form', 'answers', 'revision', 'complete', 'answered_on', 'out_of_window_reason', 'site', 'site_code', 'site_codes', 'code',
  'referral', 'identity', 'screening', 'consent', 'withdrawal', 'email', 'password', 'current_password', 'new_password', 'display_name', 'role', 'active',
  'pin', 'keep', 'reason', 'lang', 'from', 'to', 'arm', 'status', 'date', 'value', 'field', 'entity', 'entity_id', 'record', 'comment', 'text', 'message',
  'name', 'region', 'places_min', 'places_max', 'study_id', 'studyId', 'k', 'pidMode', 'pid_mode', 'settings', 'missing', 'week', 'entries', 'minutes',
  'episode', 'status_code', 'review', 'items', 'stratum', 'corrected_arm', 'arm_received', 'value_set', 'eq5dValueSetId', 'tabletLanguage', '__proto__', 'constructor',
];
const KEYS = [...new Set([...ENVELOPE_KEYS, ...forms.flatMap((f) => [f.name, ...f.fields.map((field) => field.name)])])];

/** Any UTF-16 code unit, lone surrogates included */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SPECIAL_TEXT), fc.constantFrom('a', '\uD800', 'Å'), fc.integer({ min: 1000, max: 200_000 })).map(([t, c, n]) => t + c.repeat(n)) },
  { weight: 2, arbitrary: fc.constantFrom(...KEYS) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 6, 24, 1.5, -1.5, 2 ** 31, -(2 ** 31), 2 ** 53, 2 ** 53 + 2, -(2 ** 53) - 2, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 0.1 + 0.2),
  fc.integer({ min: -5, max: 100 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));

/** Nested values: mostly shallow, sometimes past the 32 levels the server allows */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }) },
  ),
})).value;

const deep = fc.tuple(fc.integer({ min: 20, max: 120 }), fc.boolean(), leaf).map(([depth, arrays, inner]) => {
  let v: unknown = inner;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { answers: v };
  return v;
});

export const hostileObject: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: hostileString }), fc.oneof({ weight: 6, arbitrary: hostileValue }, { weight: 1, arbitrary: deep }), { maxKeys: 8 });

export type HostileBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: string };

const RAW_BODIES = ['{', '[', '{"a":1e999}', '{"timepoint":1e400,"revision":-1e400}', '{"a":1,"a":2}', 'null', '"text"', '123', 'true', '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}', '[]', '\uFEFF{}', '{"a":"\\ud800"}', '{"\\u0000":1}', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, `{"a":"${'x'.repeat(1_100_000)}"}`];

export const hostileBody: fc.Arbitrary<HostileBody> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 8, arbitrary: hostileObject.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 2, arbitrary: hostileValue.map((value) => ({ kind: 'json' as const, value })) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'), fc.constantFrom(...RAW_BODIES))
      .map(([contentType, text]) => ({ kind: 'raw' as const, contentType, text })),
  },
);

/** A path segment: a real id of the test study (so handlers run past their lookups) or hostile text, percent-encoded or not */
export function pathSegment(real: readonly string[]): fc.Arbitrary<string> {
  const encoded = hostileString.map((s) => {
    try {
      return encodeURIComponent(s.slice(0, 3000));
    } catch {
      return '%ED%A0%80'; // a lone surrogate cannot be encoded: its UTF-8 bytes would be
    }
  });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real) },
    { weight: 3, arbitrary: encoded },
    { weight: 2, arbitrary: fc.constantFrom('%ED%A0%80', '%00', '%E2%80%AE', '%', '%zz', '%C0%AF', '..', '%2F', '%2e%2e', '-1', '0', '1e3', '9007199254740993', '00001', '%20', '1.5', 'a'.repeat(5000)) },
  );
}

export const hostileQuery: fc.Arbitrary<string> = fc.array(
  fc.tuple(
    fc.oneof(fc.constantFrom('site', 'page', 'sort', 'order', 'q', 'search', 'from', 'to', 'limit', 'offset', 'lang', 'state', 'timepoint', 'coach', 'arm', 'stage', 'action', 'entity', 'before', 'status', 'week', 'format', 'a[b]', '__proto__'), hostileString),
    fc.oneof(pathSegment(['1', 'TST-A', 'sv', '2026-01-15']), fc.constant('')),
  ),
  { maxLength: 4 },
).map((pairs) => pairs.map(([k, v]) => `${(() => { try { return encodeURIComponent(k.slice(0, 200)); } catch { return '%ED%A0%80'; } })()}=${v}`).join('&'));

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], found: Path[] = []): Path[] {
  found.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], found));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], found);
  return found;
}

type Mutation = { at: number; op: 'replace' | 'delete' | 'add'; value: unknown; key: string };

function applyMutation(body: unknown, paths: Path[], m: Mutation): unknown {
  const path = paths[m.at % paths.length];
  if (path.length === 0) return m.op === 'replace' ? m.value : body;
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (m.op === 'replace') parent[last] = m.value;
  else if (m.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (!Array.isArray(parent)) Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  else parent.push(m.value);
  return copy;
}

/** A valid `example` body with one to three of its places replaced by hostile values, removed, or given a hostile sibling */
export function mutatedBody(example: unknown): fc.Arbitrary<HostileBody> {
  const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom('replace' as const, 'replace' as const, 'delete' as const, 'add' as const), value: fc.oneof(hostileValue, deep), key: fc.constantFrom(...KEYS) });
  return fc.array(mutation, { minLength: 0, maxLength: 3 }).map((mutations) => {
    // paths are re-read after each step: an earlier mutation may have removed or replaced a branch
    let body = example;
    for (const m of mutations) body = applyMutation(body, pathsOf(body), m);
    return { kind: 'json' as const, value: body };
  });
}

const TOKENISH = ['A'.repeat(43), 'a-_'.repeat(15), 'x'.repeat(101), '', '%', '%E0%A4%A', '%ED%A0%80', '%00', 'null', '..', 'A'.repeat(19)];
const COOKIE_NAMES = ['ips_trial_session', 'ips_trial_tablet', 'ips_trial_tablet_delivery', 'ips_trial_tablet_session'];

/** Forged credentials: a Cookie header with made-up or broken session cookies, and a made-up CSRF token (header values are Latin-1) */
export const forgedHeaders: fc.Arbitrary<{ cookie: string; csrf: string }> = fc.record({
  cookie: fc.oneof(
    fc.array(fc.tuple(fc.constantFrom(...COOKIE_NAMES), fc.array(fc.constantFrom(...TOKENISH), { minLength: 1, maxLength: 3 }).map((t) => t.join('.'))), { minLength: 1, maxLength: 4 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('; ')),
    fc.constantFrom('=', ';;;', 'ips_trial_session', `ips_trial_session=${'A'.repeat(5000)}`, 'ips_trial_session="quoted"', 'a=b=c; =d'),
  ),
  csrf: fc.oneof(fc.constantFrom(...TOKENISH), fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((u) => String.fromCharCode(u)), maxLength: 60 })),
});

/** One value of each hostile kind, for the sweep over every place of a valid body */
export const SWEEP_VALUES: readonly unknown[] = ['\uD800', 'a\u0000\u202Eb', 2 ** 53 + 2, -1e308, -1, 0.5, true, null, [], { __proto__: null, x: {} }, 'x'.repeat(70_000)];

/** Every variant of `example` with exactly one of its places (the whole body included) replaced by one of SWEEP_VALUES */
export function sweepVariants(example: unknown): unknown[] {
  const variants: unknown[] = [];
  for (const path of pathsOf(example)) {
    for (const value of SWEEP_VALUES) variants.push(applyMutation(example, [path], { at: 0, op: 'replace', value, key: '' }));
  }
  return variants;
}
