/**
 * Name and contact on the staff pages, in a real browser against the real
 * (demo) server: the trial manager finds a participant in the list by name,
 * the participant page shows no name until "Show name and contact" is
 * pressed, and each press is one audit entry without the name; a data
 * monitor gets neither the card nor a name match.
 */
import { describe, expect, it } from 'vitest';
import { apiLogin, screenshot, stackForThisFile, staffLogin } from './harness';
import { eligibleParticipant } from './fixtures';

const stack = stackForThisFile();

describe('staff pages: name and contact', () => {
  it('finds a participant by name and reveals the name on request, audited per reveal', { timeout: 240_000 }, async () => {
    const { context, page } = await staffLogin(stack, 'manager@demo.ips-trial.invalid', { width: 1280, height: 900 });
    await page.locator('nav').waitFor();
    const session = (await (await page.request.get(`${stack.url}/api/session`)).json()) as { csrf_token: string };
    const participant = await eligibleParticipant(page.request, stack.url, session.csrf_token, 7);
    const name = 'Testperson 7';

    // the list: search by name (the server matches; the name itself is never listed)
    await page.goto(`${stack.url}/#/participants`);
    await page.getByLabel('Search by study id, name or whole personal identity number').fill(name.toLowerCase());
    await expect.poll(() => page.locator('#participants tbody tr').allTextContents(), { timeout: 30_000 }).toEqual([expect.stringContaining(participant.studyId)]);
    expect(await page.locator('#participant-results').textContent()).not.toContain(name);
    await page.getByRole('link', { name: participant.studyId }).click();

    // the page: nothing until asked
    await page.getByRole('heading', { name: `Participant ${participant.studyId}` }).waitFor();
    const card = page.locator('#identity');
    await card.getByRole('heading', { name: 'Name and contact' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(name);
    const admin = await stack.browser.newContext();
    const adminPage = await admin.newPage();
    await apiLogin(adminPage, stack.url, 'admin@demo.ips-trial.invalid');
    const reads = async () => ((await (await adminPage.request.get(`${stack.url}/api/audit?entity=participant_identifiers&action=read&entity_id=${participant.studyId}`)).json()) as { entries: { actor: string; after: unknown }[] }).entries;
    expect(await reads()).toHaveLength(0);

    await card.getByRole('button', { name: 'Show name and contact' }).click();
    await expect.poll(() => card.locator('dd[data-field="person_name"]').textContent(), { timeout: 30_000 }).toBe(name);
    expect(await card.locator('dt').first().textContent()).toBe('Name');
    await card.getByText('This showing has been recorded in the audit trail.').waitFor();
    await screenshot(page, 'staff-identity-shown', true);
    let entries = await reads();
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain(name);

    // hiding and showing again is a second read
    await card.getByRole('button', { name: 'Hide' }).click();
    expect(await card.textContent()).not.toContain(name);
    await card.getByRole('button', { name: 'Show name and contact' }).click();
    await expect.poll(() => card.locator('dd[data-field="person_name"]').textContent(), { timeout: 30_000 }).toBe(name);
    entries = await reads();
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain(name);
    await context.close();

    // a data monitor: no card, and a name search matches nothing
    const monitor = await staffLogin(stack, 'monitor@demo.ips-trial.invalid', { width: 1280, height: 900 });
    await monitor.page.locator('nav').waitFor();
    await monitor.page.goto(`${stack.url}/#/participant/${participant.id}`);
    await monitor.page.getByRole('heading', { name: `Participant ${participant.studyId}` }).waitFor();
    await monitor.page.locator('#audit').waitFor();
    expect(await monitor.page.locator('#identity').count()).toBe(0);
    expect(await monitor.page.locator('main').textContent()).not.toContain(name);
    const search = (await (await monitor.page.request.get(`${stack.url}/api/participants?q=${encodeURIComponent(name)}`)).json()) as { total: number };
    expect(search.total).toBe(0);
    expect((await monitor.page.request.get(`${stack.url}/api/participants/${participant.id}/identifiers`)).status()).toBe(403);
    await monitor.context.close();
    await admin.close();
  });
});
