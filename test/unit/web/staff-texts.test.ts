/**
 * The staff workspace's text catalogue (web/staff/texts/): every English key
 * exists in Swedish and Danish with the same placeholders and the same plural
 * shape, nothing is left untranslated by accident, and the language choice
 * and message formatting behave as the pages rely on.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUES, formatMessage, placeholdersOf, type Catalogue, type Message } from '../../../web/staff/texts/index';
import { LOCALES, pickLanguage } from '../../../web/staff/i18n';

/** Differences of one catalogue from the English one: missing, extra, other placeholders or shape, empty. */
function differences(name: string, catalogue: Record<string, Message>, reference: Record<string, Message>): string[] {
  const problems: string[] = [];
  for (const [key, message] of Object.entries(reference)) {
    const other = catalogue[key];
    if (other === undefined) {
      problems.push(`${name}: missing key ${key}`);
      continue;
    }
    const shape = (m: Message) => (typeof m === 'string' ? 'a plain text' : 'plural');
    if (shape(other) !== shape(message)) problems.push(`${name}: ${key} is ${shape(message)} in English but ${shape(other)} here`);
    if (placeholdersOf(other).join(',') !== placeholdersOf(message).join(',')) {
      problems.push(`${name}: ${key} has placeholders {${placeholdersOf(other).join('}, {')}} where English has {${placeholdersOf(message).join('}, {')}}`);
    }
    const texts = typeof other === 'string' ? [other] : [other.one, other.other];
    if (texts.some((text) => typeof text !== 'string' || text.trim() === '')) problems.push(`${name}: ${key} is empty`);
  }
  for (const key of Object.keys(catalogue)) if (!(key in reference)) problems.push(`${name}: extra key ${key} (not in English)`);
  return problems;
}

/** Messages that are rightly the same in Swedish or Danish as in English (names, symbols, shared words). */
const SAME_AS_ENGLISH = new Set(['app.who', 'arm.ips', 'arm.ipsLong', 'consort.n', 'corrections.change', 'corrections.formAt', 'corrections.reviewName', 'fidelity.type', 'reports.progress', 'role.evaluator']);

describe('web/staff/texts: the staff catalogue', () => {
  it('has every English key in Swedish and Danish, with the same placeholders', () => {
    const { en, sv, da } = CATALOGUES;
    expect(Object.keys(en).length).toBeGreaterThan(150);
    expect([...differences('sv', sv, en), ...differences('da', da, en)]).toEqual([]);
  });

  it('notices a missing key, a changed placeholder and a plural turned into plain text', () => {
    const { en } = CATALOGUES;
    const broken: Record<string, Message> = { ...CATALOGUES.sv };
    delete broken['dashboard.title'];
    broken['participant.title'] = 'Deltagare {studyID}';
    broken['timeLogs.saved'] = '{count} poster sparade.';
    expect(differences('sv', broken, en)).toEqual([
      'sv: missing key dashboard.title',
      'sv: participant.title has placeholders {studyID} where English has {studyId}',
      'sv: timeLogs.saved is plural in English but a plain text here',
    ]);
  });

  it('leaves no Swedish or Danish message in English by mistake', () => {
    const { en } = CATALOGUES;
    for (const lang of ['sv', 'da'] as const) {
      const catalogue: Catalogue = CATALOGUES[lang];
      const same = Object.keys(en).filter((key) => JSON.stringify(catalogue[key as keyof Catalogue]) === JSON.stringify(en[key as keyof Catalogue]) && !SAME_AS_ENGLISH.has(key));
      expect(same, lang).toEqual([]);
    }
  });
});

describe('web/staff/texts: formatting', () => {
  it('fills placeholders, picks the plural form by count and writes numbers in the locale', () => {
    const saved = CATALOGUES.sv['timeLogs.saved'];
    expect(formatMessage(saved, { count: 1 }, LOCALES.sv)).toBe('1 post sparad.');
    expect(formatMessage(saved, { count: 3 }, LOCALES.sv)).toBe('3 poster sparade.');
    expect(formatMessage(CATALOGUES.da['participant.months'], { count: 6 }, LOCALES.da)).toBe('6 måneder');
    expect(formatMessage(CATALOGUES.en['participant.months'], { count: 1 }, LOCALES.en)).toBe('1 month');
    // thousands: a (narrow) no-break space in Swedish, a point in Danish, a comma in English
    expect(formatMessage(CATALOGUES.sv['consort.referredN'], { n: 1234 }, LOCALES.sv)).toMatch(/^Remitterade \(n = 1\s234\)$/u);
    expect(formatMessage(CATALOGUES.da['consort.referredN'], { n: 1234 }, LOCALES.da)).toBe('Henvist (n = 1.234)');
    expect(formatMessage(CATALOGUES.en['consort.referredN'], { n: 1234 }, LOCALES.en)).toBe('Referred (n = 1,234)');
    expect(formatMessage(CATALOGUES.en['participant.title'], { studyId: 'ORE-AFF-001' }, LOCALES.en)).toBe('Participant ORE-AFF-001');
  });
});

describe('web/staff/i18n: the language choice', () => {
  it('takes a remembered choice first, then the browser language (sv, da, else English)', () => {
    expect(pickLanguage('da', 'sv-SE')).toBe('da');
    expect(pickLanguage(null, 'sv-SE')).toBe('sv');
    expect(pickLanguage(null, 'sv')).toBe('sv');
    expect(pickLanguage(null, 'da-DK')).toBe('da');
    expect(pickLanguage(undefined, 'nb-NO')).toBe('en');
    expect(pickLanguage(null, 'en-US')).toBe('en');
    expect(pickLanguage('fr', 'de-DE')).toBe('en');
    expect(pickLanguage('xx', undefined)).toBe('en');
  });
});
