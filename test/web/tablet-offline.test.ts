/**
 * The participant tablet in a real browser against the real server, on both
 * tablet orientations: a participant answers the whole baseline
 * questionnaire in Swedish; half-way the network is cut, answers go on
 * ("waiting to send" is shown), the page is reloaded offline (from the
 * service worker's cache and IndexedDB) and resumes on the same question;
 * the network returns, the participant submits, and the server then holds
 * exactly one complete response per form with every answer given.
 */
import { describe, expect, it } from 'vitest';
import { request as playwrightRequest } from 'playwright-core';
import { apiLogin, newTablet, screenshot, stackForThisFile, DEMO_PASSWORD } from './harness';
import { consentedParticipant } from './fixtures';
import { answerQuestion, currentKey, next, storedAnswer, startQuestionnaire } from './tablet-driver';

const stack = stackForThisFile();

type Expected = Record<string, Record<string, string | number | boolean>>;

for (const viewport of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
  describe(`tablet questionnaire ${viewport.width}×${viewport.height}`, () => {
    it('completes the Swedish baseline through a network cut and an offline reload, leaving one complete response per form', { timeout: 300_000 }, async () => {
      const serial = viewport.width === 768 ? 1 : 2;
      const { context, page } = await newTablet(stack, viewport);
      const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
      const participant = await consentedParticipant(page.request, stack.url, csrf, serial);
      const opened = await page.request.post(`${stack.url}/api/participants/${participant.id}/tablet-session`, { headers: { 'X-CSRF-Token': csrf }, data: { pin: '2468' } });
      expect(opened.status(), await opened.text()).toBe(201);

      page.on('console', (m) => { if (process.env.DEBUG_WEB_TEST) process.stderr.write(`console: ${m.text()}\n`); });
      page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
      await page.goto(`${stack.url}/tablet.html`);
      await startQuestionnaire(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('sv');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await screenshot(page, `tablet-${viewport.width}-first-question`);

      const expected: Expected = {};
      let answered = 0;
      let offlineSince: number | undefined;
      let reloaded = false;
      for (let guard = 0; guard < 80; guard += 1) {
        if ((await page.locator('main').getAttribute('data-screen')) === 'review') break;
        const key = (await currentKey(page))!;
        const [form, field] = key.split('.');
        if (process.env.DEBUG_WEB_TEST) process.stderr.write(`${viewport.width}: ${answered} ${key} ${await page.locator('#save-state').textContent()}\n`);
        (expected[form] ??= {})[field] = await answerQuestion(page, key);
        answered += 1;
        if (answered === 8) {
          await context.setOffline(true);
          offlineSince = answered;
        }
        if (offlineSince !== undefined && answered === offlineSince + 1) {
          await expect.poll(() => page.locator('#save-state').textContent(), { timeout: 30_000 }).toMatch(/^Väntar på att skickas \(\d+\)$/);
          await screenshot(page, `tablet-${viewport.width}-offline-waiting`);
        }
        if (offlineSince !== undefined && answered === offlineSince + 4 && !reloaded) {
          // reload while offline: the page comes from the service worker, the answers from IndexedDB
          // (once the tablet holds the answer just given: this checks resuming, not the race
          // between a tap and a reload) — and the answer is still there afterwards
          await expect.poll(() => storedAnswer(page, key), { timeout: 30_000 }).toEqual(expected[form][field]);
          await page.reload();
          await page.locator('main[data-screen="question"]').waitFor();
          expect(await currentKey(page)).toBe(key);
          expect(await storedAnswer(page, key)).toEqual(expected[form][field]);
          await expect.poll(() => page.locator('#save-state').textContent(), { timeout: 30_000 }).toMatch(/^Väntar på att skickas/);
          reloaded = true;
        }
        if (reloaded && answered === offlineSince! + 8) {
          await context.setOffline(false);
          await expect.poll(() => page.locator('#save-state').textContent(), { timeout: 60_000 }).toBe('Sparat');
        }
        await next(page, key);
      }
      expect(reloaded).toBe(true);
      await page.locator('main[data-screen="review"]').waitFor();
      expect(await page.locator('.review-item.missing').evaluateAll((items) => items.map((i) => i.getAttribute('data-key')))).toEqual([]);
      expect(await page.locator('#submit').isDisabled()).toBe(false);
      await screenshot(page, `tablet-${viewport.width}-review`);
      await page.locator('#submit').click();
      await page.locator('main[data-screen="thanks"]').waitFor();
      await screenshot(page, `tablet-${viewport.width}-thanks`);

      // the server: exactly one response per form, complete, with every answer given
      const staff = await playwrightRequest.newContext({ baseURL: stack.url });
      expect((await staff.post('/api/session', { data: { email: 'manager@demo.ips-trial.invalid', password: DEMO_PASSWORD } })).status()).toBe(201);
      await expect.poll(async () => {
        const list = (await (await staff.get(`/api/participants/${participant.id}/responses`)).json()) as { responses: { complete: boolean }[] };
        return list.responses.filter((r) => r.complete).length;
      }, { timeout: 60_000 }).toBe(Object.keys(expected).length);
      const { responses } = (await (await staff.get(`/api/participants/${participant.id}/responses`)).json()) as { responses: { form: string; complete: boolean; answers: Record<string, unknown>; timepoint: number }[] };
      expect(responses.map((r) => r.form).sort()).toEqual(Object.keys(expected).sort());
      for (const response of responses) {
        expect(response).toMatchObject({ complete: true, timepoint: 0 });
        expect(response.answers).toEqual(expected[response.form]);
      }
      // after the thank-you, the tablet locks again
      await page.getByRole('button', { name: 'Klar' }).click();
      await page.locator('main[data-screen="locked"]').waitFor();
      await staff.dispose();
      await context.close();
    });
  });
}
