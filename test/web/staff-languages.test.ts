/**
 * The staff workspace in Swedish and Danish, in a real browser against the
 * real server: the language selector in the header switches the dashboard and
 * the participant page (catalogue words, dictionary labels, dates in the
 * locale), sets <html lang>, leaves no English behind in the headings,
 * buttons and labels, and the choice survives a reload. Without a choice the
 * browser's language decides.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getForm } from '../../data-dictionary/index';
import { CATALOGUES } from '../../web/staff/texts/index';
import { screenshot, stackForThisFile, DEMO_PASSWORD, staffLogin } from './harness';
import { consentedParticipant } from './fixtures';

const stack = stackForThisFile();

/** Every English catalogue text (placeholders cut out) that reads differently in `lang`. */
function englishOnly(lang: 'sv' | 'da'): Set<string> {
  const texts = new Set<string>();
  for (const [key, message] of Object.entries(CATALOGUES.en)) {
    const other = CATALOGUES[lang][key as keyof typeof CATALOGUES.en];
    if (JSON.stringify(other) === JSON.stringify(message)) continue;
    for (const text of typeof message === 'string' ? [message] : [message.one, message.other]) {
      for (const part of text.split(/\{[a-zA-Z]+\}/)) if (part.trim().length > 3) texts.add(part.trim());
    }
  }
  return texts;
}

/** The visible words that matter most: headings, navigation, captions, column and row heads, labels, buttons, terms. */
async function keyTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('h1, h2, caption, th, nav a, button, label, legend, dt, summary, option')]
    .map((el) => (el.textContent ?? '').trim()).filter((text) => text.length > 0));
}

