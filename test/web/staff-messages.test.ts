/**
 * Human messages: when the server refuses, the staff pages show the
 * catalogue's sentence for the problem code in the chosen language, not the
 * server's English developer text ("The request body has 6 problem(s): …").
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../web/staff/texts/index';
import { stackForThisFile, DEMO_PASSWORD } from './harness';

const stack = stackForThisFile();
const sv = CATALOGUES.sv;

describe('staff workspace: messages from the server in the chosen language', () => {
  it('says in Swedish that the password is wrong, and that answers are missing on an empty referral', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByLabel('E-post', { exact: true }).fill('manager@demo.ips-trial.invalid');
    await page.getByLabel('Lösenord', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.locator('[role="alert"]').first().textContent()).toBe(sv['problem.bad_credentials']);

    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Översikt', exact: true }).waitFor();
    await page.goto(`${stack.url}/#/enrol`);
    await page.getByRole('button', { name: 'Registrera' }).click();
    const alert = page.locator('main [role="alert"]').filter({ hasText: /.+/ }).first();
    await alert.waitFor();
    const text = (await alert.textContent())!;
    expect(text.startsWith(String(sv['problem.invalid_body']))).toBe(true);
    expect(text).not.toMatch(/request body|problem\(s\)/);
    await context.close();
  }, 180_000);
});
