/**
 * Keying in a paper questionnaire on the participant page, in a real browser
 * against the real server (demo study), as a trial manager: for a demo
 * participant whose 6-month follow-up (or else another follow-up) is due,
 * the EQ-5D-5L dated the day before its window opens is refused with the
 * sentence naming the window next to the date and an out-of-window reason
 * field; a date inside the window but in the past is then saved with that
 * date (API: answeredOn, no reason, source staff); a second form (GSE) dated
 * outside the window needs the reason and is saved with it.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { addDays } from '../../server/schedule/calendar';
import { apiLogin, screenshot, stackForThisFile } from './harness';
import { today } from './fixtures';

const stack = stackForThisFile();

type Assessment = { timepoint: number; state: string; windowStart: string; windowEnd: string };
type Response = { clientUuid: string; timepoint: number; form: string; complete: boolean; answeredOn: string; outOfWindowReason: string | null; source: string; answers: Record<string, unknown> };

/** Fills every shown control of a dictionary form: the second option of each list, the first of each radio group, a number within its limits. */
async function fillAll(fields: Locator): Promise<void> {
  for (const select of await fields.locator('select').all()) {
    const values = await select.locator('option').evaluateAll((options: HTMLOptionElement[]) => options.map((o) => o.value).filter((v) => v !== ''));
    await select.selectOption(values[Math.min(1, values.length - 1)]);
  }
  for (const group of await fields.locator('fieldset').all()) if (await group.isVisible()) await group.locator('input').first().check();
  for (const input of await fields.locator('input[type="number"]').all()) {
    const min = Number((await input.getAttribute('min')) ?? 0);
    const max = Number((await input.getAttribute('max')) ?? min + 10);
    await input.fill(String(Math.round((min + max) / 2)));
  }
}

