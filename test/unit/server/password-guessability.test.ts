import { describe, expect, it } from 'vitest';
import { Problem } from '../../../server/errors';
import { checkPasswordStrength } from '../../../server/services/passwords';

function refusal(password: string, email?: string): string | null {
  try {
    checkPasswordStrength(password, 'new_password', email);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(Problem);
    expect((err as Problem).fields?.[0].field).toBe('new_password');
    return (err as Problem).fields![0].message;
  }
}

describe('server/services/password-guessability', () => {
  it('refuses common passwords and simple patterns, saying why', () => {
    for (const weak of ['password12', 'qwertyuiop', '1234567890', 'iloveyou123', 'Password2024!']) {
      expect(refusal(weak), weak).toMatch(/^new_password is too easy to guess/);
    }
  });

  it('refuses whitespace-only and low-variety passwords', () => {
    expect(refusal(' '.repeat(10))).toBe('new_password is only spaces');
    expect(refusal('abababababab')).toMatch(/fewer than 5 different characters/);
  });

  it('accepts a long phrase of unrelated words', () => {
    expect(refusal('lingon-traktor-moln-7')).toBeNull();
    expect(refusal('correct horse battery staple')).toBeNull();
  });
});
