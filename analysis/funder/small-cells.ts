/**
 * Small-cell suppression of a frequency table: a count from 1 to minCell − 1
 * is withheld (null); when exactly one cell was withheld, the smallest other
 * non-zero cell is withheld too, so the withheld one cannot be recovered
 * from the total (secondary suppression). Zeros are shown.
 */
import type { Cell } from './types';

/**
 * @param cells categories with their counts
 * @param minCell smallest count shown (default 5)
 * @example suppressSmallCells([{category:'a',label:'A',count:3},{category:'b',label:'B',count:9},{category:'c',label:'C',count:12}], 5) // a and b withheld
 */
export function suppressSmallCells(cells: readonly Cell[], minCell = 5): Cell[] {
  const out = cells.map((c) => ({ ...c, count: c.count !== null && c.count > 0 && c.count < minCell ? null : c.count }));
  if (out.filter((c) => c.count === null).length === 1) {
    const next = out.filter((c) => c.count !== null && c.count > 0).sort((a, b) => (a.count as number) - (b.count as number))[0];
    if (next) next.count = null;
  }
  return out;
}
