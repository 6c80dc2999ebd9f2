/**
 * Luhn (mod 10) check used by the Swedish personnummer: digits are weighted
 * 2, 1, 2, 1 … from the left over the ten digits YYMMDDNNNC; products above 9
 * have their digits summed; the total must be divisible by 10.
 */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  const parity = digits.length % 2;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[i]);
    if (i % 2 === parity) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The check digit that makes `digitsWithoutCheck` + digit Luhn-valid. */
export function luhnCheckDigit(digitsWithoutCheck: string): number {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(`${digitsWithoutCheck}${digit}`)) return digit;
  throw new Error('unreachable');
}
