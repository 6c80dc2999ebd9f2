/**
 * Correcting a saved EQ-5D answer on the participant page, in a real
 * browser against the real server, as a trial manager: the saved answers
 * are shown with their labels; a correction without any change is refused
 * with the sentence for `no_change`; a correction of Mobility with a reason
 * goes through the confirm step naming the change, after which the page
 * shows the corrected answer and the history (before → after, who, why),
 * and the API holds the corrected value and the earlier one in the history.
 * A coach corrects the minutes of a logged time on the Time logs page; a
 * trial manager corrects an item of a fidelity review.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiLogin, screenshot, stackForThisFile } from './harness';
import { consentedParticipant, today } from './fixtures';

const stack = stackForThisFile();

describe('staff pages: correcting a questionnaire, a time log and a fidelity review', () => {
  it('corrects an EQ-5D answer with a reason and shows it in the history', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const { id, studyId } = await consentedParticipant(page.request, stack.url, csrf, 7);
    const uuid = randomUUID();
    const answers = { eq5d_mo: 2, eq5d_sc: 1, eq5d_ua: 3, eq5d_pd: 2, eq5d_ad: 1, eq_vas: 70 };
    const saved = await page.request.put(`${stack.url}/api/responses/${uuid}`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { participantId: id, timepoint: 0, form: 'eq5d5l', answers, revision: 1, complete: true, answered_on: today() },
    });
    expect(saved.status(), await saved.text()).toBe(201);

    await page.goto(`${stack.url}/#/participant/${id}`);
    await page.getByRole('heading', { name: `Participant ${studyId}` }).waitFor();
    const form = page.locator(`#responses details[data-uuid="${uuid}"]`);
    await form.locator('summary').click();
    expect(await form.locator('dd[data-field="eq5d_mo"]').textContent()).toBe('Mobility: level 2 of 5 – slight problems');
    expect(await form.locator('.history').count()).toBe(0);
    await form.getByText('Not corrected.').waitFor();

    // a "correction" that changes nothing is refused with the no_change sentence
    await form.getByLabel('Reason for the correction *').fill('Checked against the paper form');
    await form.getByRole('button', { name: 'Correct …' }).click();
    await form.getByText(/nothing changed/).waitFor();
    await form.getByRole('button', { name: 'Confirm: correct' }).click();
    await form.getByRole('alert').filter({ hasText: 'Nothing was changed' }).waitFor();

    // Mobility 2 → 4 with a reason, through the confirm step naming the change
    await form.getByLabel(/^Mobility \(EQ-5D dimension/).selectOption('4');
    await form.getByLabel('Reason for the correction *').fill('Keyed in wrong: the paper form says level 4');
    await form.getByRole('button', { name: 'Correct …' }).click();
    await form.getByText(/Mobility \(EQ-5D dimension, level 1–5\): Mobility: level 2 of 5 – slight problems → Mobility: level 4 of 5 – severe problems/).waitFor();
    await screenshot(page, 'staff-correction-confirm', true);
    await form.getByRole('button', { name: 'Confirm: correct' }).click();

    // the page is re-rendered from the server: the corrected answer and its history
    const after = page.locator(`#responses details[data-uuid="${uuid}"]`);
    await expect.poll(() => after.locator('summary').textContent(), { timeout: 30_000 }).toContain('corrected once');
    await after.locator('summary').click();
    expect(await after.locator('dd[data-field="eq5d_mo"]').textContent()).toBe('Mobility: level 4 of 5 – severe problems');
    const entry = after.locator('.history li');
    expect(await entry.count()).toBe(1);
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain('Mobility: level 2 of 5 – slight problems → Mobility: level 4 of 5 – severe problems');
    expect(text).toContain('Reason: Keyed in wrong: the paper form says level 4');
    expect(text).toMatch(/Score: \S+ → \S+/);
    await screenshot(page, 'staff-correction-history');

    const api = (await (await page.request.get(`${stack.url}/api/responses/${uuid}/corrections`)).json()) as { response: { answers: Record<string, number> }; corrections: { reason: string; changes: Record<string, { before: unknown; after: unknown }> }[] };
    expect(api.response.answers).toEqual({ ...answers, eq5d_mo: 4 });
    expect(api.corrections).toHaveLength(1);
    expect(api.corrections[0].changes['answers.eq5d_mo']).toEqual({ before: 2, after: 4 });
    await context.close();
  }, 180_000);

  it('corrects a logged time on the Time logs page with a reason', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const managerCsrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const { id } = await consentedParticipant(page.request, stack.url, managerCsrf, 9);
    const csrf = await apiLogin(page, stack.url, 'coach@demo.ips-trial.invalid');
    const logged = await page.request.post(`${stack.url}/api/time-logs`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { entry: { log_date: today(), staff_role: 'ips_specialist', activity: 'participant_meeting', minutes: 30, log_scope: 'participant' }, participantId: id },
    });
    expect(logged.status(), await logged.text()).toBe(201);
    const logId = ((await logged.json()) as { timeLog: { id: number } }).timeLog.id;

    await page.goto(`${stack.url}/#/time-logs/${today()}`);
    const row = page.locator(`#logged tr[data-log="${logId}"]`).first();
    await row.getByRole('button', { name: 'Correct' }).click();
    const form = page.getByRole('form', { name: /Correct the time log of/ });
    await form.getByLabel(/^Time in minutes/).fill('50');
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await form.getByRole('alert').filter({ hasText: 'Give the reason for the correction.' }).waitFor();
    await form.getByLabel('Reason for the correction *').fill('The meeting lasted 50 minutes');
    await form.getByRole('button', { name: 'Save the correction' }).click();
    await expect.poll(async () => (await page.locator(`#logged tr[data-log="${logId}"]`).first().locator('td').nth(3).textContent()), { timeout: 30_000 }).toBe('50');
    const history = (await (await page.request.get(`${stack.url}/api/time-logs/${logId}/corrections`)).json()) as { timeLog: { minutes: number }; corrections: { reason: string; changes: Record<string, unknown> }[] };
    expect(history.timeLog.minutes).toBe(50);
    expect(history.corrections.map((c) => [c.reason, c.changes])).toEqual([['The meeting lasted 50 minutes', { minutes: { before: 30, after: 50 } }]]);
    await context.close();
  }, 180_000);

  it('corrects an item of a fidelity review on the Fidelity page and shows the new total', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const items = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`fid_${String(i + 1).padStart(2, '0')}`, 4]));
    const made = await page.request.post(`${stack.url}/api/sites/ORE-DBT/fidelity-reviews`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { review: { review_date: today(), review_type: 'self', reviewers: 'Granskare Test', ...items } },
    });
    expect(made.status(), await made.text()).toBe(201);
    const review = ((await made.json()) as { review: { id: number; total: number } }).review;
    expect(review.total).toBe(100);

    await page.goto(`${stack.url}/#/fidelity`);
    const card = page.locator('#correct-review');
    await card.getByLabel('Record').selectOption(String(review.id));
    await card.getByLabel('Field').selectOption('fid_01');
    await card.getByLabel(/^1\. Caseload size/).fill('5');
    await card.getByLabel('Reason for the correction *').fill('Item 1 was scored from the draft');
    await card.getByRole('button', { name: 'Correct …' }).click();
    await card.getByText(/1\. Caseload size becomes 5\./).waitFor();
    await card.getByRole('button', { name: 'Confirm: correct' }).click();
    await expect.poll(async () => (await (await page.request.get(`${stack.url}/api/fidelity-reviews/${review.id}/corrections`)).json() as { corrections: unknown[] }).corrections.length, { timeout: 30_000 }).toBe(1);
    const trend = (await (await page.request.get(`${stack.url}/api/fidelity-reviews?site=ORE-DBT`)).json()) as { reviews: { id: number; total: number }[] };
    expect(trend.reviews.find((r) => r.id === review.id)?.total).toBe(101);
    await context.close();
  }, 180_000);
});
