/**
 * The trial's target group is of working age: a participant is 15–70 years
 * old in the year of the baseline questionnaire. One rule for the server's
 * plausibility check (server/services/date-plausibility.ts) and for the
 * tablet, which offers only birth years the server will accept.
 */
export const WORKING_AGE = { youngest: 15, oldest: 70 } as const;

/** The birth years of someone of working age in `year` (never before 1900). */
export function workingAgeBirthYears(year: number): { earliest: number; latest: number } {
  return { earliest: Math.max(1900, year - WORKING_AGE.oldest), latest: year - WORKING_AGE.youngest };
}
