/**
 * A shared clinic tablet: participant A answers while the tablet is offline
 * and the tablet is put away; later staff open participant B's session on
 * the same tablet. A's waiting answers must reach the server under A
 * (exactly one response per form, at the tablet's revision), never under B,
 * and B must never see anything of A. When A's session ended too long ago
 * to deliver, A's answers stay on the tablet, B's still go through, and the
 * locked screen tells staff how many forms are kept.
 */
import { describe, expect, it } from 'vitest';
import { request as playwrightRequest, type BrowserContext, type Page } from 'playwright-core';
import { apiLogin, DEMO_PASSWORD, newTablet, screenshot, stackForThisFile } from './harness';
import { consentedParticipant } from './fixtures';
import { answerQuestion, currentKey, next, startQuestionnaire } from './tablet-driver';

const stack = stackForThisFile();

type Answers = Record<string, Record<string, unknown>>;
interface StoredResponse { form: string; participantId?: number; revision: number; ackedRevision?: number; answers: Record<string, unknown> }
const MANAGER = 'manager@demo.ips-trial.invalid';

/** What the tablet holds in IndexedDB. */
function tabletResponses(page: Page): Promise<StoredResponse[]> {
  return page.evaluate(() => new Promise<StoredResponse[]>((resolve, reject) => {
    const open = indexedDB.open('ips-trial-tablet');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('responses').objectStore('responses').getAll();
      all.onsuccess = () => {
        open.result.close();
        resolve(all.result as StoredResponse[]);
      };
      all.onerror = () => reject(all.error);
    };
  }));
}

async function openKiosk(page: Page, participantId: number): Promise<void> {
  const csrf = await apiLogin(page, stack.url, MANAGER);
  const opened = await page.request.post(`${stack.url}/api/participants/${participantId}/tablet-session`, { headers: { 'X-CSRF-Token': csrf }, data: { pin: '2468' } });
  expect(opened.status(), await opened.text()).toBe(201);
}

/** Answers `count` questions from the current one on, moving on after each; returns the answers by form. */
async function answerSome(page: Page, count: number, into: Answers = {}): Promise<Answers> {
  for (let i = 0; i < count; i += 1) {
    const key = (await currentKey(page))!;
    const [form, field] = key.split('.');
    (into[form] ??= {})[field] = await answerQuestion(page, key);
    await next(page, key);
  }
  return into;
}

/** Participant A answers: two questions online, four offline; the tablet is then put away while still offline. */
async function participantAOffline(context: BrowserContext, page: Page, participantId: number): Promise<{ answers: Answers; stored: StoredResponse[] }> {
  await openKiosk(page, participantId);
  await page.goto(`${stack.url}/tablet.html`);
  await startQuestionnaire(page);
  const answers = await answerSome(page, 2);
  await expect.poll(() => page.locator('#save-state').textContent(), { timeout: 30_000 }).toBe('Sparat');
  await context.setOffline(true);
  await answerSome(page, 4, answers);
  await expect.poll(() => page.locator('#save-state').textContent(), { timeout: 30_000 }).toMatch(/^Väntar på att skickas \(\d+\)$/);
  const stored = (await tabletResponses(page)).filter((r) => r.participantId === participantId && Object.keys(r.answers).length > 0);
  expect(stored.map((r) => r.answers)).toEqual(Object.values(answers));
  await page.close();
  await context.setOffline(false);
  return { answers, stored };
}

async function staffReader() {
  const staff = await playwrightRequest.newContext({ baseURL: stack.url });
  expect((await staff.post('/api/session', { data: { email: MANAGER, password: DEMO_PASSWORD } })).status()).toBe(201);
  const responsesOf = async (id: number) => ((await (await staff.get(`/api/participants/${id}/responses`)).json()) as { responses: StoredResponse[] }).responses;
  return { staff, responsesOf };
}

