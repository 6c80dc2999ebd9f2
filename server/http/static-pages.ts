/**
 * The web pages: files from `web/dist/` (config.webDir) at `/`, and for page
 * routes (GET of a path without a file extension, asking for HTML, outside
 * /api) the single-page entry `index.html`. /api paths never fall back to a
 * page; a missing asset is a plain 404.
 *
 * Caching: scripts and styles carry a content hash in their name
 * (`tablet-IKUSRLYX.js`, web/build.ts), so a cached copy can never be stale
 * and they are sent `immutable` for a year; the HTML pages and `sw.js` keep
 * plain names and are revalidated on every load (`no-cache`, with ETag), so a
 * new build reaches the tablet on its next load.
 */
import express, { type RequestHandler, type Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** A file name esbuild gave a content hash: `<name>-<8 upper-case letters/digits>.<js|css>`. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css)$/;

/** The Cache-Control header of a web file. */
export function cacheControlFor(file: string): string {
  return HASHED_ASSET.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function staticPages(webDir: string): Router {
  const router = express.Router();
  router.use(
    express.static(webDir, {
      index: 'index.html',
      fallthrough: true,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControlFor(file)),
    }),
  );
  const fallback: RequestHandler = (req, res, next) => {
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api') && !path.extname(req.path);
    if (!isPage || !req.accepts('html')) return next();
    const index = path.join(webDir, 'index.html');
    if (existsSync(index)) {
      res.setHeader('Cache-Control', cacheControlFor(index));
      return res.sendFile(index);
    }
    res.status(404).type('text/plain').send('The web pages are not built yet (web/dist/index.html is missing).\n');
  };
  router.use(fallback);
  router.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found\n');
  });
  return router;
}
