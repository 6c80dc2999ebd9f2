/**
 * Every problem code the server can send (server/errors.ts and any
 * `new Problem(status, 'code', …)` in server/) has a sentence in the staff
 * catalogue in Swedish, Danish and English, so no page falls back to the
 * server's developer text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../web/staff/texts/index';

const SERVER = path.resolve(__dirname, '../../../server');

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? serverFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** The codes: the second argument of every `new Problem(` in the server. */
function problemCodes(): string[] {
  const codes = new Set<string>();
  for (const file of serverFiles(SERVER)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/new Problem\(\s*[^,]+,\s*'([a-z_]+)'/g)) codes.add(match[1]);
  }
  return [...codes].sort();
}

describe('web/staff/problem-text: a sentence for every server problem code', () => {
  it('finds the codes of the catalogue and of the error handler', () => {
    const codes = problemCodes();
    for (const code of ['invalid_body', 'conflict', 'not_found', 'login_locked', 'bad_request', 'delivery_not_possible']) expect(codes).toContain(code);
  });

  it('has problem.<code> in sv, da and en for every code, and nothing left empty', () => {
    const missing = problemCodes().flatMap((code) => (['sv', 'da', 'en'] as const)
      .filter((lang) => typeof (CATALOGUES[lang] as Record<string, unknown>)[`problem.${code}`] !== 'string' || String((CATALOGUES[lang] as Record<string, unknown>)[`problem.${code}`]).trim() === '')
      .map((lang) => `${lang}: problem.${code}`));
    expect(missing).toEqual([]);
  });
});
