/**
 * A site's licensed EQ-5D wording on the tablet: the server is started with a
 * wording file (IPS_LICENSED_WORDING; obviously synthetic text, never
 * EuroQol's), the participant reaches the EQ-5D mobility question in Swedish
 * and sees the site's wording instead of the dictionary's neutral label —
 * also after the page is reloaded offline. The answer keeps its code, and the
 * built pages never contain the wording.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiLogin, newTablet, screenshot, stackForThisFile } from './harness';
import { consentedParticipant } from './fixtures';
import { answerQuestion, currentKey, next, storedAnswer, startQuestionnaire } from './tablet-driver';

const MOBILITY = 'LICENSED TEST WORDING: mobility';
const LEVEL_1 = 'LICENSED TEST WORDING: mobility level 1';
const FORM = 'LICENSED TEST WORDING: EQ-5D-5L';
const TARGET = 'eq5d5l.eq5d_mo';

const files = mkdtempSync(path.join(tmpdir(), 'ips-web-wording-'));
const file = path.join(files, 'wording.json');
writeFileSync(file, JSON.stringify({
  source: 'LICENSED TEST WORDING (synthetic, not EuroQol text)',
  forms: { eq5d5l: { labels: { sv: FORM }, fields: { eq5d_mo: { labels: { sv: MOBILITY }, choices: { '1': { sv: LEVEL_1 } } } } } },
}));
const stack = stackForThisFile({ config: { licensedWording: file } });
afterAll(() => rmSync(files, { recursive: true, force: true }));

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? builtFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('licensed wording on the tablet', () => {
  it('shows the site wording of the EQ-5D question in Swedish, also after an offline reload', { timeout: 300_000 }, async () => {
    const { context, page } = await newTablet(stack, { width: 768, height: 1024 });
    const csrf = await apiLogin(page, stack.url, 'manager@demo.ips-trial.invalid');
    const participant = await consentedParticipant(page.request, stack.url, csrf, 7);
    const opened = await page.request.post(`${stack.url}/api/participants/${participant.id}/tablet-session`, { headers: { 'X-CSRF-Token': csrf }, data: { pin: '2468' } });
    expect(opened.status(), await opened.text()).toBe(201);
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));

    await page.goto(`${stack.url}/tablet.html`);
    await startQuestionnaire(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // through the baseline questions to EQ-5D mobility
    for (let guard = 0; guard < 80 && (await currentKey(page)) !== TARGET; guard += 1) {
      const key = (await currentKey(page))!;
      expect(await page.locator('main').getAttribute('data-screen'), `reached the review before ${TARGET}`).toBe('question');
      // the site's wording is for EQ-5D-5L only: other questions keep the dictionary's labels
      expect(await page.locator('main').textContent()).not.toContain('LICENSED TEST WORDING');
      // the project's own questions are never marked as placeholders; EQ-5D and GSE are while their wording is incomplete
      const owned = ['eq5d5l', 'eq5d3l', 'gse'].includes(key.split('.')[0]);
      expect(await page.locator('.placeholder-note').count(), key).toBe(owned ? 1 : 0);
      await answerQuestion(page, key);
      await next(page, key);
    }
    expect(await currentKey(page)).toBe(TARGET);

    const showsLicensedWording = async () => {
      expect(await page.locator('#question-heading').textContent()).toBe(MOBILITY);
      expect(await page.locator('p.part').textContent()).toContain(FORM);
      const options = await page.locator('label.option').allTextContents();
      expect(options).toHaveLength(5);
      expect(options[0]).toBe(LEVEL_1);
      // levels the file does not give keep the neutral labels
      expect(options.slice(1).filter((o) => o.includes('LICENSED TEST WORDING'))).toEqual([]);
      // the file gives one question of five: the rest are placeholders, and the part says so
      expect(await page.locator('.placeholder-note').textContent()).toBe('Exempeltext: studien har inte lagt in formulärets riktiga text på det här språket.');
    };
    await showsLicensedWording();
    await screenshot(page, 'tablet-licensed-wording');

    await context.setOffline(true);
    await page.reload();
    await page.locator('main[data-screen="question"]').waitFor();
    expect(await currentKey(page)).toBe(TARGET);
    await showsLicensedWording();

    // only the label changed: the answer is stored under the same field with its code
    await page.locator('label.option').first().click();
    await expect.poll(() => storedAnswer(page, TARGET), { timeout: 30_000 }).toBe(1);
    await context.close();

    // the wording came from the tablet session, never from the public pages
    const leaked = builtFiles(path.join(stack.dir, 'web')).filter((f) => readFileSync(f, 'utf8').includes('LICENSED TEST WORDING'));
    expect(leaked).toEqual([]);
  });
});
