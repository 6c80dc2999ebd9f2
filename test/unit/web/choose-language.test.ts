import { describe, expect, it } from 'vitest';
import { browserLanguage, chooseLanguage } from '../../../web/tablet/choose-language';

describe('web/tablet/choose-language', () => {
  it("keeps the participant's own choice over the site and the browser", () => {
    expect(chooseLanguage({ chosen: 'en', site: 'da', browser: ['sv-SE'] })).toBe('en');
  });

  it("opens in the site's language when the participant has not chosen", () => {
    expect(chooseLanguage({ site: 'da', browser: ['sv-SE', 'en'] })).toBe('da');
    expect(chooseLanguage({ chosen: null, site: 'en', browser: ['da'] })).toBe('en');
  });

  it('follows the browser when the site has no setting', () => {
    expect(chooseLanguage({ site: null, browser: ['da-DK', 'en-US'] })).toBe('da');
    expect(chooseLanguage({ browser: ['en-GB'] })).toBe('en');
  });

  it("takes the browser's first language the questionnaire has", () => {
    expect(browserLanguage(['de-DE', 'fr', 'en-US', 'sv'])).toBe('en');
    expect(browserLanguage(['SV_se'])).toBe('sv');
    expect(browserLanguage(['nb-NO', 'de'])).toBeUndefined();
  });

  it('falls back to Swedish when nothing else applies', () => {
    expect(chooseLanguage({ browser: ['de-DE'] })).toBe('sv');
    expect(chooseLanguage({})).toBe('sv');
  });

  it('ignores a site setting or saved choice it does not know', () => {
    expect(chooseLanguage({ chosen: 'fi' as never, site: 'no', browser: ['da'] })).toBe('da');
  });
});
