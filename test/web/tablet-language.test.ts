/**
 * The language the tablet opens in: the browser's (a Danish tablet opens in
 * Danish) while the site has no setting, the site's setting when it has one
 * (whatever the browser), and the participant's own choice for the rest of
 * their session, also after a reload. The next participant starts from the
 * default again.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin, newTablet, stackForThisFile } from './harness';
import { consentedParticipant } from './fixtures';

const stack = stackForThisFile();
const MANAGER = 'manager@demo.ips-trial.invalid';

async function openKiosk(page: Page, serial: number): Promise<void> {
  const csrf = await apiLogin(page, stack.url, MANAGER);
  const participant = await consentedParticipant(page.request, stack.url, csrf, serial);
  const opened = await page.request.post(`${stack.url}/api/participants/${participant.id}/tablet-session`, { headers: { 'X-CSRF-Token': csrf }, data: { pin: '2468' } });
  expect(opened.status(), await opened.text()).toBe(201);
  await page.goto(`${stack.url}/tablet.html`);
  await page.locator('main[data-screen]:not([data-screen="locked"])').waitFor();
}

const language = (page: Page) => page.locator('html').getAttribute('lang');

describe('tablet language', () => {
  it("opens in the browser's language and keeps the participant's choice for the session", { timeout: 180_000 }, async () => {
    const { context, page } = await newTablet(stack, { width: 768, height: 1024 }, 'da-DK');
    await openKiosk(page, 1);
    expect(await language(page)).toBe('da');
    expect(await page.locator('.languages [aria-pressed="true"]').textContent()).toBe('Dansk');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => language(page), { timeout: 30_000 }).toBe('en');
    await page.reload();
    await page.locator('main[data-screen]:not([data-screen="locked"])').waitFor();
    expect(await language(page)).toBe('en');

    // staff end the session: the tablet is back in the default language for the next participant
    await page.getByRole('button', { name: 'Staff: exit' }).click();
    await page.locator('#pin').fill('2468');
    await page.getByRole('button', { name: 'Exit', exact: true }).click();
    await page.locator('main[data-screen="locked"]').waitFor();
    expect(await language(page)).toBe('da');
    await context.close();
  });

  it("opens in the site's language when the study sets one, whatever the browser", { timeout: 180_000 }, async () => {
    const admin = await newTablet(stack, { width: 1024, height: 768 });
    const csrf = await apiLogin(admin.page, stack.url, 'admin@demo.ips-trial.invalid');
    const set = await admin.page.request.put(`${stack.url}/api/study-settings`, { headers: { 'X-CSRF-Token': csrf }, data: { tabletLanguage: 'en' } });
    expect(set.status(), await set.text()).toBe(200);
    await admin.context.close();

    const { context, page } = await newTablet(stack, { width: 1024, height: 768 }, 'sv-SE');
    await openKiosk(page, 2);
    expect(await language(page)).toBe('en');
    // the locked screen after the session remembers the site's language too
    await page.getByRole('button', { name: 'Staff: exit' }).click();
    await page.locator('#pin').fill('2468');
    await page.getByRole('button', { name: 'Exit', exact: true }).click();
    await page.locator('main[data-screen="locked"]').waitFor();
    await page.reload();
    await page.locator('main[data-screen="locked"]').waitFor();
    expect(await language(page)).toBe('en');
    await context.close();
  });
});
