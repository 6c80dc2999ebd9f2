/**
 * The calendar-feed card of the Time logs page, as a coach uses it: makes an
 * address, which is shown once and serves a calendar with their
 * participants' windows; revokes it, after which the address answers 404.
 */
import { describe, expect, it } from 'vitest';
import { stackForThisFile, staffLogin } from './harness';

const stack = stackForThisFile();

describe('staff workspace: calendar feed card', () => {
  it('makes an address a calendar program can read, shows it once, and revokes it', async () => {
    const { context, page } = await staffLogin(stack, 'coach@demo.ips-trial.invalid', { width: 1440, height: 900 });
    await page.getByRole('link', { name: 'Time logs' }).click();
    const card = page.locator('#calendar-feed');
    await card.getByRole('heading', { name: 'Calendar feed' }).waitFor();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('You have no calendar address.');

    await card.getByRole('button', { name: 'Make a new calendar address' }).click();
    const address = card.getByRole('textbox', { name: 'Calendar feed' });
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${stack.url}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await card.getByRole('status').textContent()).toMatch(/^A calendar address made .+ is in use\.$/);

    const feed = await page.request.get(url, { headers: { cookie: '' } });
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
    const text = await feed.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).not.toContain('@demo.ips-trial.invalid');

    // shown once: after a reload the card says an address is in use but no longer shows it
    await page.reload();
    await card.getByRole('heading', { name: 'Calendar feed' }).waitFor();
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/is in use\.$/);
    expect(await card.getByRole('textbox').count()).toBe(0);

    await card.getByRole('button', { name: 'Revoke the address' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe('The address is revoked; calendars using it get nothing more.');
    expect((await page.request.get(url)).status()).toBe(404);
    await context.close();
  }, 180_000);
});
