import { describe, expect, it } from 'vitest';
import { FidelityError, fidelityBand, scoreFidelity } from '../../../../instruments/fidelity';

// Structure and bands: ../shared/reference/ips_fidelity_scale.md (IPS-25; staffing items 1–3,
// organisation 4–11, services 12–25; 115–125 exemplary, 100–114 good, 74–99 fair, ≤ 73 not SE).
const all = (n: number) => Array<number>(25).fill(n);

describe('instruments/fidelity', () => {
  it('totals 25 items and the three area subtotals', () => {
    const items = Array.from({ length: 25 }, (_, i) => (i % 5) + 1); // 1,2,3,4,5,1,2,…
    const result = scoreFidelity(items);
    expect(result.areas).toEqual({ staffing: 1 + 2 + 3, organisation: 4 + 5 + 1 + 2 + 3 + 4 + 5 + 1, services: 2 + 3 + 4 + 5 + 1 + 2 + 3 + 4 + 5 + 1 + 2 + 3 + 4 + 5 });
    expect(result.total).toBe(75);
    expect(result.areas.staffing + result.areas.organisation + result.areas.services).toBe(result.total);
    expect(result.band).toBe('fair');
  });

  it('spans 25–125', () => {
    expect(scoreFidelity(all(1))).toMatchObject({ total: 25, band: 'not_ips', areas: { staffing: 3, organisation: 8, services: 14 } });
    expect(scoreFidelity(all(5))).toMatchObject({ total: 125, band: 'exemplary', bandLabel: 'Exemplary fidelity', areas: { staffing: 15, organisation: 40, services: 70 } });
  });

  it.each([
    [73, 'not_ips'], [74, 'fair'], [99, 'fair'], [100, 'good'], [114, 'good'], [115, 'exemplary'], [125, 'exemplary'],
  ])('puts the total %i in the band %s', (total, band) => {
    // build 25 items with the wanted total: start from all 1s and raise items one by one
    const items = all(1);
    let rest = total - 25;
    for (let i = 0; rest > 0; i++) {
      const add = Math.min(4, rest);
      items[i] += add;
      rest -= add;
    }
    expect(scoreFidelity(items)).toMatchObject({ total, band });
    expect(fidelityBand(total).id).toBe(band);
  });

  it('accepts the items keyed by field name', () => {
    const record = Object.fromEntries(all(4).map((v, i) => [`fid_${String(i + 1).padStart(2, '0')}`, v]));
    expect(scoreFidelity(record)).toMatchObject({ total: 100, band: 'good', areas: { staffing: 12, organisation: 32, services: 56 } });
  });

  it('rejects missing and out-of-range items, naming each', () => {
    const items: (number | null)[] = all(3);
    items[2] = null;
    items[11] = 6;
    items[24] = 0;
    expect(() => scoreFidelity(items)).toThrow(FidelityError);
    expect(() => scoreFidelity(items)).toThrow('fidelity review cannot be scored: fid_03 is missing; fid_12 is 6, expected a whole number from 1 to 5; fid_25 is 0');
    expect(() => scoreFidelity({ fid_01: 3 })).toThrow('fid_02 is missing');
    expect(() => scoreFidelity(all(3).slice(1))).toThrow('requires 25 items, got 24');
    expect(() => scoreFidelity({ ...Object.fromEntries(all(3).map((v, i) => [`fid_${String(i + 1).padStart(2, '0')}`, v])), fid_26: 3 })).toThrow('unknown item fid_26');
    expect(() => fidelityBand(24)).toThrow('outside 25–125');
  });
});
