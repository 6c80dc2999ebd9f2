/**
 * The ICER report in the evaluator's language: a Swedish-speaking evaluator
 * (browser in sv-SE, Svenska chosen in the workspace) runs an ICER report
 * with chosen settings, watches its progress, and reads the finished report
 * styled and in Swedish — headings, table headers, the ICER sentence and the
 * chart headings; the funder report opens in Swedish too.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, stackForThisFile, DEMO_PASSWORD } from './harness';

const stack = stackForThisFile();

describe('staff workspace: reports in Swedish', () => {
  it('runs an ICER report in Swedish with live progress and reads it styled in Swedish', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.locator('input[type="email"]').fill('evaluator@demo.ips-trial.invalid');
    await page.locator('input[type="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.locator('#staff-language').selectOption({ label: 'Svenska' });
    await page.getByRole('link', { name: 'Rapporter och export' }).click();
    await page.getByRole('heading', { name: 'Rapporter och export', level: 1 }).waitFor();

    await page.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('.job-status')) if (w.seen.at(-1) !== el.textContent) w.seen.push(el.textContent ?? '');
      }).observe(document.querySelector('main')!, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('Diskonteringsränta per år (%)').fill('3');
    await page.getByLabel('Saknade svar').selectOption('complete-case');
    await page.getByRole('button', { name: 'Beräkna en ny ICER-rapport' }).click();
    const line = page.locator('ul.jobs li').first();
    await line.getByRole('link', { name: 'rapport' }).waitFor({ timeout: 240_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen[0]).toMatch(/^pågår \(\d+ %, .+\)$/);
    expect(seen.at(-1)).toBe('klar');
    const result = await (await page.request.get(`${stack.url}${await line.getByRole('link', { name: 'result.json' }).getAttribute('href')}`)).json();
    expect(result.settings).toMatchObject({ discountRate: 0.03, missing: 'complete-case' });
    const id = (await line.getByRole('link', { name: 'rapport' }).getAttribute('href'))!.match(/reports\/(\d+)\//)![1];
    const stored = await (await page.request.get(`${stack.url}/api/reports/${id}`)).json();
    expect(stored.report.settings.lang).toBe('sv');

    await line.getByRole('link', { name: 'rapport' }).click();
    await page.getByRole('heading', { name: 'Kostnadseffektivitet för IPS jämfört med sedvanligt stöd', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    const h2 = await page.locator('h2').allTextContents();
    expect(h2).toEqual(expect.arrayContaining(['Sammanfattning', 'Kostnad per vunnen QALY', 'Kostnad per vunnen dag i reguljärt arbete', 'Tid till första reguljära arbete', 'Diagram', 'Känslighetsanalyser', 'Saknade data', 'Varningar', 'Reproducerbarhet']));
    for (const english of ['Summary', 'Cost per QALY gained', 'Charts', 'Sensitivity analyses', 'Missing data', 'Warnings', 'Reproducibility']) expect(h2).not.toContain(english);
    expect(await page.locator('#headline-qaly table.headline thead').textContent()).toContain('Sedvanligt stöd');
    expect(await page.locator('#headline-qaly .icer').textContent()).toMatch(/^Inkrementell kostnadseffektivitetskvot \(ICER\): IPS (kostar|sparar|dominerar|domineras|ger)/);
    expect(await page.locator('#chart-ce-plane-qaly-title').textContent()).toBe('Kostnadseffektivitetsplanet: kostnad per QALY');
    expect(await page.locator('#chart-ce-plane-qaly svg').textContent()).toContain('Skillnad i kostnad');
    const styles = await page.evaluate(() => ({ font: getComputedStyle(document.body).fontFamily, rule: getComputedStyle(document.querySelector('h2')!).borderBottomColor }));
    expect(styles.font).toMatch(/Helvetica/);
    expect(styles.rule).toBe('rgb(0, 114, 178)');
    await screenshot(page, 'staff-report-icer-sv');

    await page.goBack();
    await page.getByRole('link', { name: 'Rapport till finansiären (HTML)' }).click();
    await page.locator('h1').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await page.locator('h1').first().textContent()).toBe('IPS: rapport till finansiärerna');
    await screenshot(page, 'staff-report-funder-sv');
    await context.close();
  }, 300_000);
});
