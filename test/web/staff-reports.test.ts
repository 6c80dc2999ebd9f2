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
    // settings of this run, chosen in the form
    await page.getByLabel('Discount rate per year (%)').fill('5');
    await page.getByLabel("Willingness to pay per QALY, in the study's currency").fill('0, 200 000; 400000');
    await page.getByLabel('Missing answers').selectOption('complete-case');
    await page.getByRole('button', { name: 'Compute a new ICER report' }).click();
    const line = page.locator('ul.jobs li').first();
    await line.getByRole('link', { name: 'report' }).waitFor({ timeout: 240_000 });
    const result = await (await page.request.get(`${stack.url}${await line.getByRole('link', { name: 'result.json' }).getAttribute('href')}`)).json();
    expect(result.settings).toMatchObject({ discountRate: 0.05, missing: 'complete-case', wtp: { qaly: [0, 200000, 400000] } });
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

  it('makes an export with a chosen small-cell threshold and downloads it as one zip', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByLabel('Email').fill('evaluator@demo.ips-trial.invalid');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Reports & exports' }).click();
    await page.getByRole('heading', { name: 'Pseudonymised exports' }).waitFor();
    await page.locator('#export-k').fill('3');
    await page.getByRole('button', { name: 'Make a pseudonymised export' }).click();
    const zip = page.getByRole('link', { name: 'Download all (zip)' }).first();
    await zip.waitFor({ timeout: 120_000 });
    expect(await page.locator('ul.jobs').last().locator('li').first().textContent()).toContain('smallest cell 3');
    const download = await page.request.get(`${stack.url}${await zip.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/zip');
    expect((await download.body()).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    await page.getByText(/^\d+ files, one by one$/).first().click();
    expect(await page.getByRole('link', { name: 'participants.csv' }).first().isVisible()).toBe(true);
    await screenshot(page, 'staff-export-zip');
    await context.close();
  }, 300_000);
});
