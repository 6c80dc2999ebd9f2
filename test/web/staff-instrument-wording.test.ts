/**
 * The Instrument wording page as an admin uses it on the demo study: it says
 * no wording is loaded and what is missing per form and language; a file of
 * the wrong shape is refused with the file's problems listed; a complete
 * (synthetic) wording loads, the table turns complete and the load is listed.
 * A trial manager reads the page but cannot load.
 */
import { describe, expect, it } from 'vitest';
import { syntheticWording } from '../fixtures/synthetic-wording';
import { screenshot, stackForThisFile, staffLogin } from './harness';

const stack = stackForThisFile();

describe('staff workspace: instrument wording', () => {
  it('shows what is missing, refuses a bad file naming its problems, and loads a complete one', async () => {
    const { context, page } = await staffLogin(stack, 'admin@demo.ips-trial.invalid', { width: 1440, height: 900 });
    await page.getByRole('link', { name: 'Instrument wording' }).click();
    await page.getByRole('heading', { name: 'Instrument wording', level: 1 }).waitFor();
    expect(await page.locator('#wording-origin').textContent()).toBe("No wording loaded yet: the tablet shows the project's placeholders.");
    const cell = (form: string, language: string) => page.locator(`#wording-completeness td[data-form="${form}"][data-language="${language}"]`);
    expect(await cell('gse', 'sv').textContent()).toBe('50 texts missing'); // 10 statements and 4 options each
    expect(await cell('eq5d5l', 'da').getAttribute('data-complete')).toBe('false');

    const file = page.locator('#wording-file');
    await file.setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ source: 'SYNTHETIC', forms: { gse: { fields: { gse_99: {} } } } })) });
    await page.getByRole('button', { name: 'Load this file' }).click();
    await page.locator('#wording-load-status ul.problems li').first().waitFor();
    expect(await page.locator('#wording-load-status ul.problems li').allTextContents()).toEqual(['forms.gse.fields.gse_99: unknown field of gse']);

    await file.setInputFiles({ name: 'wording.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(syntheticWording())) });
    await page.getByRole('button', { name: 'Load this file' }).click();
    await expect.poll(() => cell('gse', 'sv').textContent()).toBe('complete');
    expect(await page.locator('#wording-completeness td[data-complete="false"]').count()).toBe(0);
    expect(await page.locator('#wording-origin').textContent()).toMatch(/^Loaded here: SYNTHETIC TEST WORDING .+ \(by .+, .+\)\.$/);
    expect(await page.locator('#wording-history li').count()).toBe(1);
    await screenshot(page, 'staff-instrument-wording');
    await context.close();

    const manager = await staffLogin(stack, 'manager@demo.ips-trial.invalid', { width: 1440, height: 900 });
    await manager.page.getByRole('link', { name: 'Instrument wording' }).click();
    await manager.page.locator('#wording-completeness').waitFor();
    expect(await manager.page.locator('#wording-file').count()).toBe(0);
    await manager.context.close();
  }, 180_000);
});
