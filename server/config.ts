/**
 * Configuration of the server and the CLI, read once from environment
 * variables (plus command-line overrides) into a frozen, typed object that is
 * passed to `createApp`. Nothing here runs at import time: call `loadConfig`.
 *
 * Variables: PORT (3000), HOST (0.0.0.0), IPS_TRIAL_DB (data/trial.db),
 * IPS_TRIAL_SECRETS (the folder `secrets` beside the database file, never the
 * working directory), IPS_TRIAL_WEB (web/dist), IPS_TRIAL_DEMO
 * (1 = seed the demo study on first start, 0 = empty database),
 * IPS_TRIAL_SECURE_COOKIES (1 when served over https), IPS_TRIAL_TRUST_PROXY
 * (1 behind a reverse proxy), LOG_LEVEL (info), IPS_TRIAL_SESSION_HOURS (12),
 * IPS_TRIAL_SESSION_IDLE_MINUTES (120), IPS_TRIAL_SCRYPT_N (65536: scrypt
 * cost of new password hashes), IPS_LICENSED_WORDING (none: a JSON file of
 * licensed instrument wording, read once by `readLicensedWording` when the
 * server starts and handed to tablet sessions), IPS_TRIAL_MAX_JOBS (one per
 * core: exports and ICER reports running at once; more wait in a queue),
 * IPS_TRIAL_PUBLIC_URL (none: the address participants use, e.g.
 * https://ips.example.org/, printed on home-code slips; without it the slip
 * takes the address from the staff member's request).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { applyLicensedWording, type LicensedWording } from '../data-dictionary/licensed-wording';
import type { Form } from '../data-dictionary/types';

/**
 * Login throttling, counted over `windowMinutes`: one email from one address
 * is locked after `pairFailures` (others behind the same address are not
 * affected); one email from any address after `accountFailures` (guessing
 * spread over many addresses); one address for every email after the much
 * looser `ipFailures` (password spraying).
 */
export interface LoginLimits {
  /** failed attempts for one email from one address before that pair is locked */
  pairFailures: number;
  /** failed attempts for one email from all addresses before the account is locked */
  accountFailures: number;
  /** failed attempts from one address, all emails, before the address is refused */
  ipFailures: number;
  windowMinutes: number;
  /** how long a locked account stays locked */
  lockMinutes: number;
}

export interface Config {
  readonly version: string;
  readonly port: number;
  readonly host: string;
  readonly dbFile: string;
  readonly secretsDir: string;
  readonly webDir: string;
  readonly demo: boolean;
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly logLevel: string;
  readonly sessionHours: number;
  /** a session unused for this long ends (shared clinic computers) */
  readonly sessionIdleMinutes: number;
  /** largest accepted JSON body, in bytes */
  readonly bodyLimitBytes: number;
  readonly login: Readonly<LoginLimits>;
  /** scrypt cost for new password hashes (IPS_TRIAL_SCRYPT_N sets N, a power of two) */
  readonly passwordCost: Readonly<{ N: number; r: number; p: number }>;
  /** the site's licensed instrument wording (IPS_LICENSED_WORDING: a JSON file), or null for the neutral labels */
  readonly licensedWording: string | null;
  /** the public address of the service (IPS_TRIAL_PUBLIC_URL; ends with '/'), or null: home-code slips use the request's host */
  readonly publicUrl: string | null;
  /** exports and ICER reports running at once, and waiting or running per person (IPS_TRIAL_MAX_JOBS sets the first) */
  readonly backgroundJobs: Readonly<{ limit: number; perPerson: number }>;
}

export type ConfigOverrides = Partial<Omit<Config, 'login'>> & { login?: Partial<LoginLimits> };

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function flag(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new Error(`${name} must be 1 or 0, got "${value}"`);
}

function integer(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** IPS_TRIAL_PUBLIC_URL: an absolute http(s) address without query or fragment, kept with a final '/'. */
export function publicUrl(value: string | undefined, name = 'IPS_TRIAL_PUBLIC_URL'): string | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${name} must be an absolute address such as https://ips.example.org/, got "${value}"`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new Error(`${name} must be an http or https address without query, fragment or user name, got "${value}"`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function scryptN(value: string | undefined): number {
  const n = integer(value, 2 ** 16, 'IPS_TRIAL_SCRYPT_N', 2 ** 10, 2 ** 20);
  if ((n & (n - 1)) !== 0) throw new Error(`IPS_TRIAL_SCRYPT_N must be a power of two, got ${n}`);
  return n;
}

