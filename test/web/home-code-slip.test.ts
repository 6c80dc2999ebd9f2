/**
 * The home-code slip on the participant page: the full address of the
 * questionnaire (not a relative "/tablet.html"), the code in groups of
 * 3-3-4 (the address also as a QR code), the validity — in the participant's language, picked on the slip
 * while the page stays in the staff member's; printing shows the slip alone;
 * and the address and the code typed as printed open the questionnaire.
 */
import { describe, expect, it } from 'vitest';
import { newTablet, screenshot, stackForThisFile, staffLogin } from './harness';
import { consentedParticipant } from './fixtures';
import { startQuestionnaire } from './tablet-driver';

const stack = stackForThisFile();

describe('home-code slip', () => {
  it('prints the address and the grouped code in the participant\'s language, and the slip opens the questionnaire', { timeout: 240_000 }, async () => {
    const { context, page } = await staffLogin(stack, 'manager@demo.ips-trial.invalid', { width: 1280, height: 900 });
    await page.locator('nav').waitFor();
    const session = (await (await page.request.get(`${stack.url}/api/session`)).json()) as { csrf_token: string };
    const participant = await consentedParticipant(page.request, stack.url, session.csrf_token, 8);
    await page.goto(`${stack.url}/#/participant/${participant.id}`);
    await page.locator('#make-home-code').click();
    const slip = page.locator('#home-code-slip');
    await slip.waitFor();

    // the full address of this server, and the code in three groups
    const url = (await page.locator('#slip-url').textContent())!;
    expect(url).toBe(`${stack.url}/tablet.html`);
    const code = (await page.locator('#slip-code').textContent())!;
    expect(code).toMatch(/^[A-Z0-9]{3} [A-Z0-9]{3} [A-Z0-9]{4}$/);
    expect(await page.locator('#home-code-out').textContent()).toContain(participant.studyId);
    // the address also as a QR code (an image with a name; not decoded here: no independent decoder on the machine)
    const qr = slip.locator('svg.qr-code');
    expect(await qr.getAttribute('role')).toBe('img');
    expect(await qr.getAttribute('aria-label')).toMatch(/QR/);
    const modules = Number(await qr.getAttribute('data-modules'));
    expect(modules).toBeGreaterThanOrEqual(21);
    expect((modules - 17) % 4).toBe(0);

    // the site has no tablet language: the slip starts in the staff member's (English), and switches to Swedish alone
    expect(await slip.locator('.slip-body').getAttribute('lang')).toBe('en');
    expect(await slip.locator('h3').textContent()).toBe('Your questionnaire at home');
    await slip.getByRole('button', { name: 'Svenska' }).click();
    await expect.poll(() => slip.locator('h3').textContent(), { timeout: 30_000 }).toBe('Ditt frågeformulär hemma');
    expect(await slip.locator('.slip-body').getAttribute('lang')).toBe('sv');
    expect(await page.locator('#slip-valid').textContent()).toMatch(/^Koden kan användas en gång, fram till \d{1,2} [a-zåäö]+ \d{4}/);
    expect(await page.locator('#slip-code').textContent()).toBe(code);
    expect(await page.getByRole('button', { name: 'Print the slip' }).isVisible()).toBe(true);
    await screenshot(page, 'staff-home-code-slip');

    // printed: the slip and nothing else of the page, without its buttons
    await page.emulateMedia({ media: 'print' });
    const visibility = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).visibility);
    expect(await visibility('h1')).toBe('hidden');
    expect(await visibility('#tablet-title')).toBe('hidden');
    expect(await visibility('#slip-code')).toBe('visible');
    expect(await visibility('#home-code-slip svg.qr-code')).toBe('visible');
    expect(await page.locator('#print-slip').isVisible()).toBe(false);
    expect(await slip.locator('.slip-controls').isVisible()).toBe(false);
    await page.pdf({ path: `${process.cwd()}/test-artifacts/home-code-slip.pdf` }).catch(() => undefined);
    await page.emulateMedia({ media: 'screen' });
    await context.close();

    // at home: the printed address, the code typed as printed
    const home = await newTablet(stack, { width: 1024, height: 768 });
    await home.page.goto(url);
    await home.page.getByLabel('Personlig kod').fill(code);
    await home.page.getByRole('button', { name: 'Börja' }).click();
    await startQuestionnaire(home.page);
    await home.context.close();
  });
});
