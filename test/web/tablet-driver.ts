/** Drives the tablet questionnaire the way a participant does (tap, type, arrow keys). */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const currentKey = (page: Page) => page.locator('main').getAttribute('data-question');

/** Answers the question on screen the way a participant would; returns the value given. */
export async function answerQuestion(page: Page, key: string): Promise<string | number | boolean> {
  const main = page.locator('main');
  if (await main.locator('#vas-slider').count()) {
    const slider = main.locator('#vas-slider');
    await slider.focus();
    await slider.press('ArrowUp'); // first key sets the middle, 50
    await slider.press('PageUp'); // +10
    await slider.press('ArrowDown'); // −1
    await expect.poll(() => slider.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('59');
    return 59;
  }
  const radios = main.locator('input[type="radio"]');
  if (await radios.count()) {
    // "Ja" for yes/no (opens the follow-up questions), otherwise the second option
    const index = key.endsWith('ever_employed') ? 0 : Math.min(1, (await radios.count()) - 1);
    const option = radios.nth(index);
    await main.locator('label.option').nth(index).click();
    await expect.poll(() => option.isChecked(), { timeout: 30_000 }).toBe(true);
    const value = (await option.getAttribute('value'))!;
    return value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value;
  }
  const number = main.locator('input#answer[type="number"]');
  if (await number.count()) {
    const min = Number((await number.getAttribute('min')) ?? 0);
    await number.fill(String(min + 2));
    await number.press('Tab');
    await main.getByRole('button', { name: /^Öka/ }).click();
    await expect.poll(() => number.inputValue(), { timeout: 30_000 }).toBe(String(min + 3));
    return min + 3;
  }
  const list = main.locator('select#answer');
  if (await list.count()) {
    // a long coded list (the home municipality): Örebro chosen from the drop-down
    await list.selectOption('se_1880');
    await expect.poll(() => list.inputValue(), { timeout: 30_000 }).toBe('se_1880');
    return 'se_1880';
  }
  const text = main.locator('#answer');
  await text.fill('Örebro');
  await text.press('Tab');
  return 'Örebro';
}

export async function next(page: Page, from: string): Promise<void> {
  await page.locator('#next').click();
  await page.waitForFunction((k) => {
    const main = document.querySelector('main');
    return main?.dataset.screen === 'review' || (main?.dataset.screen === 'question' && main.dataset.question !== k);
  }, from);
}


/** The answer the tablet holds in IndexedDB for `form.field` of its open session (undefined when none). */
export async function storedAnswer(page: Page, key: string): Promise<unknown> {
  const [form, field] = key.split('.');
  return page.evaluate(([f, name]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('ips-trial-tablet');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('responses').objectStore('responses').getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => {
        const records = (all.result as { form: string; complete: boolean; answers: Record<string, unknown> }[]).filter((r) => r.form === f && !r.complete);
        open.result.close();
        resolve(records[0]?.answers[name]);
      };
    };
  }), [form, field]);
}

/**
 * Puts the open session on `step` (a question's key, or 'review') as if the
 * participant had moved there, and reloads: the tablet resumes on the step
 * stored in IndexedDB.
 */
export async function reloadAt(page: Page, key: string): Promise<void> {
  await page.evaluate((step) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('ips-trial-tablet');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('sessions', 'readwrite').objectStore('sessions');
      const all = store.getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => {
        const sessions = all.result as { step: string }[];
        if (sessions.length !== 1) return reject(new Error(`expected one open session, found ${sessions.length}`));
        const put = store.put({ ...sessions[0], step });
        put.onerror = () => reject(put.error);
        put.onsuccess = () => {
          open.result.close();
          resolve();
        };
      };
    };
  }), key);
  await page.reload();
}

/** Reloads the open session on question `key`. */
export async function openAt(page: Page, key: string): Promise<void> {
  await reloadAt(page, key);
  await page.waitForFunction((k) => document.querySelector('main')?.dataset.screen === 'question' && document.querySelector('main')?.dataset.question === k, key);
}

/** From the welcome screen of a session just opened to its first question. */
export async function startQuestionnaire(page: Page): Promise<void> {
  await page.locator('main[data-screen="welcome"]').waitFor();
  await page.locator('#start').click();
  await page.locator('main[data-screen="question"]').waitFor();
}
