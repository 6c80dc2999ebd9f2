/**
 * Data queries in the staff workspace, in a real browser against the real
 * server on the demo study (1440×900): a data monitor opens a query on a
 * field of a questionnaire response from the participant page; a trial
 * manager (the site's research staff) follows the dashboard's open count to
 * the list, opens the query and answers it; the monitor closes it. Each role
 * sees only the steps it may take, and the thread shows every step with its
 * author — on the page and in the API afterwards.
 */
import { describe, expect, it } from 'vitest';
import { getForm } from '../../data-dictionary/index';
import { screenshot, stackForThisFile, staffLogin } from './harness';

const stack = stackForThisFile();
const VIEWPORT = { width: 1440, height: 900 };

interface Query { id: number; state: string; field: string; record: { kind: string; form: string | null; timepoint: number | null }; comments: { step: string; author: string; comment: string }[] }

describe('staff workspace: data queries', () => {
  it('a monitor opens a query on a field, a trial manager answers it from the dashboard link, the monitor closes it', async () => {
    const monitor = await staffLogin(stack, 'monitor@demo.ips-trial.invalid', VIEWPORT);
    await monitor.page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    // the demo's open queries were all opened by this monitor: every one of them is "yours"
    const before = ((await (await monitor.page.request.get(`${stack.url}/api/data-queries/summary`)).json()) as { openDataQueries: number }).openDataQueries;
    expect(before).toBeGreaterThan(0);
    expect(await monitor.page.locator('#my-open-data-queries').textContent()).toBe(`of them yours: ${before}`);
    const participants = (await (await monitor.page.request.get(`${stack.url}/api/participants?stage=randomized`)).json()) as { participants: { id: number; studyId: string; stage: string }[] };
    const target = participants.participants.find((p) => p.stage === 'randomized')!;
    const responses = (await (await monitor.page.request.get(`${stack.url}/api/participants/${target.id}/responses`)).json()) as { responses: { form: string; timepoint: number }[] };
    expect(responses.responses.some((r) => r.form === 'eq5d5l' && r.timepoint === 0)).toBe(true);

    // the monitor: participant page → "Open a data query" on EQ-5D-5L at 0 months, field mobility
    await monitor.page.goto(`${stack.url}/#/participant/${target.id}`);
    await monitor.page.getByRole('heading', { name: `Participant ${target.studyId}` }).waitFor();
    const card = monitor.page.locator('#new-query');
    await card.getByRole('button', { name: 'Open the query' }).click();
    await card.getByRole('alert').filter({ hasText: 'Choose the record and the field, and write the question.' }).waitFor();
    await card.getByLabel('Record').selectOption('response:eq5d5l:0');
    const fieldOptions = await card.getByLabel('Field').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(fieldOptions).toContain('eq5d_mo');
    await card.getByLabel('Field').selectOption('eq5d_mo');
    const question = 'Mobility 5 but the coach notes say the participant runs daily; please check the paper form';
    await card.getByLabel('Question for the staff at the site *').fill(question);
    await screenshot(monitor.page, 'staff-data-query-open', true);
    await card.getByRole('button', { name: 'Open the query' }).click();
    const heading = monitor.page.getByRole('heading', { name: new RegExp(`^Data query \\d+ on ${target.studyId}$`) });
    await heading.waitFor();
    const id = Number(/Data query (\d+)/.exec((await heading.textContent())!)![1]);
    expect(await monitor.page.locator('#query-state').getAttribute('data-state')).toBe('open');
    expect(await monitor.page.locator('#query-field').getAttribute('data-field')).toBe('eq5d_mo');
    expect(await monitor.page.locator('#query-thread li').count()).toBe(1);
    expect(await monitor.page.locator('#query-thread').textContent()).toContain(question);
    // an open query waits for staff: the monitor has no step to take
    expect(await monitor.page.locator('#query-actions').count()).toBe(0);

    // the trial manager: dashboard count → open queries → this query → answer
    const staff = await staffLogin(stack, 'manager@demo.ips-trial.invalid', VIEWPORT);
    await staff.page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    const summary = (await (await staff.page.request.get(`${stack.url}/api/data-queries/summary`)).json()) as { openDataQueries: number };
    expect(summary.openDataQueries).toBeGreaterThan(0);
    const countLink = staff.page.locator('a#open-data-queries');
    expect(await countLink.textContent()).toBe(`Open data queries (waiting for staff): ${summary.openDataQueries}`);
    // the trial manager coaches nobody and has taken no step on any of them yet
    expect(await staff.page.locator('#my-open-data-queries').textContent()).toBe('of them yours: 0');
    await countLink.click();
    await staff.page.getByRole('heading', { name: 'Data queries', exact: true }).waitFor();
    await staff.page.locator('#data-queries').waitFor();
    expect(await staff.page.locator('#filter-state').inputValue()).toBe('open');
    const rows = staff.page.locator('#data-queries tbody tr');
    expect(await rows.count()).toBe(summary.openDataQueries);
    for (const state of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))) expect(state).toBe('open');
    const row = staff.page.locator(`#data-queries tbody tr[data-id="${id}"]`);
    expect(await row.locator('td').nth(2).textContent()).toBe(`${getForm('eq5d5l')!.labels.en} at 0 months`);
    await screenshot(staff.page, 'staff-data-queries-open');
    await row.getByRole('link', { name: `Query ${id}` }).click();
    await staff.page.getByRole('heading', { name: `Data query ${id} on ${target.studyId}` }).waitFor();
    expect(await staff.page.getByRole('button', { name: 'Close the query' }).count()).toBe(0);
    await staff.page.getByRole('button', { name: 'Send the answer' }).click();
    await staff.page.getByRole('alert').filter({ hasText: 'Write a comment first.' }).waitFor();
    const reply = 'Checked the paper form: it says 1; keyed in wrongly';
    await staff.page.getByLabel('Comment *').fill(reply);
    await staff.page.getByRole('button', { name: 'Send the answer' }).click();
    await expect.poll(() => staff.page.locator('#query-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('answered');
    expect(await staff.page.locator('#query-actions').count()).toBe(0);
    // "mine" now lists it for the trial manager, who answered it
    await staff.page.goto(`${stack.url}/#/data-queries?mine=1`);
    await staff.page.locator(`#data-queries tbody tr[data-id="${id}"]`).waitFor();
    expect(await staff.page.locator('#data-queries tbody tr').count()).toBe(1);

    // the monitor closes it
    await monitor.page.reload();
    await monitor.page.getByRole('heading', { name: `Data query ${id} on ${target.studyId}` }).waitFor();
    expect(await monitor.page.getByRole('button', { name: 'Send the answer' }).count()).toBe(0);
    expect(await monitor.page.getByRole('button', { name: 'Re-open the query' }).count()).toBe(1);
    await monitor.page.getByLabel('Comment *').fill('Resolved; thank you');
    await monitor.page.getByRole('button', { name: 'Close the query' }).click();
    await expect.poll(() => monitor.page.locator('#query-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('closed');
    expect(await monitor.page.locator('#query-thread li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-step')))).toEqual(['open', 'answer', 'close']);
    expect(await monitor.page.locator('#query-thread li').nth(1).textContent()).toContain('manager@demo.ips-trial.invalid answered');
    await screenshot(monitor.page, 'staff-data-query-closed');

    const stored = ((await (await monitor.page.request.get(`${stack.url}/api/data-queries/${id}`)).json()) as { dataQuery: Query }).dataQuery;
    expect(stored).toMatchObject({ state: 'closed', field: 'eq5d_mo', record: { kind: 'response', form: 'eq5d5l', timepoint: 0 } });
    expect(stored.comments.map((c) => [c.step, c.author, c.comment])).toEqual([
      ['open', 'monitor@demo.ips-trial.invalid', question],
      ['answer', 'manager@demo.ips-trial.invalid', reply],
      ['close', 'monitor@demo.ips-trial.invalid', 'Resolved; thank you'],
    ]);
    // the participant page lists it, closed
    await monitor.page.goto(`${stack.url}/#/participant/${target.id}`);
    await monitor.page.locator('#participant-queries').getByRole('link', { name: `Query ${id}` }).waitFor();
    await monitor.context.close();
    await staff.context.close();
  }, 240_000);
});
