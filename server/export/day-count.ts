/** Whole days from the randomization date (day 0) to a date or an ISO timestamp (UTC date part). */
const MS_PER_DAY = 86_400_000;

function utcDay(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) throw new Error(`"${date}" is not a date (YYYY-MM-DD)`);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function dayFrom(randomizedOn: string, date: string): number {
  return utcDay(date) - utcDay(randomizedOn);
}