describe('a shared clinic tablet', () => {
  it("delivers the previous participant's offline answers under that participant after staff opened the next one's session", { timeout: 240_000 }, async () => {
    const { context, page: first } = await newTablet(stack, { width: 768, height: 1024 });
    const csrf = await apiLogin(first, stack.url, MANAGER);
    const a = await consentedParticipant(first.request, stack.url, csrf, 1);
    const b = await consentedParticipant(first.request, stack.url, csrf, 2);
    const fromA = await participantAOffline(context, first, a.id);

    // staff take the tablet, log in and open B's session (the tablet page is not running)
    const page = await context.newPage();
    await openKiosk(page, b.id);
    await page.goto(`${stack.url}/tablet.html`);
    await startQuestionnaire(page);
    // B starts at the beginning, with nothing of A's on screen
    const firstKeyOfB = (await currentKey(page))!;
    expect(await page.locator('main input:checked').count()).toBe(0);
    expect(await page.locator('#next').isVisible()).toBe(true);
    await screenshot(page, 'tablet-shared-next-participant');

    const { staff, responsesOf } = await staffReader();
    // A's answers arrive under A: one response per form, the tablet's revision, every answer
    await expect.poll(async () => (await responsesOf(a.id)).map((r) => [r.form, r.revision]).sort(), { timeout: 60_000 })
      .toEqual(fromA.stored.map((r) => [r.form, r.revision]).sort());
    for (const response of await responsesOf(a.id)) expect(response.answers).toEqual(fromA.answers[response.form]);
    // B's own answers go to B, and nothing of A's lands on B
    const fromB = await answerSome(page, 2);
    await expect.poll(() => page.locator('#save-state').textContent(), { timeout: 30_000 }).toBe('Sparat');
    const ofB = await responsesOf(b.id);
    expect(ofB.map((r) => r.form).sort()).toEqual(Object.keys(fromB).sort());
    for (const response of ofB) expect(response.answers).toEqual(fromB[response.form]);
    expect(Object.keys(fromB[firstKeyOfB.split('.')[0]])).toContain(firstKeyOfB.split('.')[1]);
    // once delivered, A's answers are gone from the tablet
    await expect.poll(async () => (await tabletResponses(page)).filter((r) => r.participantId === a.id).length, { timeout: 30_000 }).toBe(0);
    await staff.dispose();
    await context.close();
  });

  it("keeps the previous participant's answers on the tablet, and tells staff, when that session ended too long ago to deliver", { timeout: 240_000 }, async () => {
    const { context, page: first } = await newTablet(stack, { width: 768, height: 1024 });
    const csrf = await apiLogin(first, stack.url, MANAGER);
    const a = await consentedParticipant(first.request, stack.url, csrf, 3);
    const b = await consentedParticipant(first.request, stack.url, csrf, 4);
    const fromA = await participantAOffline(context, first, a.id);
    // the tablet stays away longer than the delivery grace period: A's session ended 8 days ago
    const ended = new Date(Date.now() - 8 * 86_400_000).toISOString();
    stack.server.db.prepare('UPDATE tablet_sessions SET expires_at = ? WHERE participant_id = ?').run(ended, a.id);

    const page = await context.newPage();
    await openKiosk(page, b.id);
    await page.goto(`${stack.url}/tablet.html`);
    await startQuestionnaire(page);
    expect(await page.locator('main input:checked').count()).toBe(0);
    // B's answers are not held up by A's
    const fromB = await answerSome(page, 2);
    const { staff, responsesOf } = await staffReader();
    await expect.poll(async () => (await responsesOf(b.id)).map((r) => r.form).sort(), { timeout: 60_000 }).toEqual(Object.keys(fromB).sort());
    // A's offline answers are neither on the server (under A or B) nor lost: they stay on the tablet
    const waitingOfA = fromA.stored.filter((r) => r.revision > r.ackedRevision!);
    expect(waitingOfA.length).toBeGreaterThan(0);
    for (const response of await responsesOf(a.id)) {
      const onTablet = fromA.stored.find((r) => r.form === response.form)!;
      expect(response.revision).toBe(onTablet.ackedRevision); // what was sent while online, nothing later
    }
    for (const response of await responsesOf(b.id)) expect(response.answers).toEqual(fromB[response.form]);
    const kept = (await tabletResponses(page)).filter((r) => r.participantId === a.id && Object.keys(r.answers).length > 0);
    expect(kept.map((r) => r.answers)).toEqual(fromA.stored.map((r) => r.answers));

    // staff leave B's session with the PIN: the locked screen shows the count of forms kept
    await page.getByRole('button', { name: 'Personal: avsluta' }).click();
    await page.locator('#pin').fill('2468');
    await page.getByRole('button', { name: 'Avsluta', exact: true }).click();
    await page.locator('main[data-screen="locked"]').waitFor();
    await expect.poll(() => page.locator('#staff-notice').textContent(), { timeout: 30_000 })
      .toBe(`Personal: ${waitingOfA.length} formulär från en tidigare session kunde inte skickas (sessionen har gått ut). ${waitingOfA.length === 1 ? 'Det' : 'De'} finns kvar på surfplattan.`);
    await screenshot(page, 'tablet-shared-undelivered');
    await staff.dispose();
    await context.close();
  });
});
