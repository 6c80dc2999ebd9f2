/**
 * Two-step verification in a real browser against the real server (demo
 * study): a coach sets it up from the secret the page shows and the code of
 * "the app" (computed here from that secret, test/web/totp-code.ts), then
 * logs in with password and code; an admin requires it for trial managers,
 * and the manager, after the password, sees only the set-up until a code
 * confirms it; the admin resets the coach's second factor with a reason.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, stackForThisFile, staffLogin } from './harness';
import { codeAt, stepNow } from './totp-code';

const stack = stackForThisFile();
const VIEWPORT = { width: 1280, height: 900 };
const COACH = 'coach@demo.ips-trial.invalid';
const MANAGER = 'manager@demo.ips-trial.invalid';
const POLL = { timeout: 30_000 };

/** Starts the set-up on the page, reads the secret shown, types the code of now; returns the secret and the step used. */
async function setUp(page: Page): Promise<{ secret: string; step: number }> {
  await page.getByRole('button', { name: 'Set up two-step verification' }).click();
  const shown = page.locator('#two-step-secret');
  const secret = (await shown.getAttribute('data-secret'))!;
  expect((await shown.textContent())!.replace(/\s/g, '')).toBe(secret);
  expect(await page.locator('#two-step-link').getAttribute('href')).toMatch(/^otpauth:\/\/totp\/IPS%20trial:/);
  // the QR code is drawn (the page's CSP allows data: images)
  await expect.poll(() => page.locator('#two-step-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), POLL).toBe(true);
  const step = stepNow();
  await page.getByLabel('One-time code from the app').fill(codeAt(secret, step));
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  return { secret, step };
}

describe('staff workspace: two-step verification', () => {
  it('sets up the second factor and then logs in with password and code', async () => {
    const { context, page } = await staffLogin(stack, COACH, VIEWPORT);
    await page.getByRole('link', { name: 'Two-step verification' }).click();
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    const { secret, step } = await setUp(page);
    await expect.poll(() => page.locator('#two-step-status').textContent(), POLL).toContain('Two-step verification is on');
    await screenshot(page, 'staff-two-step-on');
    await page.locator('#logout').click();

    await page.getByLabel('Email').fill(COACH);
    await page.getByLabel('Password').fill('demo-password-2026');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByLabel('One-time code').waitFor();
    expect(await page.locator('nav').count()).toBe(0);
    // the code that confirmed the set-up is refused (used already)
    await page.getByLabel('One-time code').fill(codeAt(secret, step));
    await page.getByRole('button', { name: 'Verify code' }).click();
    await expect.poll(() => page.locator('.login .error').textContent(), POLL).toContain('already used');
    await screenshot(page, 'staff-login-code');
    await page.getByLabel('One-time code').fill(codeAt(secret, step + 1));
    await page.getByRole('button', { name: 'Verify code' }).click();
    await page.getByRole('link', { name: 'Dashboard' }).waitFor();
    await context.close();
  });

  it('sends a trial manager to the set-up once an admin requires it, and an admin resets the coach\'s second factor', async () => {
    const admin = await staffLogin(stack, 'admin@demo.ips-trial.invalid', VIEWPORT);
    await admin.page.getByRole('link', { name: 'Staff', exact: true }).click();
    await admin.page.getByRole('heading', { name: 'Staff', exact: true }).waitFor();
    await admin.page.locator('#totp-policy').getByLabel('Trial manager').check();
    await admin.page.getByLabel('Reason', { exact: true }).fill('data protection review');
    await admin.page.getByRole('button', { name: 'Save requirement' }).click();
    await expect.poll(async () => ((await (await admin.page.request.get(`${stack.url}/api/totp-policy`)).json()) as { policy: { required_roles: string[] } }).policy.required_roles, POLL).toEqual(['trial_manager']);

    const manager = await staffLogin(stack, MANAGER, VIEWPORT);
    await manager.page.locator('#two-step-required').waitFor();
    expect(await manager.page.locator('nav a').count()).toBe(0);
    await screenshot(manager.page, 'staff-two-step-required');
    await setUp(manager.page);
    await manager.page.getByRole('link', { name: 'Dashboard' }).waitFor();
    await manager.context.close();

    // the coach lost the phone: the admin resets it with a reason
    const row = admin.page.locator(`#users-table tr[data-user="${COACH}"]`);
    await admin.page.reload();
    await expect.poll(() => row.locator('td').nth(5).textContent(), POLL).toBe('on');
    await row.getByRole('link').click();
    await admin.page.getByLabel('Reason').fill('phone lost');
    await admin.page.getByRole('button', { name: 'Reset two-step verification' }).click();
    await expect.poll(() => admin.page.locator('#user-totp-state').textContent(), POLL).toBe('not set up');
    const audit = (await (await admin.page.request.get(`${stack.url}/api/audit?action=totp_reset`)).json()) as { entries: { reason: string }[] };
    expect(audit.entries.map((e) => e.reason)).toEqual(['phone lost']);
    await admin.context.close();
  });
});