/** Reads the configuration from `env`; `overrides` (from command-line options) win. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const base: Config = {
    version: readVersion(),
    port: integer(env.PORT, 3000, 'PORT', 0, 65535),
    host: env.HOST || '0.0.0.0',
    dbFile: path.resolve(env.IPS_TRIAL_DB || 'data/trial.db'),
    secretsDir: '', // set below, beside the database unless given
    webDir: path.resolve(env.IPS_TRIAL_WEB || path.join(ROOT, 'web/dist')),
    demo: flag(env.IPS_TRIAL_DEMO, true, 'IPS_TRIAL_DEMO'),
    secureCookies: flag(env.IPS_TRIAL_SECURE_COOKIES, false, 'IPS_TRIAL_SECURE_COOKIES'),
    trustProxy: flag(env.IPS_TRIAL_TRUST_PROXY, false, 'IPS_TRIAL_TRUST_PROXY'),
    logLevel: env.LOG_LEVEL || 'info',
    sessionHours: integer(env.IPS_TRIAL_SESSION_HOURS, 12, 'IPS_TRIAL_SESSION_HOURS', 1, 24 * 30),
    sessionIdleMinutes: integer(env.IPS_TRIAL_SESSION_IDLE_MINUTES, 120, 'IPS_TRIAL_SESSION_IDLE_MINUTES', 1, 24 * 60 * 30),
    bodyLimitBytes: 1024 * 1024,
    login: { pairFailures: 5, accountFailures: 20, ipFailures: 200, windowMinutes: 15, lockMinutes: 15 },
    passwordCost: Object.freeze({ N: scryptN(env.IPS_TRIAL_SCRYPT_N), r: 8, p: 1 }),
    licensedWording: env.IPS_LICENSED_WORDING ? path.resolve(env.IPS_LICENSED_WORDING) : null,
    publicUrl: publicUrl(env.IPS_TRIAL_PUBLIC_URL),
    backgroundJobs: Object.freeze({ limit: integer(env.IPS_TRIAL_MAX_JOBS, Math.max(1, availableParallelism()), 'IPS_TRIAL_MAX_JOBS', 1, 64), perPerson: 3 }),
  };
  const { login, ...rest } = overrides;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const config: Config = {
    ...base,
    ...defined,
    login: Object.freeze({ ...base.login, ...(login ?? {}) }),
  };
  if (overrides.dbFile) (config as { dbFile: string }).dbFile = path.resolve(overrides.dbFile);
  const explicitSecrets = overrides.secretsDir || env.IPS_TRIAL_SECRETS;
  (config as { secretsDir: string }).secretsDir = explicitSecrets ? path.resolve(explicitSecrets) : defaultSecretsDir(config.dbFile);
  if (overrides.licensedWording) (config as { licensedWording: string }).licensedWording = path.resolve(overrides.licensedWording);
  if (overrides.publicUrl) (config as { publicUrl: string | null }).publicUrl = publicUrl(overrides.publicUrl, 'publicUrl');
  return Object.freeze(config);
}

/** Where the keys of the database `dbFile` live unless IPS_TRIAL_SECRETS says otherwise: `secrets/` beside it. */
export function defaultSecretsDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'secrets');
}

/**
 * Reads and checks the licensed wording file against `forms` (the checks of
 * data-dictionary/licensed-wording.ts). Throws one line naming the setting the
 * file came from, the file and every problem, so a site never runs with
 * wording it did not mean. Used by the server and by `ips-trial dictionary`.
 */
export function readLicensedWording(file: string, forms: readonly Form[], setting = 'IPS_LICENSED_WORDING'): LicensedWording {
  const fail = (problem: string): never => {
    throw new Error(`${setting} ${file}: ${problem}`);
  };
  let overrides: unknown;
  try {
    overrides = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    fail(e.code === 'ENOENT' ? 'no such file' : e instanceof SyntaxError ? `not valid JSON (${e.message})` : e.message);
  }
  try {
    applyLicensedWording(forms, overrides);
  } catch (error) {
    const [head, ...problems] = (error as Error).message.split('\n');
    fail(problems.length ? `${head} ${problems.map((p) => p.trim()).join('; ')}` : head);
  }
  return overrides as LicensedWording;
}

/** The repository root (where package.json lives). */
export const repositoryRoot = ROOT;
