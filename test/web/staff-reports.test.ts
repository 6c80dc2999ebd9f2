/**
 * Reports in the web, as an evaluator uses them: the ICER report started on
 * the reports page shows its progress and turns into a finished report with
 * links without reloading the page; the report and the funder report open
 * styled (their inline style is allowed by the CSP hash, so the report's own
 * fonts and colours apply); exports are called pseudonymised, not anonymised.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, stackForThisFile, DEMO_PASSWORD } from './harness';

const stack = stackForThisFile();

describe('staff workspace: reports and exports', () => {
  it('runs an ICER report with live progress and opens it styled', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    await page.goto(`${stack.url}/`);
    await page.getByLabel('Email').fill('evaluator@demo.ips-trial.invalid');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Reports & exports' }).click();
    await page.getByRole('heading', { name: 'Reports & exports', level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Pseudonymised exports' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).not.toMatch(/anonymi[sz]ed export/i);

    // every status the line shows, recorded in the page; a reload would lose the marker
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[]; sameDocument: boolean };
      w.seen = [];
      w.sameDocument = true;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('.job-status')) if (w.seen.at(-1) !== el.textContent) w.seen.push(el.textContent ?? '');
      }).observe(document.querySelector('main')!, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Compute a new ICER report' }).click();
    const line = page.locator('ul.jobs li').first();
    await line.getByRole('link', { name: 'report' }).waitFor({ timeout: 240_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen[0]).toMatch(/^running \(\d+ %, .+\)$/);
    expect(seen.at(-1)).toBe('done');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await screenshot(page, 'staff-reports-done');

    await line.getByRole('link', { name: 'report' }).click();
    await page.locator('h1').first().waitFor();
    const styles = await page.evaluate(() => ({
      font: getComputedStyle(document.body).fontFamily,
      rule: getComputedStyle(document.querySelector('h2')!).borderBottomColor,
    }));
    expect(styles.font).toMatch(/Helvetica/);
    expect(styles.rule).toBe('rgb(0, 114, 178)');
    await screenshot(page, 'staff-report-icer');

    await page.goBack();
    await page.getByRole('link', { name: 'Funder report (HTML)' }).click();
    await page.getByRole('heading', { name: 'IPS: report to the funders' }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Helvetica/);
    expect(blocked).toEqual([]);
    await context.close();
  }, 300_000);
});
