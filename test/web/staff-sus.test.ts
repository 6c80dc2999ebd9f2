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
    expect(await page.locator('#sus-starters-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#sus-starters-print').getAttribute('href')).toMatch(/^#\/sus-sheets\?participants=/);
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

  it('records a due start registration on the participant page, with check boxes for the sources of support', async () => {
    const { context, page } = await staffLogin(stack, 'manager@demo.ips-trial.invalid', { width: 1280, height: 900 });
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    await page.goto(`${stack.url}/#/sus`);
    const due = page.locator('#sus-due-table tbody tr:has(td:nth-child(4) .sus-missing)').first();
    await due.waitFor();
    const studyId = (await due.locator('th a').textContent())!;
    await due.locator('th a').click();
    await page.getByRole('heading', { name: `Participant ${studyId}`, exact: true }).waitFor();
    const card = page.locator('#sus');
    await card.getByRole('heading', { name: 'SUS registration' }).waitFor();
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    await card.locator('#sus_start-sus_start_date').fill(today);
    await card.locator('fieldset[data-field="sus_consent"]').getByLabel('Yes').check();
    await card.getByLabel('Sickness compensation', { exact: true }).first().check();
    await card.getByLabel('Social assistance', { exact: true }).first().check();
    await card.locator('#sus_start-sus_work_before_pct').fill('0');
    await card.locator('#sus_start-sus_study_before_pct').fill('25');
    await card.locator('#sus_start-sus_education_level').selectOption('upper_secondary');
    await card.locator('#sus_start-sus_support_time').selectOption('over_5_years');
    await card.getByRole('button', { name: 'Save' }).first().click();
    await page.locator('#sus summary').filter({ hasText: 'not yet entered in SUS' }).first().waitFor();
    const stored = await page.evaluate(async (id) => (await (await fetch(`/api/participants/${id}/sus`)).json()) as { start: { answers: Record<string, unknown>; missing: string[] } }, studyId);
    expect(stored.start.answers).toMatchObject({ sus_start_date: today, sus_consent: true, sus_support_before: ['sickness_compensation', 'social_assistance'], sus_study_before_pct: 25, sus_education_level: 'upper_secondary', sus_support_time: 'over_5_years' });
    expect(stored.start.missing).toEqual([]);
    await screenshot(page, 'staff-sus-participant');
    await context.close();
  }, 120_000);
});
