/**
 * A tap on "Nästa" is never lost when the save state changes under the
 * finger. On a 768 px wide tablet the header used to re-wrap when its status
 * text changed ("" → "Väntar på att skickas (1)" → "Sparat"), moving the
 * question and its buttons up or down by up to 63 px between the finger
 * going down and coming up: the release landed beside the button and the
 * tap did nothing (seen as a rare timeout in tablet-offline.test.ts).
 *
 * Here the finger goes down on the upper part of "Nästa" while answers wait
 * to be sent, the network comes back, the status turns to "Sparat", and
 * only then the finger is lifted: the next question must open. That next
 * question (the year of birth) also checks that an empty year stepper's
 * first "+" goes to a sensible year, not to the field's minimum.
 */
import { describe, expect, it } from 'vitest';
import { apiLogin, newTablet, stackForThisFile } from './harness';
import { consentedParticipant } from './fixtures';
import { answerQuestion, currentKey, startQuestionnaire } from './tablet-driver';
import { stepperStart } from '../../web/tablet/questions';

const stack = stackForThisFile();

describe('tablet tap on Nästa', () => {
  it('opens the next question although the save state changes while the finger is on the button', { timeout: 120_000 }, async () => {
    const { context, page } = await newTablet(stack, { width: 768, height: 1024 });
    const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const participant = await consentedParticipant(page.request, stack.url, csrf, 3);
    const opened = await page.request.post(`${stack.url}/api/participants/${participant.id}/tablet-session`, { headers: { 'X-CSRF-Token': csrf }, data: { pin: '2468' } });
    expect(opened.status(), await opened.text()).toBe(201);
    await page.goto(`${stack.url}/tablet.html`);
    await startQuestionnaire(page);
    const nextButton = page.locator('#next');
    const saveState = page.locator('#save-state');
    const before = (await nextButton.boundingBox())!;

    // offline: the answer waits to be sent
    await context.setOffline(true);
    const first = (await currentKey(page))!;
    await answerQuestion(page, first);
    await expect.poll(() => saveState.textContent(), { timeout: 30_000 }).toMatch(/^Väntar på att skickas \(\d+\)$/);
    const waiting = (await nextButton.boundingBox())!;

    // finger down on the upper part of the button, the network returns, the answers are sent, finger up
    await page.mouse.move(waiting.x + waiting.width / 2, waiting.y + waiting.height / 4);
    await page.mouse.down();
    await context.setOffline(false);
    await expect.poll(() => saveState.textContent(), { timeout: 60_000 }).toBe('Sparat');
    const saved = (await nextButton.boundingBox())!;
    await page.mouse.up();
    const moved = await page.waitForFunction((k) => document.querySelector('main')?.dataset.question !== k, first, { timeout: 10_000 })
      .then(() => true, () => false);
    expect(moved, 'the tap on Nästa was lost').toBe(true);
    expect(waiting.y, 'Nästa moved when "waiting to send" appeared').toBe(before.y);
    expect(saved.y, 'Nästa moved when "Sparat" appeared').toBe(before.y);

    // the next question, the year of birth: an empty stepper, whose first "+" lands on a
    // sensible year (the middle of 1940–2012, as this year is out of range), not on 1940
    expect(await currentKey(page)).toBe('baseline.birth_year');
    const year = page.locator('main input#answer[type="number"]');
    expect(await year.inputValue()).toBe('');
    await page.getByRole('button', { name: /^Öka/ }).click();
    const [min, max] = [Number(await year.getAttribute('min')), Number(await year.getAttribute('max'))];
    expect(await year.inputValue()).toBe(String(stepperStart(min, max, new Date().getFullYear())));
    expect(await year.inputValue()).not.toBe(String(min));
    await context.close();
  });
});