describe('staff pages: entering a paper questionnaire', () => {
  it('saves a paper EQ-5D with its date and asks for a reason outside the window', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');

    // a demo participant with a due follow-up whose window opened before today and has no complete EQ-5D-5L or GSE yet (a GSE may be started on a tablet)
    const listed = (await (await page.request.get(`${stack.url}/api/participants?stage=randomized`)).json()) as { participants: { id: number; studyId: string }[] };
    let found: { id: number; studyId: string; due: Assessment } | undefined;
    for (const p of listed.participants) {
      const detail = (await (await page.request.get(`${stack.url}/api/participants/${p.id}`)).json()) as { withdrawal?: unknown };
      if (detail.withdrawal) continue;
      const { assessments } = (await (await page.request.get(`${stack.url}/api/participants/${p.id}/assessments`)).json()) as { assessments: Assessment[] };
      const { responses } = (await (await page.request.get(`${stack.url}/api/participants/${p.id}/responses`)).json()) as { responses: Response[] };
      const due = assessments
        .filter((a) => ['open', 'overdue'].includes(a.state) && a.windowStart < today())
        .filter((a) => !responses.some((r) => r.timepoint === a.timepoint && r.complete && ['eq5d5l', 'gse'].includes(r.form)))
        .sort((a, b) => Number(b.timepoint === 6) - Number(a.timepoint === 6))[0];
      if (due && (!found || (due.timepoint === 6 && found.due.timepoint !== 6))) found = { ...p, due };
      if (found?.due.timepoint === 6) break;
    }
    expect(found, 'the demo has a participant with a due follow-up').toBeDefined();
    const { id, studyId, due } = found!;
    const outside = addDays(due.windowStart, -1);

    await page.goto(`${stack.url}/#/participant/${id}`);
    await page.getByRole('heading', { name: `Participant ${studyId}` }).waitFor();
    const card = page.locator('#paper-entry');
    await card.getByRole('heading', { name: 'Enter a paper questionnaire' }).waitFor();
    await card.getByLabel('Timepoint *').selectOption(String(due.timepoint));
    await card.getByLabel('Questionnaire *').selectOption('eq5d5l');
    await card.getByLabel(/^Mobility \(EQ-5D dimension/).selectOption('2');
    for (const field of ['eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad']) await card.locator(`#paper-eq5d5l-${field}`).selectOption('1');
    await card.locator('#paper-eq5d5l-eq_vas').fill('65');

    // no date: refused in the page, nothing sent
    await card.getByRole('button', { name: 'Save the paper questionnaire' }).click();
    await card.getByText('Give the date the participant answered on the paper form.').waitFor();

    // the day before the window opens: the sentence naming the window, and a reason field
    expect(await card.getByLabel('Out-of-window reason *').isVisible()).toBe(false);
    await card.getByLabel('Date answered (on paper) *').fill(outside);
    await card.getByRole('button', { name: 'Save the paper questionnaire' }).click();
    const fmt = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
    await card.locator('#paper-answered-on-error').getByText(`${fmt(outside)} lies outside the window of this timepoint, which runs from ${fmt(due.windowStart)} to ${fmt(due.windowEnd)}.`, { exact: false }).waitFor();
    expect(await card.getByLabel('Out-of-window reason *').isVisible()).toBe(true);
    await screenshot(page, 'staff-paper-entry-outside-window');
    const none = (await (await page.request.get(`${stack.url}/api/participants/${id}/responses`)).json()) as { responses: Response[] };
    expect(none.responses.filter((r) => r.timepoint === due.timepoint && r.form === 'eq5d5l' && r.complete)).toHaveLength(0);

    // the date on the paper, inside the window and in the past: saved with that date
    await card.getByLabel('Date answered (on paper) *').fill(due.windowStart);
    await card.getByLabel('Date answered (on paper) *').dispatchEvent('change');
    expect(await card.getByLabel('Out-of-window reason *').isVisible()).toBe(false);
    await card.getByRole('button', { name: 'Save the paper questionnaire' }).click();
    await page.locator(`#responses details[data-form="eq5d5l"][data-timepoint="${due.timepoint}"]`).waitFor();
    const afterFirst = (await (await page.request.get(`${stack.url}/api/participants/${id}/responses`)).json()) as { responses: Response[] };
    const eq5d = afterFirst.responses.filter((r) => r.timepoint === due.timepoint && r.form === 'eq5d5l' && r.complete);
    expect(eq5d).toHaveLength(1);
    expect(eq5d[0]).toMatchObject({ complete: true, answeredOn: due.windowStart, outOfWindowReason: null, source: 'staff', answers: { eq5d_mo: 2, eq5d_sc: 1, eq5d_ua: 1, eq5d_pd: 1, eq5d_ad: 1, eq_vas: 65 } });

    // the GSE from the same paper, dated outside the window: saved only with the reason
    const again = page.locator('#paper-entry');
    await again.getByLabel('Timepoint *').selectOption(String(due.timepoint));
    expect(await again.getByLabel('Questionnaire *').locator('option[value="eq5d5l"]').count()).toBe(0);
    await again.getByLabel('Questionnaire *').selectOption('gse');
    await fillAll(again.locator('#paper-fields'));
    await again.getByLabel('Date answered (on paper) *').fill(outside);
    await again.getByRole('button', { name: 'Save the paper questionnaire' }).click();
    await again.getByLabel('Out-of-window reason *').waitFor();
    await again.getByRole('button', { name: 'Save the paper questionnaire' }).click();
    await again.getByText('Give the reason for accepting the answer outside the window.').waitFor();
    await again.getByLabel('Out-of-window reason *').fill('Paper form posted back late; the participant dated it herself');
    await again.getByRole('button', { name: 'Save the paper questionnaire' }).click();
    await page.locator(`#responses details[data-form="gse"][data-timepoint="${due.timepoint}"]`).waitFor();
    const afterSecond = (await (await page.request.get(`${stack.url}/api/participants/${id}/responses`)).json()) as { responses: Response[] };
    const gse = afterSecond.responses.filter((r) => r.timepoint === due.timepoint && r.form === 'gse' && r.complete);
    expect(gse).toHaveLength(1);
    expect(gse[0]).toMatchObject({ complete: true, answeredOn: outside, outOfWindowReason: 'Paper form posted back late; the participant dated it herself', source: 'staff' });
    await context.close();
  }, 240_000);
});
