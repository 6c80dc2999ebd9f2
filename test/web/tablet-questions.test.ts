/**
 * The participant reads questions, not codebook labels: the baseline asks
 * "Vilket kön har du?" (not "Kön") in the chosen language and never asks
 * for a diagnosis; service use asks yes/no for the last 6 months, then how
 * many times, and either step can be answered "Vet inte" — kept as null on
 * the tablet and accepted by the server, shown as "Vet inte" on the review
 * and never counted as a missing answer.
 */
import { describe, expect, it } from 'vitest';
import { apiLogin, newTablet, screenshot, stackForThisFile } from './harness';
import { consentedParticipant } from './fixtures';
import { currentKey, next, openAt, reloadAt, startQuestionnaire, storedAnswer } from './tablet-driver';

const stack = stackForThisFile();

describe('tablet: questions in the participant\'s words', () => {
  it('asks the baseline as questions and service use as yes → how many, with don\'t know at either step', { timeout: 240_000 }, async () => {
    const { context, page } = await newTablet(stack, { width: 800, height: 1280 });
    const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const participant = await consentedParticipant(page.request, stack.url, csrf, 7);
    const opened = await page.request.post(`${stack.url}/api/participants/${participant.id}/tablet-session`, { headers: { 'X-CSRF-Token': csrf }, data: { pin: '2468' } });
    expect(opened.status(), await opened.text()).toBe(201);
    await page.goto(`${stack.url}/tablet.html`);
    const main = page.locator('main');
    const heading = () => page.locator('#question-heading').textContent();

    // the welcome names the parts as the participant reads them
    await page.locator('main[data-screen="welcome"]').waitFor();
    expect(await page.locator('.welcome-parts li').allTextContents()).toEqual(expect.arrayContaining(['Om dig', 'Vård och stöd de senaste 6 månaderna']));
    await startQuestionnaire(page);

    // a baseline question, with the participant's answer texts
    expect(await currentKey(page)).toBe('baseline.sex');
    expect(await heading()).toBe('Vilket kön har du?');
    expect(await main.locator('label.option').allTextContents()).toEqual(['Kvinna', 'Man', 'Annat']);
    expect(await page.locator('.part').textContent()).toBe('Del 1 av 4: Om dig');
    await screenshot(page, 'tablet-question-sex', true);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await expect.poll(heading, { timeout: 30_000 }).toBe('Hvilket køn har du?');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(heading, { timeout: 30_000 }).toBe('What is your sex?');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await expect.poll(heading, { timeout: 30_000 }).toBe('Vilket kön har du?');

    // the year of birth: working-age years only (a dictionary attribute, not the field's name)
    await main.locator('label.option').first().click();
    await next(page, 'baseline.sex');
    expect(await heading()).toBe('Vilket år är du född?');
    const thisYear = new Date().getFullYear();
    expect(await page.locator('input#answer').getAttribute('min')).toBe(String(thisYear - 70));
    expect(await page.locator('input#answer').getAttribute('max')).toBe(String(thisYear - 15));

    // the baseline no longer asks for a diagnosis: staff record it at screening
    await reloadAt(page, 'review');
    await page.locator('main[data-screen="review"]').waitFor();
    const keys = await page.locator('.review-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-key')));
    expect(keys.filter((k) => k?.startsWith('baseline.'))).not.toContain('baseline.diagnosis_group');
    expect(await page.locator('.review-list').textContent()).not.toMatch(/diagnos|ICD|F20/i);

    // service use: yes/no for the last 6 months, with "Vet inte"
    await openAt(page, 'service_use.psychiatrist_visit_any');
    expect(await heading()).toBe('Har du varit på besök hos en psykiater under de senaste 6 månaderna? Räkna bara besök på plats, inte samtal per telefon eller video.');
    expect(await main.locator('label.option').allTextContents()).toEqual(['Ja', 'Nej', 'Vet inte']);
    await main.locator('label.option', { hasText: 'Ja' }).click();
    await expect.poll(() => storedAnswer(page, 'service_use.psychiatrist_visit_any'), { timeout: 30_000 }).toBe(true);
    await next(page, 'service_use.psychiatrist_visit_any');

    // yes → how many times, where "Vet inte" is a toggle beside the number
    expect(await currentKey(page)).toBe('service_use.psychiatrist_visit');
    expect(await heading()).toBe('Hur många gånger har du varit på besök hos en psykiater under de senaste 6 månaderna?');
    expect(await page.locator('input#answer').getAttribute('min')).toBe('1');
    const dontKnow = page.getByRole('button', { name: 'Vet inte' });
    await dontKnow.click();
    await expect.poll(() => dontKnow.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');
    await expect.poll(() => storedAnswer(page, 'service_use.psychiatrist_visit'), { timeout: 30_000 }).toBeNull();
    await screenshot(page, 'tablet-service-use-how-many', true);
    // the server took the answer with "don't know" (nothing left waiting or refused)
    await expect.poll(() => page.locator('#save-state').getAttribute('data-state'), { timeout: 30_000 }).toBe('saved');
    await next(page, 'service_use.psychiatrist_visit');

    // "Vet inte" whether at all: the how-many question is skipped
    expect(await currentKey(page)).toBe('service_use.nurse_visit_any');
    await main.locator('label.option', { hasText: 'Vet inte' }).click();
    await expect.poll(() => storedAnswer(page, 'service_use.nurse_visit_any'), { timeout: 30_000 }).toBeNull();
    await next(page, 'service_use.nurse_visit_any');
    expect(await currentKey(page)).toBe('service_use.psychologist_visit_any');

    // back to the count: "Vet inte" is still chosen; a number replaces it
    await page.locator('#back').click();
    await page.waitForFunction(() => document.querySelector('main')?.dataset.question === 'service_use.nurse_visit_any');
    expect(await main.locator('input[data-dont-know="true"]').isChecked()).toBe(true);
    await page.locator('#back').click();
    await page.waitForFunction(() => document.querySelector('main')?.dataset.question === 'service_use.psychiatrist_visit');
    expect(await dontKnow.getAttribute('aria-pressed')).toBe('true');
    await page.locator('input#answer').fill('2');
    await page.locator('input#answer').press('Tab');
    await expect.poll(() => storedAnswer(page, 'service_use.psychiatrist_visit'), { timeout: 30_000 }).toBe(2);
    expect(await dontKnow.getAttribute('aria-pressed')).toBe('false');

    // the review: "Vet inte" is an answer, not a missing one
    await reloadAt(page, 'review');
    await page.locator('main[data-screen="review"]').waitFor();
    const row = (key: string) => page.locator(`.review-item[data-key="${key}"]`);
    expect(await row('service_use.nurse_visit_any').locator('.review-answer').textContent()).toBe('Vet inte');
    expect(await row('service_use.nurse_visit_any').getAttribute('class')).not.toContain('missing');
    expect(await row('service_use.psychiatrist_visit').locator('.review-answer').textContent()).toBe('2');
    expect(await row('service_use.psychiatrist_visit').locator('.review-question').textContent()).toContain('under de senaste 6 månaderna');
    expect(await row('service_use.nurse_visit').count()).toBe(0);
    await context.close();
  });
});
