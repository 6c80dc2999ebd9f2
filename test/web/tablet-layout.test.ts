/**
 * The questionnaire on the four tablet screens in both orientations
 * (768×1024, 1024×768, 800×1280, 1280×800): Nästa and Tillbaka stay on the
 * screen on a question with many answers and on the EQ VAS, the last answer
 * of a long question can be reached without the button bar covering it, and
 * both ends of the VAS (0 and 100) can be tapped.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { apiLogin, newTablet, screenshot, stackForThisFile } from './harness';
import { consentedParticipant } from './fixtures';
import { openAt, startQuestionnaire } from './tablet-driver';

const stack = stackForThisFile();

const VIEWPORTS = [{ width: 768, height: 1024 }, { width: 1024, height: 768 }, { width: 800, height: 1280 }, { width: 1280, height: 800 }];
/** the baseline question with the most answers */
const LONG_QUESTION = 'baseline.income_source';
const VAS = 'eq5d5l.eq_vas';

/** Whether the box of `locator` lies wholly inside the viewport. */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

/** Whether a finger at (x, y) lands on `locator` (and not on the button bar or anything else above it). */
async function reaches(locator: Locator, x: number, y: number): Promise<boolean> {
  return locator.evaluate((el, [px, py]) => {
    const hit = document.elementFromPoint(px, py);
    return hit !== null && (hit === el || el.contains(hit));
  }, [x, y]);
}

async function buttonsOnScreen(page: Page, where: string): Promise<void> {
  for (const id of ['#next', '#back']) {
    expect(await onScreen(page, page.locator(id)), `${id} off screen on ${where}`).toBe(true);
  }
}

describe('tablet layout', () => {
  VIEWPORTS.forEach((viewport, i) => {
    it(`keeps Nästa and Tillbaka on screen and the VAS reachable at ${viewport.width}×${viewport.height}`, { timeout: 180_000 }, async () => {
      const { context, page } = await newTablet(stack, viewport);
      const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
      const participant = await consentedParticipant(page.request, stack.url, csrf, 1 + i);
      const opened = await page.request.post(`${stack.url}/api/participants/${participant.id}/tablet-session`, { headers: { 'X-CSRF-Token': csrf }, data: { pin: '2468' } });
      expect(opened.status(), await opened.text()).toBe(201);
      await page.goto(`${stack.url}/tablet.html`);
      await startQuestionnaire(page);

      // a question with many answers: the buttons stay on screen at the top and at the end of the page
      await openAt(page, LONG_QUESTION);
      await buttonsOnScreen(page, `${LONG_QUESTION} (top)`);
      await screenshot(page, `tablet-layout-${viewport.width}x${viewport.height}-long`, true);
      const last = page.locator('label.option').last();
      await last.scrollIntoViewIfNeeded();
      const lastBox = (await last.boundingBox())!;
      expect(await reaches(last, lastBox.x + lastBox.width / 2, lastBox.y + lastBox.height / 2), 'the last answer is covered').toBe(true);
      await buttonsOnScreen(page, `${LONG_QUESTION} (last answer)`);
      await last.click();
      expect(await last.locator('input').isChecked()).toBe(true);

      // the VAS: buttons on screen, both ends tappable and not under the button bar
      await openAt(page, VAS);
      await buttonsOnScreen(page, VAS);
      await screenshot(page, `tablet-layout-${viewport.width}x${viewport.height}-vas`, true);
      const slider = page.locator('#vas-slider');
      const track = page.locator('.vas-track');
      for (const [end, label, expected] of [['top', '.vas-top', '100'], ['bottom', '.vas-bottom', '0']] as const) {
        await page.locator(label).scrollIntoViewIfNeeded();
        expect(await onScreen(page, page.locator(label)), `the VAS ${end} label is off screen`).toBe(true);
        const box = (await track.boundingBox())!;
        const y = end === 'top' ? box.y + 1 : box.y + box.height - 1;
        expect(await reaches(slider, box.x + box.width / 2, y), `the VAS ${end} is covered`).toBe(true);
        expect(y >= 0 && y <= viewport.height, `the VAS ${end} is off screen`).toBe(true);
        await page.mouse.click(box.x + box.width / 2, y);
        await expect.poll(() => slider.getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe(expected);
        await buttonsOnScreen(page, `${VAS} (${end})`);
      }
      await context.close();
    });
  });
});
