/**
 * The worklist and the participants list at 1440×900 on the demo study: a
 * trial manager follows a site's "overdue" count from the dashboard to the
 * worklist filtered to that site and state, opens the most urgent
 * participant; the participants list pages on the server and finds a
 * participant by study id.
 */
import { describe, expect, it } from 'vitest';
import { screenshot, stackForThisFile, staffLogin } from './harness';

const stack = stackForThisFile();

describe('staff workspace: worklist and participants list', () => {
  it('goes from the dashboard overdue count to the filtered worklist and the participant', async () => {
    const { context, page } = await staffLogin(stack, 'manager@demo.ips-trial.invalid', { width: 1440, height: 900 });
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    // the demo study has a few open data queries: the dashboard shows the server's count
    const { openDataQueries } = (await (await page.request.get(`${stack.url}/api/data-queries/summary`)).json()) as { openDataQueries: number };
    expect(openDataQueries).toBeGreaterThan(0);
    expect(await page.locator('#open-data-queries').textContent()).toBe(`Open data queries (waiting for staff): ${openDataQueries}`);
    const overdue = page.locator('a[data-count="overdue"]').filter({ hasNotText: 'overdue: 0' }).first();
    const card = overdue.locator('xpath=ancestor::section[@data-site]');
    const site = await card.getAttribute('data-site');
    const count = Number((await overdue.textContent())!.replace(/\D+/g, ''));
    expect(count).toBeGreaterThan(0);
    await overdue.click();
    await page.getByRole('heading', { name: 'Worklist', exact: true }).waitFor();
    await page.locator('#worklist').waitFor();
    expect(await page.locator('#filter-site').inputValue()).toBe(site);
    expect(await page.locator('#filter-state').inputValue()).toBe('overdue');
    const rows = page.locator('#worklist tbody tr');
    expect(await rows.count()).toBe(count);
    for (const state of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))) expect(state).toBe('overdue');
    for (const code of await page.locator('#worklist tbody tr td:nth-child(2)').allTextContents()) expect(code).toBe(site);
    await screenshot(page, 'staff-worklist');

    // all states: overdue before open before missed
    await page.locator('#filter-state').selectOption('');
    await expect.poll(async () => (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))).length).toBeGreaterThan(count);
    const states = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')!));
    const rank = { overdue: 0, open: 1, missed: 2 } as Record<string, number>;
    expect(states.map((s) => rank[s])).toEqual([...states.map((s) => rank[s])].sort((a, b) => a - b));

    const first = page.locator('#worklist tbody tr th a').first();
    const studyId = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { name: `Participant ${studyId}` }).waitFor();
    await context.close();
  }, 180_000);

  it('pages the participants list on the server and finds one by study id', async () => {
    const { context, page } = await staffLogin(stack, 'manager@demo.ips-trial.invalid', { width: 1440, height: 900 });
    await page.getByRole('link', { name: 'Participants', exact: true }).click();
    await page.locator('#participants').waitFor();
    expect(await page.locator('#participants tbody tr').count()).toBe(25);
    expect(await page.locator('#page-of').textContent()).toMatch(/^Page 1 of \d+ \(\d+ in all\)$/);
    const firstPage = await page.locator('#participants tbody th').allTextContents();
    await page.locator('#page-next').click();
    await expect.poll(() => page.locator('#page-of').textContent()).toMatch(/^Page 2 of/);
    const secondPage = await page.locator('#participants tbody th').allTextContents();
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    await screenshot(page, 'staff-participants-page-2');

    const wanted = secondPage[3];
    await page.getByLabel('Search by study id, name or whole personal identity number').fill(wanted);
    await expect.poll(() => page.locator('#participants tbody th').allTextContents()).toEqual([wanted]);
    await context.close();
  }, 180_000);
});
