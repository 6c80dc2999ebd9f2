import { describe, expect, it } from 'vitest';
import { checkPersonnummer } from '../../../server/identity/personnummer';
import { checkCpr, cprModulus11Valid } from '../../../server/identity/cpr';
import { luhnCheckDigit, luhnValid } from '../../../server/identity/luhn';
import { blindIndex, decryptIdentifier, deriveIdentifierKeys, encryptIdentifier } from '../../../server/identity/identifier-cipher';

const today = '2026-11-23';

describe('server/identity/personnummer', () => {
  it('accepts the ten- and twelve-digit forms of the same number and normalises them alike', () => {
    const forms = ['811218-9876', '8112189876', '198112189876', '19811218-9876'];
    for (const form of forms) {
      const check = checkPersonnummer(form, today);
      expect(check).toMatchObject({ ok: true, normalised: '198112189876', birthDate: '1981-12-18' });
    }
  });

  it('rejects a wrong check digit, a bad date and a wrong length with the reason', () => {
    expect(checkPersonnummer('811218-9875', today)).toEqual({ ok: false, message: expect.stringMatching(/check digit/) });
    expect(checkPersonnummer('810230-1234', today)).toEqual({ ok: false, message: expect.stringMatching(/not a valid date/) });
    expect(checkPersonnummer('8112189', today)).toEqual({ ok: false, message: expect.stringMatching(/10 or 12 digits/) });
    expect(checkPersonnummer('20301212-1212', today)).toEqual({ ok: false, message: expect.stringMatching(/future/) });
  });

  it('accepts a samordningsnummer (day + 60)', () => {
    expect(checkPersonnummer('701063-2391', today)).toMatchObject({ ok: true, coordinationNumber: true, birthDate: '1970-10-03' });
  });

  it('puts "+" numbers a century back and validates leap days by century', () => {
    expect(checkPersonnummer('121212+1212', today)).toMatchObject({ ok: true, normalised: '191212121212' });
    expect(checkPersonnummer('121212-1212', today)).toMatchObject({ ok: true, normalised: '201212121212' });
    expect(checkPersonnummer('19000229-0000', today)).toMatchObject({ ok: false, message: expect.stringMatching(/not a valid date/) });
  });
});

describe('server/identity/cpr', () => {
  it('accepts a valid date with or without the modulus-11 check, warning when it fails', () => {
    expect(checkCpr('150180-1239', today)).toMatchObject({ ok: true, normalised: '1501801239', birthDate: '1980-01-15', warnings: [] });
    const failing = checkCpr('1501801234', today);
    expect(failing).toMatchObject({ ok: true, birthDate: '1980-01-15' });
    expect(failing.ok && failing.warnings[0]).toMatch(/modulus-11/);
    expect(cprModulus11Valid('1501801239')).toBe(true);
  });

  it('reads the century from the seventh digit', () => {
    expect(checkCpr('010110-4001', today)).toMatchObject({ ok: true, birthDate: '2010-01-01' });
    expect(checkCpr('010150-4001', today)).toMatchObject({ ok: true, birthDate: '1950-01-01' });
    expect(checkCpr('010160-5001', today)).toMatchObject({ ok: true, birthDate: '1860-01-01' });
  });

  it('rejects an impossible date and a wrong format', () => {
    expect(checkCpr('300280-1234', today)).toMatchObject({ ok: false, message: expect.stringMatching(/not a valid date/) });
    expect(checkCpr('3002801', today)).toMatchObject({ ok: false, message: expect.stringMatching(/10 digits/) });
  });
});

describe('server/identity/identifier-cipher', () => {
  const keys = deriveIdentifierKeys(Buffer.alloc(32, 7));

  it('round-trips with a fresh nonce and never shows the plaintext', () => {
    const first = encryptIdentifier(keys, 'Demo Deltagare 01', 'participant:1');
    const second = encryptIdentifier(keys, 'Demo Deltagare 01', 'participant:1');
    expect(first).not.toBe(second);
    expect(first).not.toContain('Demo');
    expect(decryptIdentifier(keys, first, 'participant:1')).toBe('Demo Deltagare 01');
  });

  it('refuses a ciphertext moved to another participant or tampered with', () => {
    const stored = encryptIdentifier(keys, '198112189876', 'participant:1');
    expect(() => decryptIdentifier(keys, stored, 'participant:2')).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('x'.repeat(12)).toString('base64');
    expect(() => decryptIdentifier(keys, parts.join('.'), 'participant:1')).toThrow();
  });

  it('gives a stable blind index that depends on the key', () => {
    expect(blindIndex(keys, 'SE', '198112189876')).toBe(blindIndex(keys, 'SE', '198112189876'));
    expect(blindIndex(keys, 'SE', '198112189876')).not.toBe(blindIndex(deriveIdentifierKeys(Buffer.alloc(32, 8)), 'SE', '198112189876'));
    expect(blindIndex(keys, 'SE', '198112189876')).not.toContain('198112189876');
  });
});

describe('server/identity/luhn', () => {
  it('checks and computes the Luhn digit', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189875')).toBe(false);
    expect(luhnCheckDigit('811218987')).toBe(6);
  });
});
