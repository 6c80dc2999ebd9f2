/** The CONSORT diagram's line wrapping: longer Swedish/Danish reasons stay inside their box. */
import { describe, expect, it } from 'vitest';
import { wrapLine } from '../../../web/staff/consort-svg';

describe('web/staff/consort-svg wrapLine', () => {
  it('splits at spaces so every piece fits the box, and loses no word', () => {
    const line = '• Varken sjukskriven eller med offentlig försörjning: 12';
    const pieces = wrapLine(line, 330);
    const max = Math.floor((330 - 20) / 7.8);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
    expect(pieces.join(' ')).toBe(line);
  });

  it('keeps a short line whole and a single over-long word on its own line', () => {
    expect(wrapLine('Exkluderade (n = 8)', 330)).toEqual(['Exkluderade (n = 8)']);
    expect(wrapLine('a Arbetsmarknadsutbildningsinsatserna b', 120)).toEqual(['a', 'Arbetsmarknadsutbildningsinsatserna', 'b']);
  });
});
