/**
 * The web pages: files from `web/dist/` (config.webDir) at `/`, and for page
 * routes (GET of a path without a file extension, asking for HTML, outside
 * /api) the single-page entry `index.html`. /api paths never fall back to a
 * page; a missing asset is a plain 404.
 */
import express, { type RequestHandler, type Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

export function staticPages(webDir: string): Router {
  const router = express.Router();
  router.use(express.static(webDir, { index: 'index.html', fallthrough: true, dotfiles: 'ignore' }));
  const fallback: RequestHandler = (req, res, next) => {
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api') && !path.extname(req.path);
    if (!isPage || !req.accepts('html')) return next();
    const index = path.join(webDir, 'index.html');
    if (existsSync(index)) return res.sendFile(index);
    res.status(404).type('text/plain').send('The web pages are not built yet (web/dist/index.html is missing).\n');
  };
  router.use(fallback);
  router.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found\n');
  });
  return router;
}
