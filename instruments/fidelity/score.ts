/**
 * IPS-25 fidelity scale scoring: 25 items each 1–5 in three areas (staffing
 * 1–3, organisation 4–11, services 12–25), total 25–125 and its band
 * (115–125 exemplary, 100–114 good, 74–99 fair, ≤ 73 not supported
 * employment). A review is scored only when complete: a missing or
 * out-of-range item is an error. Sources: instruments/fidelity/README.md.
 */
import scale from './v1.json';

export type FidelityBand = 'exemplary' | 'good' | 'fair' | 'not_ips';
export type FidelityArea = 'staffing' | 'organisation' | 'services';

/** Item scores in order (fid_01 … fid_25) or keyed by field name. */
export type FidelityAnswers = readonly (number | null | undefined)[] | Readonly<Record<string, number | null | undefined>>;

export interface FidelityScore {
  /** 25–125 */
  total: number;
  band: FidelityBand;
  /** English label of the band, e.g. "Good fidelity" */
  bandLabel: string;
  /** subtotals: staffing 3–15, organisation 8–40, services 14–70 */
  areas: Record<FidelityArea, number>;
}

/** Thrown for a missing or out-of-range item, naming every item at fault. */
export class FidelityError extends Error {
  override readonly name = 'FidelityError';
}

function itemValues(items: FidelityAnswers): unknown[] {
  if (Array.isArray(items)) {
    if (items.length !== scale.items.length) throw new FidelityError(`scoreFidelity requires ${scale.items.length} items, got ${items.length}`);
    return [...items];
  }
  const record = items as Readonly<Record<string, unknown>>;
  const unknown = Object.keys(record).filter((key) => !scale.items.includes(key));
  if (unknown.length > 0) throw new FidelityError(`scoreFidelity got unknown item ${unknown.join(', ')} (expected fid_01 … fid_25)`);
  return scale.items.map((name) => record[name]);
}

/** Band of a total score (25–125). */
export function fidelityBand(total: number): (typeof scale.bands)[number] {
  const band = scale.bands.find((b) => total >= b.min && total <= b.max);
  if (!band) throw new FidelityError(`fidelity total ${total} is outside ${scale.totalRange.min}–${scale.totalRange.max}`);
  return band;
}

/**
 * IPS Supported Employment Fidelity Scale total, area subtotals and band.
 *
 * @throws {FidelityError} when any item is missing or not a whole number 1–5
 * @example scoreFidelity(Array(25).fill(4)) // { total: 100, band: 'good', areas: { staffing: 12, organisation: 32, services: 56 } }
 */
export function scoreFidelity(items: FidelityAnswers): FidelityScore {
  const values = itemValues(items);
  const problems: string[] = [];
  values.forEach((value, i) => {
    const name = scale.items[i];
    if (value === null || value === undefined) problems.push(`${name} is missing`);
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < scale.itemRange.min || value > scale.itemRange.max) {
      problems.push(`${name} is ${typeof value === 'number' ? String(value) : JSON.stringify(value)}, expected a whole number from 1 to 5`);
    }
  });
  if (problems.length > 0) throw new FidelityError(`fidelity review cannot be scored: ${problems.join('; ')}`);
  const scores = values as number[];
  const areas = {} as Record<FidelityArea, number>;
  for (const area of scale.areas) {
    areas[area.id as FidelityArea] = scores.slice(area.firstItem - 1, area.lastItem).reduce((a, b) => a + b, 0);
  }
  const total = scores.reduce((a, b) => a + b, 0);
  const band = fidelityBand(total);
  return { total, band: band.id as FidelityBand, bandLabel: band.label, areas };
}
