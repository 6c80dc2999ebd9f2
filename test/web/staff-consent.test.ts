/**
 * Consent on the participant page as a trial manager records it: the saved
 * screening is shown again; a "No" to information exchange is explained and
 * must be confirmed before it is saved (the person is then "declined");
 * the saved consent is shown; a later change of mind is recorded with its
 * new date and a reason, and the person is consented.
 */
import { describe, expect, it } from 'vitest';
import { apiLogin, screenshot, stackForThisFile } from './harness';
import { eligibleParticipant, today } from './fixtures';

const stack = stackForThisFile();

describe('staff participant page: consent', () => {
  it('explains a "No" before saving it, shows what was saved, and records a dated change of mind', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const { id, studyId } = await eligibleParticipant(page.request, stack.url, csrf, 3);
    const stored = async () => (await (await page.request.get(`${stack.url}/api/participants/${id}`)).json()) as { participant: { stage: string }; consent: Record<string, unknown> | null };

    await page.goto(`${stack.url}/#/participant/${id}`);
    await page.getByRole('heading', { name: `Participant ${studyId}` }).waitFor();
    // the saved screening, in words
    expect(await page.locator('#screening-saved dd[data-field="eligible"]').textContent()).toBe('Yes');

    await page.locator('#consent-consent_version').fill('v1.0');
    await page.locator('#consent-consent_date').fill(today());
    await page.locator('label[for="consent-consent_research-0"]').click();
    const warning = page.locator('#consent-warning');
    expect(await warning.isVisible()).toBe(false);
    await page.locator('label[for="consent-consent_info_exchange-1"]').click();
    await warning.waitFor({ state: 'visible' });
    expect(await warning.textContent()).toContain('cannot take part in the trial');
    const save = page.locator('#consent-form button[type="submit"]');
    expect(await save.textContent()).toBe('Save: the person declines');
    await save.click();
    expect(await page.locator('#consent-form p.error').textContent()).toBe('Confirm first that you have explained what a "No" means.');
    expect((await stored()).consent).toBeNull();
    await screenshot(page, 'staff-consent-warning');

    await page.locator('#consent-explained').check();
    await save.click();
    await expect.poll(async () => page.locator('#stage').getAttribute('data-stage')).toBe('declined');
    expect(await page.locator('#consent-saved dd[data-field="consent_info_exchange"]').textContent()).toBe('No');
    expect((await stored()).participant.stage).toBe('declined');

    // a change of mind: a new date, Yes, and a reason
    await page.getByRole('button', { name: 'Record a change of mind' }).click();
    expect(await page.locator('#consent-consent_date').inputValue()).toBe('');
    await page.locator('#consent-consent_date').fill(today());
    await page.locator('label[for="consent-consent_info_exchange-0"]').click();
    expect(await warning.isVisible()).toBe(false);
    await page.locator('#consent-form button[type="submit"]').click();
    expect(await page.locator('#consent-form p.error').textContent()).not.toBe('');
    await page.locator('#consent-reason').fill('Changed their mind after talking it over with the coach');
    await page.locator('#consent-form button[type="submit"]').click();
    await expect.poll(async () => page.locator('#stage').getAttribute('data-stage')).toBe('consented');
    const after = await stored();
    expect(after.consent).toMatchObject({ consent_research: true, consent_info_exchange: true, consent_date: today() });
    await screenshot(page, 'staff-consent-changed');
    await context.close();
  }, 180_000);
});
