/**
 * What every parsed JSON body must be before any route sees it: no deeper
 * than `maxDepth` levels of objects and arrays (else 400 `too_deep`), and
 * every string — values and field names alike — free of characters that
 * cannot be stored and hashed faithfully or that disguise text: lone UTF-16
 * surrogates, NUL and the other C0/C1 control characters (tab, line feed and
 * carriage return are allowed: free-text fields may run over several lines;
 * one-line fields are refused by the data dictionary), and the bidirectional
 * override and isolate characters U+202A–U+202E and U+2066–U+2069 (else 400
 * `invalid_body` naming each field). So a name, a reason or a note is either
 * refused whole or saved, hashed into the audit trail and read back exactly
 * as sent.
 */
import type { RequestHandler } from 'express';
import { problems, type FieldProblem } from '../errors';

export const MAX_BODY_DEPTH = 32;

/** The name of the first refused character in `text`, or null when all are allowed. */
export function refusedCharacter(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `a lone surrogate (U+${hex(unit)})`;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return `a lone surrogate (U+${hex(unit)})`;
    if (unit === 0) return 'a NUL character (U+0000)';
    if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0x7f || (unit >= 0x80 && unit <= 0x9f)) {
      return `a control character (U+${hex(unit)})`;
    }
    if ((unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069)) return `a bidirectional override character (U+${hex(unit)})`;
  }
  return null;
}

function hex(unit: number): string {
  return unit.toString(16).toUpperCase().padStart(4, '0');
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * Walks `value` (at most `maxDepth` levels), collecting a field problem for
 * each string with a refused character. Returns 'too_deep' as soon as the
 * nesting goes past the limit.
 */
export function checkBodyContent(value: unknown, maxDepth = MAX_BODY_DEPTH): FieldProblem[] | 'too_deep' {
  const found: FieldProblem[] = [];
  const walk = (node: unknown, path: string, depth: number): boolean => {
    if (typeof node === 'string') {
      const bad = refusedCharacter(node);
      if (bad) found.push({ field: path, message: `${path || 'the body'} contains ${bad}, which is not allowed` });
      return true;
    }
    if (node === null || typeof node !== 'object') return true;
    if (depth >= maxDepth) return false;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) if (!walk(node[i], childPath(path, i), depth + 1)) return false;
      return true;
    }
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      const bad = refusedCharacter(key);
      const here = childPath(path, bad ? JSON.stringify(key) : key);
      if (bad) found.push({ field: here, message: `the field name ${here} contains ${bad}, which is not allowed` });
      if (!walk(child, here, depth + 1)) return false;
    }
    return true;
  };
  return walk(value, '', 0) ? found : 'too_deep';
}

/** The middleware: runs after the JSON parser, before sessions and routes. */
export function bodyContent(maxDepth = MAX_BODY_DEPTH): RequestHandler {
  return (req, _res, next) => {
    if (req.body === undefined || req.body === null) return next();
    const result = checkBodyContent(req.body, maxDepth);
    if (result === 'too_deep') return next(problems.tooDeep(maxDepth));
    if (result.length) return next(problems.invalidBody(result));
    next();
  };
}