/** Key texts that contain an English-only catalogue text. */
async function englishLeftovers(page: Page, lang: 'sv' | 'da'): Promise<string[]> {
  const english = [...englishOnly(lang)];
  return (await keyTexts(page)).filter((text) => english.some((e) => text === e || (e.length > 8 && text.includes(e))));
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious or critical axe-core findings (WCAG 2.x A/AA) on the page as it is, e.g. a bad lang attribute. */
async function seriousViolations(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where}: ${v.id} (${v.impact})`);
}

async function chooseLanguage(page: Page, name: 'Svenska' | 'Dansk' | 'English'): Promise<void> {
  await page.locator('#staff-language').selectOption({ label: name });
}

describe('staff workspace languages', () => {
  it('switches the dashboard and the participant page to Svenska and Dansk, and keeps the choice over a reload', async () => {
    const { context, page } = await staffLogin(stack, 'manager@demo.ips-trial.invalid', { width: 1280, height: 900 });
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // the leftover check has teeth: the English dashboard is full of what it looks for
    expect((await englishLeftovers(page, 'sv')).length).toBeGreaterThan(8);
    const csrf = ((await (await page.request.get(`${stack.url}/api/session`)).json()) as { csrf_token: string }).csrf_token;
    const participant = await consentedParticipant(page.request, stack.url, csrf, 7);

    // Svenska: the dashboard
    await chooseLanguage(page, 'Svenska');
    await page.getByRole('heading', { name: 'Översikt', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.title()).toBe('Översikt – IPS-studien');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents())
      .toEqual(['Översikt', 'Att göra', 'Deltagare', 'Bedömning och inskrivning', 'Dataförfrågningar', 'Tidsredovisning', 'SUS-registrering', 'Programtrohet', 'CONSORT-flöde', 'Formulärtexter', 'Rapporter och export', 'Enheter', 'Enhetskostnader', 'Tvåstegsverifiering']);
    expect(await page.getByRole('heading', { name: 'Deltagare per arbetsspecialist' }).count()).toBe(1);
    expect(await page.locator('#caseload th[scope="col"]').allTextContents()).toEqual(['Arbetsspecialist', 'Aktiva deltagare', 'Anmärkning']);
    expect(await page.locator('.site-card p').first().textContent()).toMatch(/^Rekrytering: \d+ randomiserade av [\d–]+ platser; \d+ remitterade\.$/);
    expect(await page.locator('header .who').textContent()).toMatch(/\(studieansvarig\)/);
    expect(await page.getByRole('button', { name: 'Logga ut' }).count()).toBe(1);
    expect(await englishLeftovers(page, 'sv')).toEqual([]);
    await screenshot(page, 'staff-dashboard-sv');

    // Svenska: the participant page, with the dictionary's Swedish labels and a Swedish date
    await page.goto(`${stack.url}/#/participant/${participant.id}`);
    await page.getByRole('heading', { name: `Deltagare ${participant.studyId}`, exact: true }).waitFor();
    expect(await page.locator('dl.facts dt').allTextContents()).toEqual(['Studie-id', 'Enhet', 'Steg', 'Grupp', 'Remitterad', 'Arbetsspecialist']);
    expect(await page.locator('#stage').textContent()).toBe('samtycke lämnat');
    expect(await page.locator('#stage').getAttribute('data-stage')).toBe('consented');
    const referredSv = (await page.locator('dl.facts dd').nth(4).textContent())!;
    expect(referredSv).toMatch(/^\d{1,2} [a-zåäö]+\.? \d{4}$/);
    expect(await page.getByRole('heading', { name: 'Frågeformulär vid baslinjen' }).count()).toBe(1);
    const baselineItems = await page.locator('#baseline li').allTextContents();
    expect(baselineItems.length).toBeGreaterThan(0);
    for (const item of baselineItems) {
      const formName = item.split(':')[0];
      expect(['eq5d5l', 'eq5d3l', 'gse', 'baseline', 'service_use'].map((f) => getForm(f)?.labels.sv)).toContain(formName);
      expect(item).toMatch(/: inte påbörjat$/);
    }
    expect(await page.getByRole('heading', { name: 'Randomisering', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Randomisera …' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Uppföljningar', exact: true }).count()).toBe(1);
    expect(await page.getByText('Uppföljningsschemat börjar vid randomiseringen.').count()).toBe(1);
    expect(await englishLeftovers(page, 'sv')).toEqual([]);
    await screenshot(page, 'staff-participant-sv');

    // the choice survives a reload
    await page.reload();
    await page.getByRole('heading', { name: `Deltagare ${participant.studyId}`, exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.locator('#staff-language').inputValue()).toBe('sv');

    // Dansk: the participant page, then the dashboard
    await chooseLanguage(page, 'Dansk');
    await page.getByRole('heading', { name: `Deltager ${participant.studyId}`, exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.locator('dl.facts dt').allTextContents()).toEqual(['Forsøgs-id', 'Enhed', 'Trin', 'Gruppe', 'Henvist', 'IPS-konsulent']);
    expect(await page.locator('#stage').textContent()).toBe('samtykke givet');
    expect(await page.locator('dl.facts dd').nth(4).textContent()).toMatch(/^\d{1,2}\. [a-zæøå]+\.? \d{4}$/);
    expect(await page.getByRole('heading', { name: 'Spørgeskema ved baseline' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Opfølgninger', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Randomisér …' }).count()).toBe(1);
    expect(await englishLeftovers(page, 'da')).toEqual([]);
    await screenshot(page, 'staff-participant-da');

    await page.getByRole('link', { name: 'Overblik' }).click();
    await page.getByRole('heading', { name: 'Overblik', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Deltagere pr. IPS-konsulent' }).count()).toBe(1);
    expect(await page.locator('#caseload th[scope="col"]').allTextContents()).toEqual(['IPS-konsulent', 'Aktive deltagere', 'Bemærkning']);
    expect(await englishLeftovers(page, 'da')).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: 'Overblik', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.evaluate(() => localStorage.getItem('ips-trial.staff-language'))).toBe('da');
    await screenshot(page, 'staff-dashboard-da');

    // and back to English
    await chooseLanguage(page, 'English');
    await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  }, 300_000);

  it('shows every staff page without English leftovers in Svenska and in Dansk (and no serious axe finding)', async () => {
    // bypassCSP only lets the test inject axe-core
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', bypassCSP: true });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByLabel('E-post', { exact: true }).fill('manager@demo.ips-trial.invalid');
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Översikt', exact: true }).waitFor();
    const headings: Record<'sv' | 'da', string[]> = {
      sv: ['Deltagare', 'Bedömning och inskrivning', 'Tidsredovisning', 'SUS-registrering', 'Bedömningar av programtrohet', 'CONSORT-flöde', 'Formulärtexter', 'Rapporter och export', 'Dataförfrågningar'],
      da: ['Deltagere', 'Vurdering og inklusion', 'Tidsregistrering', 'Opfølgningsregistrering', 'Fidelitetsvurderinger', 'CONSORT-flow', 'Spørgeskematekster', 'Rapporter og eksport', 'Dataforespørgsler'],
    };
    const hashes = ['#/participants', '#/enrol', '#/time-logs', '#/sus', '#/fidelity', '#/consort', '#/instrument-wording', '#/reports', '#/data-queries'];
    const problems: string[] = [];
    for (const lang of ['sv', 'da'] as const) {
      if (lang === 'da') await chooseLanguage(page, 'Dansk');
      for (const [i, hash] of hashes.entries()) {
        await page.goto(`${stack.url}/${hash}`);
        await page.getByRole('heading', { name: headings[lang][i], exact: true }).waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        problems.push(...(await englishLeftovers(page, lang)).map((text) => `${lang} ${hash}: ${text}`));
        if (lang === 'sv') problems.push(...(await seriousViolations(page, `${lang} ${hash}`)));
        await screenshot(page, `staff-${lang}-${hash.replace(/[#/]/g, '')}`);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('shows the admin pages (staff, sites, study settings, unit costs, two-step verification) without English leftovers in Svenska and in Dansk (and no serious axe finding)', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', bypassCSP: true });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${stack.url}/`);
    await page.getByLabel('E-post', { exact: true }).fill('admin@demo.ips-trial.invalid');
    await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Översikt', exact: true }).waitFor();
    const headings: Record<'sv' | 'da', string[]> = {
      sv: ['Personal', 'Enheter', 'Studieinställningar', 'Enhetskostnader', 'Tvåstegsverifiering'],
      da: ['Personale', 'Enheder', 'Forsøgsindstillinger', 'Enhedsomkostninger', 'Totrinsbekræftelse'],
    };
    const hashes = ['#/users', '#/sites', '#/settings', '#/unit-costs', '#/two-step'];
    const problems: string[] = [];
    for (const lang of ['sv', 'da'] as const) {
      if (lang === 'da') await chooseLanguage(page, 'Dansk');
      for (const [i, hash] of hashes.entries()) {
        await page.goto(`${stack.url}/${hash}`);
        await page.getByRole('heading', { name: headings[lang][i], exact: true }).waitFor();
        problems.push(...(await englishLeftovers(page, lang)).map((text) => `${lang} ${hash}: ${text}`));
        problems.push(...(await seriousViolations(page, `${lang} ${hash}`)));
        await screenshot(page, `staff-${lang}-${hash.replace(/[#/]/g, '')}`);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('starts in the browser language when nothing is chosen yet: sv-SE → Svenska, da-DK → Dansk', async () => {
    for (const [locale, lang, title, email] of [['sv-SE', 'sv', 'IPS-studien – inloggning för personal', 'E-post'], ['da-DK', 'da', 'IPS-forsøget – log ind for personale', 'E-mail']] as const) {
      const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      await page.goto(`${stack.url}/`);
      await page.getByRole('heading', { name: title }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      // the login form's labels are the data dictionary's (form "login")
      await page.getByLabel(email, { exact: true }).fill('coach@demo.ips-trial.invalid');
      await page.getByLabel(getForm('login')!.fields.find((f) => f.name === 'password')!.labels[lang], { exact: true }).fill(DEMO_PASSWORD);
      expect(await englishLeftovers(page, lang)).toEqual([]);
      await page.getByRole('button', { name: lang === 'sv' ? 'Logga in' : 'Log ind' }).click();
      await page.getByRole('heading', { name: lang === 'sv' ? 'Översikt' : 'Overblik', exact: true }).waitFor();
      expect(await page.locator('header .who').textContent()).toMatch(lang === 'sv' ? /\(arbetsspecialist\)/ : /\(IPS-konsulent\)/);
      await context.close();
    }
  }, 300_000);
});
