/**
 * server/identity/totp against RFC 6238 Appendix B (every row of its table,
 * SHA-1/SHA-256/SHA-512, 8 digits, 30-second steps, with the seeds the RFC's
 * reference code uses), RFC 4226 Appendix D (HOTP, 6 digits) and RFC 4648
 * §10 (Base32).
 */
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchingStep, otpauthUri, totpAt, type TotpAlgorithm } from '../../../server/identity/totp';

const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890', 'ascii'),
  sha256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
};

// RFC 6238 Appendix B: time (s), then the TOTP for SHA-1, SHA-256, SHA-512
const APPENDIX_B: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('server/identity/totp', () => {
  it.each(APPENDIX_B)('gives the RFC 6238 Appendix B codes at T = %i s', (seconds, sha1, sha256, sha512) => {
    expect(totpAt(SEEDS.sha1, seconds * 1000, { digits: 8, algorithm: 'sha1' })).toBe(sha1);
    expect(totpAt(SEEDS.sha256, seconds * 1000, { digits: 8, algorithm: 'sha256' })).toBe(sha256);
    expect(totpAt(SEEDS.sha512, seconds * 1000, { digits: 8, algorithm: 'sha512' })).toBe(sha512);
  });

  it('gives the RFC 4226 Appendix D HOTP values for counters 0 to 9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(SEEDS.sha1, counter))).toEqual(expected);
  });

  it('finds the step of a code within one step either side, and nothing further away or malformed', () => {
    const now = 1111111111 * 1000; // step 37037037
    const previous = totpAt(SEEDS.sha1, now - 30_000);
    expect(matchingStep(SEEDS.sha1, previous, now)).toBe(37037036);
    expect(matchingStep(SEEDS.sha1, totpAt(SEEDS.sha1, now), now)).toBe(37037037);
    expect(matchingStep(SEEDS.sha1, totpAt(SEEDS.sha1, now - 90_000), now)).toBeNull();
    expect(matchingStep(SEEDS.sha1, '12345', now)).toBeNull();
    expect(matchingStep(SEEDS.sha1, '12345a', now)).toBeNull();
  });

  it('encodes and decodes Base32 as RFC 4648 §10 does (without padding)', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZ1')).toThrow(/Base32/);
  });

  it('writes the otpauth key URI with the Base32 secret, issuer and account', () => {
    const uri = new URL(otpauthUri(SEEDS.sha1, 'coach@example.invalid', 'IPS trial'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/IPS trial:coach@example.invalid');
    expect(uri.searchParams.get('secret')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(uri.searchParams.get('issuer')).toBe('IPS trial');
  });
});
