/**
 * The express application: security headers (helmet, a CSP that allows only
 * the platform's own scripts and styles), request logging without bodies or
 * cookies, Cookie headers over 4 KB refused (431), the JSON API under /api
 * (JSON bodies only, at most 32 levels deep and free of control, bidi and
 * lone-surrogate characters (body-content.ts), session from cookie, CSRF
 * check, the TOTP gate (http/totp-gate.ts), then the routers listed in routes/index.ts, with their rate limiters
 * on `app.locals.rateLimits` and the queue of background jobs), the web pages
 * at / (hashed assets cached immutable), brotli/gzip compression of both, and
 * the one error handler.
 * Nothing is global: everything comes in through `createApp(config, db, log)`.
 */
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from './config';
import type { Db } from './db/connection';
import type { Log } from './log';
import { cookieSizeLimit } from './http/cookie-size';
import { csrfProtection } from './http/csrf';
import { apiNotFound, errorHandler } from './http/error-handler';
import { bodyContent } from './http/body-content';
import { jsonBody } from './http/json-body';
import { responseCompression } from './http/response-compression';
import { rateLimits } from './http/rate-limit';
import { loadSessionFromCookie } from './http/session';
import { totpGate } from './http/totp-gate';
import { staticPages } from './http/static-pages';
import { apiRouters } from './routes/index';
import { BackgroundJobs } from './services/background-jobs';

function securityHeaders(config: Config) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secureCookies,
  });
}

/** A calendar feed's address is its secret (routes/calendar-feeds.ts): logged without the token. */
const withoutFeedToken = (path: string) => path.replace(/^\/api\/calendar\/[^/]+\.ics$/, '/api/calendar/<token>.ics');

function requestLogger(log: Log) {
  return pinoHttp({
    logger: log,
    serializers: {
      req: (req: IncomingMessage & { url?: string }) => ({ method: req.method, path: withoutFeedToken(String(req.url ?? '').split('?')[0]) }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
  });
}

export function createApp(config: Config, db: Db, log: Log): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy ? 1 : false);
  app.use(securityHeaders(config));
  app.use(requestLogger(log));
  app.use(responseCompression());
  app.use(cookieSizeLimit());

  const api = express.Router();
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(jsonBody(config.bodyLimitBytes));
  api.use(bodyContent());
  api.use(loadSessionFromCookie(db, config));
  api.use(csrfProtection);
  api.use(totpGate(db));
  const context = { config, db, log, jobs: new BackgroundJobs(config.backgroundJobs), rateLimits: rateLimits() };
  app.locals.rateLimits = context.rateLimits;
  for (const makeRouter of apiRouters) api.use(makeRouter(context));
  api.use(apiNotFound);

  app.use('/api', api);
  app.use(staticPages(config.webDir));
  app.use(errorHandler(log, config.bodyLimitBytes, config.dbFile));
  return app;
}
