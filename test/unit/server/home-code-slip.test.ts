import { describe, expect, it } from 'vitest';
import { loadConfig, publicUrl } from '../../../server/config';
import { groupHomeCode, tabletAddress } from '../../../server/services/home-code-slip';

describe('server/services/home-code-slip', () => {
  it('groups a 10-character code 3-3-4 for reading aloud, other lengths by 4', () => {
    expect(groupHomeCode('K7QMXP2WRT')).toBe('K7Q MXP 2WRT');
    expect(groupHomeCode('ABCDEFGH')).toBe('ABCD EFGH');
  });

  it('builds the questionnaire address from the public address, else from a plausible request host', () => {
    expect(tabletAddress('https://ips.example.org/', { protocol: 'http', host: 'other:3000' })).toBe('https://ips.example.org/tablet.html');
    expect(tabletAddress('https://ips.example.org/trial/', { protocol: 'http', host: undefined })).toBe('https://ips.example.org/trial/tablet.html');
    expect(tabletAddress(null, { protocol: 'https', host: 'ips.region.se' })).toBe('https://ips.region.se/tablet.html');
    expect(tabletAddress(null, { protocol: 'http', host: '[::1]:3000' })).toBe('http://[::1]:3000/tablet.html');
    // nothing we would print on paper: no address rather than a wrong one
    for (const host of [undefined, '', 'evil.example/path', 'a b', 'x@y', 'host:99999999']) {
      expect(tabletAddress(null, { protocol: 'http', host }), String(host)).toBeNull();
    }
  });

  it('reads IPS_TRIAL_PUBLIC_URL once, with a final slash, and refuses anything else naming the variable', () => {
    expect(publicUrl(undefined)).toBeNull();
    expect(publicUrl('https://ips.example.org')).toBe('https://ips.example.org/');
    expect(publicUrl('https://ips.example.org/trial')).toBe('https://ips.example.org/trial/');
    expect(loadConfig({ IPS_TRIAL_PUBLIC_URL: 'https://ips.example.org/x/' }).publicUrl).toBe('https://ips.example.org/x/');
    expect(() => loadConfig({ IPS_TRIAL_PUBLIC_URL: 'ips.example.org' })).toThrow(/^IPS_TRIAL_PUBLIC_URL must be an absolute address/);
    expect(() => loadConfig({ IPS_TRIAL_PUBLIC_URL: 'ftp://ips.example.org/' })).toThrow(/^IPS_TRIAL_PUBLIC_URL must be an http or https address/);
    expect(() => loadConfig({ IPS_TRIAL_PUBLIC_URL: 'https://ips.example.org/?a=1' })).toThrow(/without query/);
  });
});
