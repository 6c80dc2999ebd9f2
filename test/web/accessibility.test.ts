/**
 * axe-core scans (WCAG 2.0/2.1 A and AA rules) of the tablet screens — locked,
 * a choice question, a number stepper, a text question, the EQ VAS, review,
 * thank you — and of the main staff pages: no serious or critical violation.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin, ARTIFACTS, screenshot, stackForThisFile, DEMO_PASSWORD } from './harness';
import { consentedParticipant } from './fixtures';
import { answerQuestion, currentKey, next, startQuestionnaire } from './tablet-driver';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

async function seriousViolations(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const { violations, passes } = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[]; passes: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return { violations: result.violations, passes: result.passes.length };
  });
  // the scan really ran its rules on this page
  expect(passes, where).toBeGreaterThan(5);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Text at 200 %: nothing may need horizontal scrolling or be cut off (WCAG 1.4.4). */
async function textAt200Percent(page: Page, where: string): Promise<string[]> {
  const style = await page.addStyleTag({ content: 'html { font-size: 225% !important; }' });
  const overflow = await page.evaluate(() => {
    const wide = document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;
    const clipped = [...document.querySelectorAll<HTMLElement>('main *:not(.visually-hidden)')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow === 'hidden').map((el) => el.className || el.tagName);
    return { wide, clipped };
  });
  await page.screenshot({ path: `${ARTIFACTS}/text-200-${where.replace(/[^a-z0-9]+/gi, '-')}.png` });
  await style.evaluate((el) => (el as HTMLElement).remove());
  return [...(overflow.wide ? [`${where}: horizontal scrolling at 200 % text`] : []), ...overflow.clipped.map((c) => `${where}: ${c} clipped at 200 % text`)];
}

const stack = stackForThisFile();

describe('accessibility (axe-core)', () => {
  it('finds no serious or critical violation on the tablet screens', async () => {
    // bypassCSP only lets the test inject axe; the pages run under the server's CSP otherwise
    const context = await stack.browser.newContext({ viewport: { width: 768, height: 1024 }, bypassCSP: true, hasTouch: true, locale: 'sv-SE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(`${stack.url}/tablet.html`);
    await page.locator('main[data-screen="locked"]').waitFor();
    problems.push(...(await seriousViolations(page, 'tablet locked')));

    const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const participant = await consentedParticipant(page.request, stack.url, csrf, 3);
    expect((await page.request.post(`${stack.url}/api/participants/${participant.id}/tablet-session`, { headers: { 'X-CSRF-Token': csrf }, data: { pin: '1357' } })).status()).toBe(201);
    await page.goto(`${stack.url}/tablet.html`);
    await page.locator('main[data-screen="welcome"]').waitFor();
    problems.push(...(await seriousViolations(page, 'tablet welcome')));
    await startQuestionnaire(page);
    const scanned = new Set<string>();
    for (let guard = 0; guard < 80; guard += 1) {
      if ((await page.locator('main').getAttribute('data-screen')) === 'review') break;
      const key = (await currentKey(page))!;
      const kind = (await page.locator('#vas-slider').count()) ? 'vas' : (await page.locator('input[type="radio"]').count()) ? 'choice'
        : (await page.locator('input#answer[type="number"]').count()) ? 'stepper' : 'text';
      if (!scanned.has(kind)) {
        scanned.add(kind);
        problems.push(...(await seriousViolations(page, `tablet ${kind} question ${key}`)));
        await screenshot(page, `axe-tablet-${kind}`);
        problems.push(...(await textAt200Percent(page, `tablet ${kind} question ${key}`)));
      }
      await answerQuestion(page, key);
      await next(page, key);
    }
    expect([...scanned].sort()).toEqual(['choice', 'stepper', 'text', 'vas']);
    problems.push(...(await seriousViolations(page, 'tablet review')));
    problems.push(...(await textAt200Percent(page, 'tablet review')));
    await page.locator('#submit').click();
    await page.locator('main[data-screen="thanks"]').waitFor();
    problems.push(...(await seriousViolations(page, 'tablet thank-you')));
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('finds no serious or critical violation on the main staff pages', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(`${stack.url}/`);
    await page.getByLabel('Email').waitFor();
    problems.push(...(await seriousViolations(page, 'staff login')));
    await page.getByLabel('Email').fill('manager@demo.ips-trial.invalid');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const csrf = ((await (await page.request.get(`${stack.url}/api/session`)).json()) as { csrf_token: string }).csrf_token;
    const participant = await consentedParticipant(page.request, stack.url, csrf, 4);
    const pages: [string, string][] = [
      ['#/dashboard', 'Dashboard'], ['#/participants', 'Participants'], ['#/enrol', 'Screening & enrolment'],
      [`#/participant/${participant.id}`, `Participant ${participant.studyId}`], ['#/time-logs', 'Time logs'],
      ['#/fidelity', 'Fidelity reviews'], ['#/consort', 'CONSORT flow'], ['#/reports', 'Reports & exports'],
    ];
    for (const [hash, heading] of pages) {
      await page.goto(`${stack.url}/${hash}`);
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      problems.push(...(await seriousViolations(page, `staff ${hash}`)));
      await screenshot(page, `axe-staff-${hash.replace(/[#/]/g, '') || 'home'}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
