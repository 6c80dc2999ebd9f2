/**
 * Danish CPR number: DDMMYY-SSSS (or ten digits without the dash).
 *
 * The date must be real; the century comes from the seventh digit and the
 * year (CPR-kontoret's table): 0–3 → 1900s; 4 and 9 → 2000s if YY ≤ 36,
 * else 1900s; 5–8 → 2000s if YY ≤ 57, else 1800s. The last digit is even for
 * women and odd for men.
 *
 * The modulus-11 check (weights 4 3 2 7 6 5 4 3 2 1) is NOT enforced: since
 * 1 October 2007 CPR numbers are issued without it because some birth dates
 * ran out of valid numbers, so a failing check does not mean a wrong number.
 * A failing modulus-11 check is returned as a warning only.
 */
import type { IdentifierCheck } from './personnummer';
import { daysInMonth } from '../schedule/calendar';

const PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})$/;
const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

export function cprCentury(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

export function cprModulus11Valid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(tenDigits[i]) * WEIGHTS[i];
  return sum % 11 === 0;
}

export function checkCpr(input: string, today: string): IdentifierCheck {
  const text = input.trim().replace(/\s/g, '');
  const match = PATTERN.exec(text);
  if (!match) return { ok: false, message: 'CPR number must be 10 digits (DDMMYY-SSSS)' };
  const [, dd, mm, yy, seventh, rest] = match;
  const year = cprCentury(Number(seventh), Number(yy)) + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `CPR date part ${dd}${mm}${yy} is not a valid date` };
  }
  const birthDate = `${year}-${mm}-${dd}`;
  if (birthDate > today) return { ok: false, message: 'CPR date part is in the future' };
  const digits = `${dd}${mm}${yy}${seventh}${rest}`;
  const warnings = cprModulus11Valid(digits) ? [] : ['CPR number does not pass the modulus-11 check (allowed: not required for numbers issued since 2007)'];
  return { ok: true, normalised: digits, birthDate, coordinationNumber: false, warnings };
}

/** Sex from a CPR or personnummer serial: the last serial digit is odd for men, even for women. */
export function sexFromSerialDigit(digit: number): 'male' | 'female' {
  return digit % 2 === 1 ? 'male' : 'female';
}
