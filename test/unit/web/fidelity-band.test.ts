import { describe, expect, it } from 'vitest';
import { scoreFidelity } from '../../../instruments/fidelity/score';
import { fidelityBandLabel } from '../../../web/staff/fidelity-band';

describe('web/staff/fidelity-band', () => {
  it('names every band the fidelity scoring can return in plain words', () => {
    // item totals 25 (all 1), 74, 100 and 115 fall in each band once
    const bands = [1, 74 / 25, 4, 115 / 25].map((mean) => {
      const total = Math.round(mean * 25);
      const items = Array.from({ length: 25 }, (_, i) => (i < total - 25 * Math.floor(total / 25) ? Math.floor(total / 25) + 1 : Math.floor(total / 25)));
      return scoreFidelity(items).band;
    });
    expect(new Set(bands).size).toBe(4);
    for (const band of bands) {
      const label = fidelityBandLabel(band);
      expect(label).not.toBe(band);
      expect(label).not.toMatch(/_/);
    }
    expect(fidelityBandLabel('not_ips')).toBe('not IPS');
  });
});
