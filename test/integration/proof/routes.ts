/**
 * Every route of the express application, read from its router stack (so a
 * route added tomorrow is fuzzed tomorrow without touching the test):
 * `{ method, path }` with the mount paths joined, e.g. `PUT
 * /api/responses/:clientUuid`. A route registered for several paths gives
 * one entry per path.
 */
import type { Express } from 'express';

export interface RouteEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
}

interface Layer {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

const paths = (p: string | string[] | undefined): string[] => (p === undefined ? [''] : Array.isArray(p) ? p : [p]);

export function listRoutes(app: Express): RouteEntry[] {
  const found: RouteEntry[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
          for (const p of paths(layer.route.path)) found.push({ method: method.toUpperCase() as RouteEntry['method'], path: prefix + p });
        }
      } else if (layer.handle?.stack) {
        for (const p of paths(layer.rawPath)) walk(layer.handle.stack, prefix + (p === '/' ? '' : p));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found;
}
