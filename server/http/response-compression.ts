/**
 * Compression of pages and API responses (the `compression` middleware):
 * brotli when the browser offers it, else gzip, for text responses of 1 KiB
 * or more. The tablet page and its script and style reach a tablet at about a
 * quarter of their size (`npm run bench` prints the bytes on the wire).
 *
 * Not compressed: the session answer (`/api/session`), the one response that
 * carries a secret (the CSRF token) — compressing a secret beside text an
 * attacker could influence is what BREACH exploits; it is small anyway.
 */
import compression from 'compression';
import type { Request, Response } from 'express';

function compressible(req: Request, res: Response): boolean {
  if (req.originalUrl.split('?')[0] === '/api/session') return false;
  return compression.filter(req, res);
}

export function responseCompression() {
  return compression({ filter: compressible, threshold: 1024 });
}
