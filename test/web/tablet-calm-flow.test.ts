/**
 * A calm questionnaire: a welcome screen says what it is, how long it takes
 * (from the number of questions) and that one can stop at any time; the
 * participant can take a break, which saves what was typed and leaves
 * nothing of the answers on screen (also after a reload) until they
 * continue on the same question; the review takes them to the first
 * question without an answer; a reload leaves no focus ring on the page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiLogin, newTablet, screenshot, stackForThisFile } from './harness';
import { consentedParticipant } from './fixtures';
import { currentKey, next, reloadAt, storedAnswer } from './tablet-driver';

const stack = stackForThisFile();

/** The outline a sighted participant sees around the element that has focus ('none' when there is none). */
const focusRing = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return el && el !== document.body ? getComputedStyle(el).outlineStyle : 'none';
});

describe('a calm questionnaire', () => {
  it('welcomes, pauses and resumes, jumps from the review to the first missing answer, and shows no stray focus ring', { timeout: 240_000 }, async () => {
    const { context, page } = await newTablet(stack, { width: 800, height: 1280 });
    const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const participant = await consentedParticipant(page.request, stack.url, csrf, 1);
    const opened = await page.request.post(`${stack.url}/api/participants/${participant.id}/tablet-session`, { headers: { 'X-CSRF-Token': csrf }, data: { pin: '2468' } });
    expect(opened.status(), await opened.text()).toBe(201);
    await page.goto(`${stack.url}/tablet.html`);

    // the welcome: what, how long, that one can stop
    const main = page.locator('main');
    await page.locator('main[data-screen="welcome"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Välkommen');
    expect(await page.locator('.welcome-parts li').count()).toBe(4);
    expect(await page.locator('.welcome-parts').textContent()).not.toMatch(/projektetiketter/);
    const time = (await page.locator('#welcome-time').textContent())!;
    const [, minutes, questions] = time.match(/^Det tar ungefär (\d+) minuter \((\d+) frågor\)\.$/)!;
    expect(Number(minutes)).toBeGreaterThan(0);
    expect(await main.textContent()).toContain('sluta när du vill');
    await screenshot(page, 'tablet-welcome', true);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Welcome');
    expect(await page.locator('#welcome-time').textContent()).toBe(`It takes about ${minutes} minutes (${questions} questions).`);
    await page.getByRole('button', { name: 'Svenska' }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Välkommen');

    // a reload shows no focus ring on the page
    await page.reload();
    await page.locator('main[data-screen="welcome"]').waitFor();
    expect(await focusRing(page)).toBe('none');

    await page.locator('#start').click();
    await page.locator('main[data-screen="question"]').waitFor();
    // the welcome counted the questions the participant is then asked
    expect(await page.locator('#progress-text').textContent()).toBe(`Fråga 1 av ${questions}`);
    const first = (await currentKey(page))!;
    await page.locator('label.option').first().click();
    await expect.poll(() => storedAnswer(page, first), { timeout: 30_000 }).not.toBeUndefined();
    await next(page, first);
    await page.reload();
    await page.locator('main[data-screen="question"]').waitFor();
    expect(await focusRing(page)).toBe('none');
    // the keyboard still shows where it is
    await page.keyboard.press('Tab');
    expect(await focusRing(page)).not.toBe('none');

    // a break: what was typed is saved, nothing of the answers stays on screen, also after a reload
    const year = (await currentKey(page))!;
    expect(year).toBe('baseline.birth_year');
    const heading = (await page.locator('#question-heading').textContent())!;
    const typed = (await page.locator('input#answer').getAttribute('min'))!;
    await page.locator('input#answer').fill(typed);
    await page.getByRole('button', { name: 'Ta paus' }).click();
    await page.locator('main[data-screen="paused"]').waitFor();
    expect(await storedAnswer(page, year)).toBe(Number(typed));
    expect(await main.textContent()).not.toContain(heading);
    expect(await main.locator('input').count()).toBe(0);
    await screenshot(page, 'tablet-paused', true);
    await page.reload();
    await page.locator('main[data-screen="paused"]').waitFor();
    expect(await main.textContent()).not.toContain(heading);
    // staff can still end the session from the pause (kiosk)
    expect(await page.getByRole('button', { name: 'Personal: avsluta' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Fortsätt' }).click();
    await page.locator('main[data-screen="question"]').waitFor();
    expect(await currentKey(page)).toBe(year);
    expect(await page.locator('input#answer').inputValue()).toBe(typed);

    // the review takes the participant to the first question without an answer
    await reloadAt(page, 'review');
    await page.locator('main[data-screen="review"]').waitFor();
    const firstMissing = await page.locator('.review-item.missing').first().getAttribute('data-key');
    expect(firstMissing).not.toBe(first);
    expect(firstMissing).not.toBe(year);
    await page.getByRole('button', { name: 'Gå till första frågan utan svar' }).click();
    await page.waitForFunction((k) => document.querySelector('main')?.dataset.screen === 'question' && document.querySelector('main')?.dataset.question === k, firstMissing);
    await context.close();
  });
});
