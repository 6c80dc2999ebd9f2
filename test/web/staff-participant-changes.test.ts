/**
 * The participant page's changes in a real browser against the real server,
 * as a trial manager on a 1440×900 screen: assigning the site's coach,
 * ending an open employment episode (a refused end date is shown as a
 * sentence first) and recording a withdrawal with what may still be used —
 * each through its confirm step, and each visible both on the re-rendered
 * page and in the API afterwards.
 */
import { describe, expect, it } from 'vitest';
import { apiLogin, screenshot, stackForThisFile } from './harness';
import { consentedParticipant, today } from './fixtures';

const stack = stackForThisFile();

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('staff participant page: withdrawal, coach and ending an episode', () => {
  it('assigns the coach, ends an episode and records a withdrawal, each after confirming', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const { id, studyId } = await consentedParticipant(page.request, stack.url, csrf, 8);
    const episode = await page.request.post(`${stack.url}/api/participants/${id}/episodes`, {
      headers: { 'X-CSRF-Token': csrf },
      data: { episode: { episode_type: 'competitive', episode_start_date: today() } },
    });
    expect(episode.status(), await episode.text()).toBe(201);
    const sites = (await (await page.request.get(`${stack.url}/api/sites`)).json()) as { sites: { code: string; staff: { id: number; display_name: string; role: string }[] }[] };
    const coach = sites.sites.find((s) => s.code === 'ORE-AFF')!.staff.find((s) => s.role === 'coach')!;
    const participant = async () => (await (await page.request.get(`${stack.url}/api/participants/${id}`)).json()) as { participant: { coachId: number | null; stage: string }; withdrawal: Record<string, unknown> | null };

    await page.goto(`${stack.url}/#/participant/${id}`);
    await page.getByRole('heading', { name: `Participant ${studyId}` }).waitFor();
    expect(await page.locator('#coach-name').textContent()).toBe('–');

    // coach: choose, confirm, and the page shows the coach from the server
    await page.getByLabel('Coach at the site').selectOption(String(coach.id));
    await page.getByRole('button', { name: 'Change coach …' }).click();
    await page.getByText(`${coach.display_name} becomes the coach of ${studyId}.`).waitFor();
    await screenshot(page, 'staff-participant-coach-confirm', true);
    await page.getByRole('button', { name: 'Confirm: assign' }).click();
    await expect.poll(() => page.locator('#coach-name').textContent(), { timeout: 30_000 }).toBe(coach.display_name);
    expect((await participant()).participant.coachId).toBe(coach.id);

    // ending the episode: an end date before its start is refused with a sentence, then a valid one is saved
    const endCard = page.locator('#end-episode');
    await endCard.getByLabel('End date *').fill(daysAgo(3));
    await endCard.getByLabel('Reason for the change *').fill('Job ended');
    await endCard.getByRole('button', { name: 'End episode …' }).click();
    await endCard.getByRole('button', { name: 'Confirm: end the episode' }).click();
    await endCard.getByRole('alert').filter({ hasText: 'A date is not possible' }).waitFor();
    await endCard.getByLabel('End date *').fill(today());
    await endCard.getByRole('button', { name: 'End episode …' }).click();
    await endCard.getByRole('button', { name: 'Confirm: end the episode' }).click();
    await expect.poll(() => page.locator('#end-episode').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.locator('#episodes tbody tr').count()).toBe(1);
    expect(await page.locator('#episodes tbody td').nth(2).textContent()).not.toBe('–');
    const episodes = (await (await page.request.get(`${stack.url}/api/participants/${id}/episodes`)).json()) as { episodes: { episode_end_date?: string }[] };
    expect(episodes.episodes.map((e) => e.episode_end_date)).toEqual([today()]);

    // withdrawal with its data-use choice
    const withdrawal = page.locator('#withdrawal');
    await withdrawal.getByLabel(/Date of withdrawal/).fill(today());
    await withdrawal.getByRole('group', { name: /What may still be used/ }).getByLabel('Only data collected up to the withdrawal').check();
    await withdrawal.getByRole('button', { name: 'Record withdrawal …' }).click();
    await withdrawal.getByText(/What may still be used: Only data collected up to the withdrawal\./).waitFor();
    await screenshot(page, 'staff-participant-withdrawal-confirm', true);
    await withdrawal.getByRole('button', { name: `Confirm: record the withdrawal of ${studyId}` }).click();
    await expect.poll(() => page.locator('#stage').textContent(), { timeout: 30_000 }).toBe('withdrawn');
    expect(await page.locator('#withdrawal-recorded').textContent()).toContain('Only data collected up to the withdrawal');
    expect(await page.getByRole('button', { name: 'Record withdrawal …' }).count()).toBe(0);
    const after = await participant();
    expect(after.participant.stage).toBe('withdrawn');
    expect(after.withdrawal).toMatchObject({ withdrawal_date: today(), withdrawal_data_use: 'collected_only' });
    await screenshot(page, 'staff-participant-withdrawn');
    await context.close();
  }, 180_000);
});
