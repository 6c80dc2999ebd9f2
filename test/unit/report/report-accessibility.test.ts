/**
 * report.html in a real browser (Debian's Chromium): axe-core finds no
 * accessibility violation, the page loads nothing from outside the file, and
 * every chart is drawn at a readable size.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../server/report/render-report';
import { sampleResult } from './sample-result';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const dir = mkdtempSync(join(tmpdir(), 'ips-report-'));
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('server/report/render-report in a browser', () => {
  it('passes axe-core, requests nothing outside the file and draws every chart', { timeout: 120_000 }, async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, await renderReport(sampleResult()));
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`);
    expect(requests).toEqual([`file://${file}`]);
    const sizes = await page.$$eval('figure svg', (svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
    expect(sizes).toHaveLength(13);
    for (const width of sizes) expect(width).toBeGreaterThan(300);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      return (await axe.run(document)).violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
});
