/**
 * Swedish personnummer and samordningsnummer.
 *
 * Accepted forms: YYMMDD-NNNC, YYMMDD+NNNC (the "+" marks age 100 or more),
 * YYMMDDNNNC, YYYYMMDDNNNC and YYYYMMDD-NNNC. The date part must be a real
 * date (for a samordningsnummer the day has 60 added: 61–91) and not in the
 * future; the last digit is the Luhn check digit over the ten digits
 * YYMMDDNNNC. The normalised form is always twelve digits YYYYMMDDNNNC, so
 * the same person written two ways is the same number for the duplicate
 * check. A ten-digit number's century is the latest one that puts the birth
 * date on or before `today` (one century earlier with "+").
 */
import { luhnValid } from './luhn';
import { daysInMonth } from '../schedule/calendar';

export type IdentifierCheck =
  | { ok: true; normalised: string; birthDate: string; coordinationNumber: boolean; warnings: string[] }
  | { ok: false; message: string };

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

export function checkPersonnummer(input: string, today: string): IdentifierCheck {
  const text = input.trim().replace(/\s/g, '');
  const match = PATTERN.exec(text);
  if (!match) return { ok: false, message: 'personnummer must have 10 or 12 digits (YYMMDD-NNNN or YYYYMMDDNNNN)' };
  const [, centuryText, yy, mm, ddText, separator, serial, check] = match;
  if (centuryText !== undefined && separator === '+') return { ok: false, message: 'personnummer with a four-digit year cannot use "+"' };
  const month = Number(mm);
  let day = Number(ddText);
  const coordinationNumber = day > 60;
  if (coordinationNumber) day -= 60;
  const todayYear = Number(today.slice(0, 4));
  let year: number;
  if (centuryText !== undefined) {
    year = Number(centuryText + yy);
  } else {
    year = Math.floor(todayYear / 100) * 100 + Number(yy);
    const candidate = `${year}-${mm}-${String(day).padStart(2, '0')}`;
    if (candidate > today) year -= 100;
    if (separator === '+') year -= 100;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `personnummer date part ${yy}${mm}${ddText} is not a valid date${coordinationNumber ? ' (samordningsnummer: day minus 60)' : ''}` };
  }
  const birthDate = `${year}-${mm}-${String(day).padStart(2, '0')}`;
  if (birthDate > today) return { ok: false, message: 'personnummer date part is in the future' };
  if (!luhnValid(`${yy}${mm}${ddText}${serial}${check}`)) return { ok: false, message: 'personnummer check digit is wrong (Luhn)' };
  return { ok: true, normalised: `${year}${mm}${ddText}${serial}${check}`, birthDate, coordinationNumber, warnings: [] };
}
