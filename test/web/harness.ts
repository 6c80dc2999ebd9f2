/**
 * The browser-test stack: the web pages built into a temp folder, the real
 * server (createApp via startServer) on 127.0.0.1 with a random port and a
 * temp SQLite file seeded with the demo study, and Debian's Chromium driven
 * by playwright-core with a fresh profile. Screenshots go to test-artifacts/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildWeb } from '../../web/build';
import { loadConfig, repositoryRoot, type ConfigOverrides } from '../../server/config';
import { silentLogger } from '../../server/log';
import { startServer, type RunningServer } from '../../server/start';
import { DEMO_PASSWORD } from '../../server/demo/index';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.join(repositoryRoot, 'test-artifacts');
export { DEMO_PASSWORD };

export interface Stack {
  server: RunningServer;
  url: string;
  browser: Browser;
  dir: string;
  close(): Promise<void>;
}

/** `config`: settings for the server on top of the test defaults (e.g. `licensedWording`). */
export async function startStack(options: { config?: ConfigOverrides } = {}): Promise<Stack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ips-web-test-'));
  const webDir = path.join(dir, 'web');
  await buildWeb({ outDir: webDir });
  const config = loadConfig({}, {
    port: 0, host: '127.0.0.1', dbFile: path.join(dir, 'trial.db'), secretsDir: path.join(dir, 'secrets'),
    webDir, demo: true, logLevel: 'silent', ...options.config,
  });
  const server = await startServer(config, silentLogger());
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    server,
    url: server.url.replace(/\/$/, ''),
    browser,
    dir,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The stack of one test file: started before the file's tests, closed after
 * them. The object returned is filled in when the tests start, so use it in
 * tests and hooks only.
 */
export function stackForThisFile(options: { config?: ConfigOverrides } = {}): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    Object.assign(stack, await startStack(options));
  }, 180_000);
  afterAll(async () => {
    await stack.close?.();
  });
  return stack;
}

/** A fresh context (own cookies, storage and service workers) with a tablet viewport; a Swedish browser unless `locale` says otherwise. */
export async function newTablet(stack: Stack, viewport: { width: number; height: number }, locale = 'sv-SE'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({ viewport, hasTouch: true, locale, serviceWorkers: 'allow' });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  return { context, page };
}

/** A staff member logged in through the login form (English workspace), in a browser context of its own. */
export async function staffLogin(stack: Stack, email: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({ viewport, locale: 'en-GB' });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(`${stack.url}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  return { context, page };
}

export async function screenshot(page: Page, name: string, viewportOnly = false): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: !viewportOnly });
}

/** Logs in through the API within the page's context (cookie set for later page loads). */
export async function apiLogin(page: Page, url: string, email: string): Promise<string> {
  const response = await page.request.post(`${url}/api/session`, { data: { email, password: DEMO_PASSWORD } });
  if (response.status() !== 201) throw new Error(`login as ${email} failed: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { csrf_token: string }).csrf_token;
}
