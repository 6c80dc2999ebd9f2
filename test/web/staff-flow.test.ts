/**
 * The staff flow in a real browser against the real server: a trial manager
 * logs in, registers a referral, records screening and consent on the
 * participant page, and — once the baseline questionnaire is complete —
 * randomizes with the explicit confirm step; the allocation appears only
 * after confirming. The browser runs with an English locale, so the
 * workspace starts in English (test/web/staff-languages.test.ts covers sv/da).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { screenshot, stackForThisFile, DEMO_PASSWORD, staffLogin } from './harness';
import { testPersonnummer, today } from './fixtures';

const stack = stackForThisFile();

describe('staff workspace: screening to allocation', () => {
  it('takes a referred person through screening and consent to a confirmed allocation', async () => {
    const { context, page } = await staffLogin(stack, 'manager@demo.ips-trial.invalid', { width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Screening & enrolment' }).click();
    await page.getByRole('heading', { name: 'Screening & enrolment' }).waitFor();
    await screenshot(page, 'staff-enrol');

    await page.getByLabel('Site *').selectOption('ORE-AFF');
    await page.getByRole('group', { name: /Referral source/ }).getByLabel('Psychiatry', { exact: true }).check();
    await page.getByLabel(/Date of referral/).fill(today());
    await page.getByRole('group', { name: /Placed on the waiting list/ }).getByLabel('No').check();
    await page.getByLabel(/^Name/).fill('Testperson Två');
    await page.getByLabel(/Personal identity number/).fill(testPersonnummer('19880202', 1));
    await page.getByRole('button', { name: 'Register' }).click();

    await page.getByRole('heading', { name: /^Participant / }).waitFor();
    const studyId = (await page.locator('#study-id').textContent())!.trim();
    expect(studyId).toMatch(/^ORE-AFF-/);
    expect(await page.locator('#arm').textContent()).toBe('–');

    // screening: every criterion met
    await page.getByLabel(/Date of screening/).fill(today());
    for (const name of ['in_psychiatric_care', 'unemployed_or_no_return', 'public_support', 'motivated_to_work', 'working_age', 'eligible']) {
      await page.locator(`fieldset[data-field="${name}"]`).getByLabel('Yes').check();
    }
    // the diagnosis group is the clinic's, recorded by staff at screening (not asked of the participant)
    await page.getByLabel(/Main diagnosis \(group\)/).selectOption('mood');
    await screenshot(page, 'staff-screening');
    await page.getByRole('button', { name: 'Save screening' }).click();
    await expect.poll(() => page.locator('#stage').textContent(), { timeout: 30_000 }).toBe('eligible');

    await page.getByLabel(/Version of the consent form/).fill('v1.0');
    await page.getByLabel(/Date of consent/).fill(today());
    await page.locator('fieldset[data-field="consent_research"]').getByLabel('Yes').check();
    await page.locator('fieldset[data-field="consent_info_exchange"]').getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Save consent' }).click();
    await expect.poll(() => page.locator('#stage').textContent(), { timeout: 30_000 }).toBe('consented');

    // randomizing before the baseline questionnaire is refused with what is missing
    await page.getByRole('button', { name: 'Randomize …' }).click();
    await page.getByRole('button', { name: /^Confirm: randomize/ }).click();
    await page.locator('#randomization .error').filter({ hasText: /.+/ }).waitFor();
    expect(await page.locator('#allocation').count()).toBe(0);

    // the baseline questionnaire, entered as complete responses through the API
    const id = Number(page.url().split('/').pop());
    const session = (await (await page.request.get(`${stack.url}/api/session`)).json()) as { csrf_token: string };
    const baseline: Record<string, Record<string, unknown>> = {
      baseline: { sex: 'female', birth_year: 1988, municipality: 'se_1880', education: 'upper_secondary', income_source: 'sickness_benefit', ever_employed: false },
      eq5d5l: { eq5d_mo: 1, eq5d_sc: 1, eq5d_ua: 2, eq5d_pd: 2, eq5d_ad: 3, eq_vas: 60 },
      gse: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`gse_${String(i + 1).padStart(2, '0')}`, 3])),
      service_use: {
        psychiatrist_visit_any: true, psychiatrist_visit: 1, nurse_visit_any: true, nurse_visit: 2, psychologist_visit_any: false, social_worker_visit_any: false,
        gp_visit_any: true, gp_visit: 1, emergency_visit_any: false, inpatient_day_any: false, social_services_any: true, social_services_contact: 1,
        phone_video_physician_any: false, phone_video_counsellor_any: false, phone_video_other_any: false,
      },
    };
    for (const [form, answers] of Object.entries(baseline)) {
      const put = await page.request.put(`${stack.url}/api/responses/${randomUUID()}`, {
        headers: { 'X-CSRF-Token': session.csrf_token },
        data: { participantId: id, timepoint: 0, form, answers, revision: 1, complete: true, answered_on: today() },
      });
      expect(put.status(), `${form}: ${await put.text()}`).toBeLessThan(300);
    }

    await page.reload();
    await page.locator('#baseline-complete').waitFor();
    await page.getByRole('button', { name: 'Randomize …' }).click();
    await page.getByRole('heading', { name: 'Confirm randomization' }).waitFor();
    expect(await page.locator('#allocation').count()).toBe(0);
    await screenshot(page, 'staff-randomize-confirm');
    await page.getByRole('button', { name: /^Confirm: randomize/ }).click();
    const allocation = await page.locator('#allocation').textContent();
    expect(allocation).toMatch(/^(IPS|Usual care)/);
    await screenshot(page, 'staff-allocated');

    // the server holds exactly that allocation, and the schedule starts
    const stored = (await (await page.request.get(`${stack.url}/api/participants/${id}/allocation`)).json()) as { allocation: { arm: string } };
    expect(allocation!.startsWith('IPS') ? 'ips' : 'control').toBe(stored.allocation.arm);
    await page.getByRole('button', { name: 'Show the schedule' }).click();
    await page.locator('#timeline li').first().waitFor();
    expect(await page.locator('#timeline li').count()).toBe(5);

    // a job found: recorded on the participant page, listed in the episodes
    await page.getByText('Record an employment or education episode').click();
    const episodeForm = page.locator('#employment_episode-form');
    await episodeForm.getByLabel(/Type of occupation/).selectOption({ label: 'Competitive job on the open labour market' });
    await episodeForm.getByLabel(/^Start date/).fill(today());
    await episodeForm.getByLabel(/Hours per week/).fill('20');
    await page.getByRole('button', { name: 'Save episode' }).click();
    await expect.poll(() => page.locator('#episodes tbody tr').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('#episodes tbody tr').textContent()).toContain('Competitive job on the open labour market');
    await screenshot(page, 'staff-participant-randomized');
    await context.close();
  }, 300_000);

  async function login(email: string) {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    return { context, page };
  }

  it('shows an evaluator only the reports, the CONSORT flow, the unit costs and their own two-step verification', async () => {
    const { context, page } = await login('evaluator@demo.ips-trial.invalid');
    await page.getByRole('heading', { name: 'CONSORT flow' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['CONSORT flow', 'Reports & exports', 'Unit costs', 'Two-step verification']);
    // a typed-in staff route falls back to what the role may see
    await page.goto(`${stack.url}/#/participants`);
    await page.getByRole('heading', { name: 'CONSORT flow' }).waitFor();
    expect(await page.locator('svg.consort').count()).toBe(1);
    await page.getByRole('link', { name: 'Reports & exports' }).click();
    await page.getByRole('heading', { name: 'Pseudonymised exports' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Cost-effectiveness (ICER) reports' }).count()).toBe(1);
    await context.close();
  }, 300_000);

  it('lets a coach log a week of minutes in the grid at once', async () => {
    const { context, page } = await login('coach@demo.ips-trial.invalid');
    await page.getByRole('link', { name: 'Time logs' }).click();
    await page.getByRole('heading', { name: 'Time logs' }).waitFor();
    const cells = page.locator('input[data-cell]');
    const first = (await cells.first().getAttribute('aria-label'))!;
    // only days up to today can be logged (a later date is refused as implausible): on a Monday that is one day per row
    const keys = await cells.evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-cell')!));
    const loggable = keys.filter((key) => key.split('|')[1] <= today());
    expect(loggable.length).toBeGreaterThanOrEqual(2);
    await page.locator(`input[data-cell="${loggable[0]}"]`).fill('45');
    await page.locator(`input[data-cell="${loggable[1]}"]`).fill('30');
    await page.getByRole('button', { name: 'Save the week' }).click();
    await page.getByRole('heading', { name: 'Time logs' }).waitFor();
    await expect.poll(async () => (await page.locator('table caption', { hasText: 'Logged this week' }).locator('xpath=..').locator('tbody tr').allTextContents()).join('|'), { timeout: 30_000 }).toMatch(/45.*\|.*30|30.*\|.*45/);
    expect(first).toMatch(/^Minutes, .+, Mon \d{4}-\d{2}-\d{2}$/);
    await screenshot(page, 'staff-time-logs');
    await context.close();
  }, 300_000);
});
