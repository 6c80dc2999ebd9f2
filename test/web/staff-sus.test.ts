/**
 * SUS registration in the browser, on the demo study: a trial manager opens
 * the SUS page, prints the SUS sheets of this month's leavers (a PDF page
 * per sheet, the workspace header not printed) with the values in SUS's
 * order; the same sheets in Danish keep Danish labels.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, stackForThisFile, staffLogin } from './harness';

const stack = stackForThisFile();
const START_ORDER = ['sus_start_date', 'sus_consent', 'sus_support_before', 'sus_work_before_pct', 'sus_study_before_pct', 'sus_education_level', 'sus_support_time'];

describe('staff workspace: SUS sheets', () => {
  it("prints the SUS sheets of this month's leavers, one page each, in SUS order", async () => {
    const { context, page } = await staffLogin(stack, 'manager@demo.ips-trial.invalid', { width: 1280, height: 900 });
    await page.getByRole('link', { name: 'SUS registration' }).click();
    await page.getByRole('heading', { name: 'SUS registration', level: 1 }).waitFor();
    const leavers = page.locator('#sus-leavers-table tbody tr');
    const count = await leavers.count();
    expect(count).toBeGreaterThan(0);
    const ids = await leavers.locator('th a').allTextContents();
    expect(await page.locator('#sus-due-table tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'staff-sus-list');

    await page.locator('#sus-leavers-print').click();
    await page.getByRole('heading', { name: 'SUS sheets', level: 1 }).waitFor();
    const sheets = page.locator('article.sus-sheet');
    await sheets.first().waitFor();
    expect(await sheets.evaluateAll((els) => els.map((e) => e.getAttribute('data-study-id')))).toEqual(ids);
    for (let i = 0; i < count; i++) {
      const sheet = sheets.nth(i);
      const fields = await sheet.locator('.sus-start tr[data-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')));
      if (fields.length) expect(fields).toEqual(START_ORDER);
    }
    // a registered leaver shows the personnummer (the demo's synthetic 98x serials) or is anonymous
    const text = await sheets.first().textContent();
    expect(text).toMatch(/Personal identity number\d{8}-98\d{2}|Anonymous participant/);
    await screenshot(page, 'staff-sus-sheets');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('#sus-print').isVisible()).toBe(false);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(count);
    await page.emulateMedia({ media: 'screen' });

    await page.locator('#staff-language').selectOption('da');
    await page.getByRole('heading', { name: 'Opfølgningsark', level: 1 }).waitFor();
    const danish = await page.locator('main').textContent();
    expect(danish).toContain('Startdato i forløbet');
    expect(danish).not.toMatch(/Start date|Reason for ending|Value to enter/);
    await context.close();
  }, 120_000);
});
