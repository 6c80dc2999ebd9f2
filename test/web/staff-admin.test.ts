/**
 * The admin pages in a real browser against the real server (demo study,
 * whose participants are randomized): an admin invites a staff member and
 * gives them a site, adds a site with its target places, changes a study
 * setting with a reason, and sees the randomization settings shown as
 * locked with why — in English and in Swedish — and changes a unit cost with
 * its price year and source. Each change is checked in the audit trail, and
 * the new person can log in.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, stackForThisFile, staffLogin } from './harness';

const stack = stackForThisFile();
const POLL = { timeout: 30_000 };

interface AuditAnswer { entries: { action: string; entity: string; entity_id: string; reason: string | null; after: Record<string, unknown> | null }[] }

describe('staff workspace: admin pages', () => {
  it('adds a user and a site, changes a setting and shows the locked ones with why', async () => {
    const { context, page } = await staffLogin(stack, 'admin@demo.ips-trial.invalid', { width: 1280, height: 900 });
    const audit = async (query: string) => ((await (await page.request.get(`${stack.url}/api/audit?${query}`)).json()) as AuditAnswer).entries;

    // a site first, so the new person can be given it
    await page.getByRole('link', { name: 'Sites', exact: true }).click();
    await page.getByRole('heading', { name: 'Sites', exact: true }).waitFor();
    await page.getByLabel('Site code *').fill('TST-NYA');
    await page.getByLabel('Site name *').fill('Testenhet Nya (syntetisk)');
    await page.getByLabel('Region *').fill('Testregion');
    await page.getByLabel('Target places (minimum) *').fill('6');
    await page.getByLabel('Target places (maximum)').fill('10');
    await page.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(() => page.locator('#sites-table tr[data-site="TST-NYA"] td.places').textContent(), POLL).toBe('6–10');
    await screenshot(page, 'staff-admin-sites');
    // a range the wrong way round is refused, with the field named
    await page.locator('#sites-table tr[data-site="TST-NYA"]').getByRole('link').click();
    await page.getByLabel('Target places (minimum)').fill('12');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#site-edit .error').textContent(), POLL).toContain('places_max');
    expect((await audit('entity=site&entity_id=TST-NYA')).map((e) => e.action)).toEqual(['create']);
    await page.getByRole('link', { name: 'Back to all sites' }).click();

    await page.getByRole('link', { name: 'Staff', exact: true }).click();
    await page.getByRole('heading', { name: 'Staff', exact: true }).waitFor();
    await page.getByLabel('Email *').fill('ny.coach@demo.ips-trial.invalid');
    await page.getByLabel('Name *').fill('Ny Testcoach');
    await page.getByLabel('Role *').selectOption('coach');
    await page.getByLabel('Initial password *').fill('Syntetisk-Start-4711');
    await page.locator('#invite-site').selectOption('TST-NYA');
    await page.getByRole('button', { name: 'Create account' }).click();
    const row = page.locator('#users-table tr[data-user="ny.coach@demo.ips-trial.invalid"]');
    await expect.poll(() => row.locator('td').nth(3).textContent(), POLL).toBe('TST-NYA');
    await screenshot(page, 'staff-admin-users');
    const created = (await audit('entity=user&action=create'))[0];
    expect(created.after).toMatchObject({ email: 'ny.coach@demo.ips-trial.invalid', role: 'coach', sites: ['TST-NYA'] });
    // the same email twice is refused with a sentence
    await page.getByLabel('Email *').fill('ny.coach@demo.ips-trial.invalid');
    await page.getByLabel('Name *').fill('Ny Testcoach');
    await page.getByLabel('Role *').selectOption('coach');
    await page.getByLabel('Initial password *').fill('Syntetisk-Start-4711');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('#invite .error').textContent(), POLL).toContain('conflicts with what is already recorded');
    // the new coach can log in
    const login = await page.request.post(`${stack.url}/api/session`, { data: { email: 'ny.coach@demo.ips-trial.invalid', password: 'Syntetisk-Start-4711' } });
    expect(login.status()).toBe(201);
    // that login replaced the admin's session in this context: log in again
    await context.close();

    const again = await staffLogin(stack, 'admin@demo.ips-trial.invalid', { width: 1280, height: 900 });
    const p = again.page;
    await p.getByRole('link', { name: 'Study settings' }).click();
    await p.getByRole('heading', { name: 'Study settings' }).waitFor();
    const method = p.locator('#setting-randomizationMethod');
    expect(await method.isDisabled()).toBe(true);
    expect(await p.locator('#setting-randomizationMethod-lock').textContent()).toMatch(/^Locked: \d+ participants are randomized, and the sealed allocation sequence depends on this\.$/);
    expect(await p.locator('#setting-eq5dValueSetId').isDisabled()).toBe(true);
    expect(await p.locator('#setting-caseloadWarning').isDisabled()).toBe(false);
    expect(await p.locator('#setting-caseloadWarning-lock').count()).toBe(0);
    await p.getByLabel('Caseload warning above (participants per coach)').fill('18');
    await p.getByLabel('Reason for the change').fill('steering group decision');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => p.locator('#settings-saved').textContent(), POLL).toBe('Saved: 1 setting changed.');
    expect(await p.locator('#setting-caseloadWarning').inputValue()).toBe('18');
    const change = (await ((await p.request.get(`${stack.url}/api/audit?entity=study_settings`)).json() as Promise<AuditAnswer>)).entries[0];
    expect(change.reason).toBe('steering group decision');
    expect(change.after).toMatchObject({ caseloadWarning: 18 });
    // a value out of range is refused and named next to its field
    await p.getByLabel('Caseload warning above (participants per coach)').fill('500');
    await p.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => p.locator('#setting-caseloadWarning-error').textContent(), POLL).toContain('caseloadWarning must be a whole number');
    await screenshot(p, 'staff-admin-settings');

    // the same page in Swedish: the lock is explained in Swedish
    await p.locator('#staff-language').selectOption('sv');
    await p.getByRole('heading', { name: 'Studieinställningar' }).waitFor();
    expect(await p.locator('#setting-randomizationMethod-lock').textContent()).toMatch(/^Låst: \d+ deltagare är randomiserade, och den förseglade randomiseringslistan bygger på detta\.$/);
    await again.context.close();
  });

  it('changes a unit cost with its price year, source and a reason', async () => {
    const { context, page } = await staffLogin(stack, 'admin@demo.ips-trial.invalid', { width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Unit costs' }).click();
    await page.getByRole('heading', { name: 'Unit costs' }).waitFor();
    const row = page.locator('#unit-costs-table tr[data-item="inpatient_day"]');
    expect(await row.locator('td.year').textContent()).toBe('2022');
    await page.getByLabel('Cost item', { exact: true }).selectOption('inpatient_day');
    await page.getByLabel('Unit cost (SEK)').fill('9850');
    await page.getByLabel('Price year').fill('2024');
    await page.getByLabel('Source').fill('Socialstyrelsen 2024 (synthetic test source)');
    await page.getByRole('button', { name: 'Save unit cost' }).click();
    // an existing row changes only with a reason
    await expect.poll(() => page.locator('#unit-cost-form .error').textContent(), POLL).toContain('Give a reason');
    await page.getByLabel('Reason for the change').fill('newer price list');
    await page.getByRole('button', { name: 'Save unit cost' }).click();
    await expect.poll(() => row.locator('td.year').textContent(), POLL).toBe('2024');
    expect(await row.locator('td.cost').textContent()).toBe('9,850');
    expect(await row.locator('td').nth(3).textContent()).toBe('Socialstyrelsen 2024 (synthetic test source)');
    await screenshot(page, 'staff-admin-unit-costs');
    const entry = ((await (await page.request.get(`${stack.url}/api/audit?entity=unit_cost`)).json()) as AuditAnswer).entries[0];
    expect(entry).toMatchObject({ action: 'update', entity_id: 'inpatient_day', reason: 'newer price list', after: { unit_cost: 9850, price_year: 2024 } });
    await context.close();
  });
});
