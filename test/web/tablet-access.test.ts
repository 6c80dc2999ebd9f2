/**
 * Getting into and out of the tablet questionnaire: the clinic kiosk (staff
 * session ended on the device, leaving needs the PIN, a wrong PIN is
 * refused), the personal one-time home code, and switching language at any
 * time.
 */
import { describe, expect, it } from 'vitest';
import { apiLogin, newTablet, screenshot, stackForThisFile } from './harness';
import { consentedParticipant } from './fixtures';
import { startQuestionnaire } from './tablet-driver';

const stack = stackForThisFile();

describe('tablet access', () => {
  it('keeps the participant in the kiosk until the staff PIN is given, in any language', async () => {
    const { context, page } = await newTablet(stack, { width: 768, height: 1024 });
    const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const participant = await consentedParticipant(page.request, stack.url, csrf, 5);
    expect((await page.request.post(`${stack.url}/api/participants/${participant.id}/tablet-session`, { headers: { 'X-CSRF-Token': csrf }, data: { pin: '2468' } })).status()).toBe(201);
    // the staff session on this device is gone: the participant cannot reach staff data
    expect((await page.request.get(`${stack.url}/api/participants`)).status()).toBe(401);

    await page.goto(`${stack.url}/tablet.html`);
    await startQuestionnaire(page);
    const heading = page.locator('#question-heading');
    const swedish = await heading.textContent();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 30_000 }).toBe('en');
    expect(await heading.textContent()).not.toBe(swedish);
    expect(await page.locator('#next').textContent()).toBe('Next');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(() => page.locator('#next').textContent(), { timeout: 30_000 }).toBe('Næste');
    await screenshot(page, 'tablet-danish');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await expect.poll(() => heading.textContent(), { timeout: 30_000 }).toBe(swedish);

    await page.getByRole('button', { name: 'Personal: avsluta' }).click();
    await page.getByLabel('Personalens PIN-kod').fill('0000');
    await page.getByRole('button', { name: 'Avsluta', exact: true }).click();
    await page.getByText('Fel PIN-kod.').waitFor();
    expect(await page.locator('main').getAttribute('data-screen')).toBe('question');
    await page.getByLabel('Personalens PIN-kod').fill('2468');
    await page.getByRole('button', { name: 'Avsluta', exact: true }).click();
    await page.locator('main[data-screen="locked"]').waitFor();
    expect((await page.request.get(`${stack.url}/api/tablet-session`)).status()).toBe(401);
    // a reload stays locked
    await page.reload();
    await page.locator('main[data-screen="locked"]').waitFor();
    await context.close();
  }, 300_000);

  it('opens the questionnaire at home with a personal one-time code, once', async () => {
    const staff = await newTablet(stack, { width: 1024, height: 768 });
    const csrf = await apiLogin(staff.page, stack.url, 'manager@demo.ips-trial.invalid');
    const participant = await consentedParticipant(staff.page.request, stack.url, csrf, 6);
    const made = await staff.page.request.post(`${stack.url}/api/participants/${participant.id}/home-codes`, { headers: { 'X-CSRF-Token': csrf }, data: {} });
    expect(made.status()).toBe(201);
    const { homeCode } = (await made.json()) as { homeCode: { code: string } };
    await staff.context.close();

    const home = await newTablet(stack, { width: 1024, height: 768 });
    await home.page.goto(`${stack.url}/tablet.html`);
    await home.page.getByLabel('Personlig kod').fill('WRONGCODE1');
    await home.page.getByRole('button', { name: 'Börja' }).click();
    await home.page.getByText(/Koden gick inte att använda/).waitFor();
    await home.page.getByLabel('Personlig kod').fill(homeCode.code);
    await home.page.getByRole('button', { name: 'Börja' }).click();
    await startQuestionnaire(home.page);
    // at home there is no staff exit
    expect(await home.page.getByRole('button', { name: 'Personal: avsluta' }).isVisible()).toBe(false);
    await home.context.close();

    const again = await newTablet(stack, { width: 1024, height: 768 });
    await again.page.goto(`${stack.url}/tablet.html`);
    await again.page.getByLabel('Personlig kod').fill(homeCode.code);
    await again.page.getByRole('button', { name: 'Börja' }).click();
    await again.page.getByText(/Koden gick inte att använda/).waitFor();
    await again.context.close();
  }, 300_000);
});
