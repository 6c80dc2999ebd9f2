/**
 * Donor selection of predictive mean matching, as mice's `matchindex`: the
 * observed rows are sorted by their predicted value, ties in random order;
 * for each missing row, the h-th closest observed prediction is taken, h
 * drawn uniformly from 1 … d.
 */
import type { PmmWorkspace } from './pmm-workspace';
import { uniformIndex, type Uniform } from './random-draws';

/**
 * Chooses a donor for each missing row and writes the donor's observed value
 * into `y` at that row.
 * @param yhatMis predicted values of the missing rows (same order as `missing`)
 * @param donors d, the number of closest candidates (5 in mice)
 */
export function matchDonors(
  ws: PmmWorkspace,
  y: Float64Array,
  observed: Int32Array,
  missing: Int32Array,
  yhatMis: Float64Array,
  donors: number,
  rng: Uniform,
): void {
  const nObs = observed.length;
  sortPredictions(ws, nObs);
  shuffleTies(ws.sortKeys, ws.order, nObs, rng);
  pickDonors(ws, nObs, y, observed, missing, yhatMis, Math.max(1, Math.min(donors, nObs)), rng);
}

/**
 * For each missing row, the h-th nearest of the sorted observed predictions
 * (h uniform in 1 … d); its value is copied. The nearest position is found
 * through the buckets of the sort: a target's bucket holds, by construction,
 * every key equal to it, and every key before the bucket is smaller — so a
 * search of that bucket alone (about one key) replaces a binary search of all.
 */
function pickDonors(
  ws: PmmWorkspace,
  nObs: number,
  y: Float64Array,
  observed: Int32Array,
  missing: Int32Array,
  yhatMis: Float64Array,
  d: number,
  rng: Uniform,
): void {
  const { sortKeys, order, bucketStarts: ends, bucketMin: min, bucketScale: scale } = ws;
  for (let m = 0; m < missing.length; m++) {
    const target = yhatMis[m];
    let hi: number;
    if (scale === 0) hi = lowerBound(sortKeys, 0, nObs, target);
    else if (!(target >= min)) hi = 0; // below every key (or NaN, as the binary search)
    else {
      const b = Math.floor((target - min) * scale);
      hi = b >= nObs ? nObs : lowerBound(sortKeys, b === 0 ? 0 : ends[b - 1], ends[b], target);
    }
    let lo = hi - 1;
    const steps = 1 + uniformIndex(rng, d);
    let chosen = 0;
    for (let s = 0; s < steps; s++) {
      const takeLow = hi >= nObs || (lo >= 0 && target - sortKeys[lo] <= sortKeys[hi] - target);
      if (takeLow) chosen = lo--;
      else chosen = hi++;
    }
    y[missing[m]] = y[observed[order[chosen]]];
  }
}

/**
 * Sorts the predictions of the observed rows (ws.yhatObs[0 … n − 1]) into
 * ws.sortKeys, with their positions in ws.order: the keys are spread over n
 * equal-width buckets between their minimum and maximum (a counting pass and
 * one scatter), then sorted within buckets — by one insertion pass over the
 * whole array when every bucket is small (an element only moves inside its
 * bucket), else bucket by bucket with a quicksort. O(n) for smooth
 * distributions; a crowded bucket costs O(k log k). Leaves the buckets for
 * pickDonors: ws.bucketStarts[b] = end of bucket b, ws.bucketMin and
 * ws.bucketScale (0 when the keys are all equal: no buckets).
 */
function sortPredictions(ws: PmmWorkspace, n: number): void {
  const { yhatObs: keys, sortKeys, order, bucketStarts: starts } = ws;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    if (key < min) min = key;
    if (key > max) max = key;
  }
  const scale = (n - 1) / (max - min);
  ws.bucketMin = min;
  ws.bucketScale = max > min && Number.isFinite(scale) ? scale : 0;
  if (ws.bucketScale === 0) {
    for (let i = 0; i < n; i++) {
      sortKeys[i] = keys[i];
      order[i] = i;
    }
    if (n > 1) sortPairs(sortKeys, order, 0, n - 1);
    return;
  }
  starts.fill(0, 0, n + 1);
  for (let i = 0; i < n; i++) starts[Math.floor((keys[i] - min) * scale) + 1]++;
  let largest = 0;
  for (let b = 1; b <= n; b++) {
    if (starts[b] > largest) largest = starts[b];
    starts[b] += starts[b - 1];
  }
  // stable scatter into buckets (starts[b] is advanced to the end of bucket b)
  for (let i = 0; i < n; i++) {
    const at = starts[Math.floor((keys[i] - min) * scale)]++;
    sortKeys[at] = keys[i];
    order[at] = i;
  }
  if (largest <= SMALL_BUCKET) {
    insertionSort(sortKeys, order, 0, n - 1);
    return;
  }
  let from = 0;
  for (let b = 0; b < n; b++) {
    const to = starts[b]; // end (exclusive) of bucket b
    if (to - from > 1) sortPairs(sortKeys, order, from, to - 1);
    from = to;
  }
}

/** Buckets up to this size are sorted by the one insertion pass over the whole array. */
const SMALL_BUCKET = 16;

/**
 * Puts each run of equal keys in random order (Fisher–Yates on their
 * positions): with the sort above this is the same as mice's shuffling of
 * all observed rows before sorting — only the order among ties depends on it.
 */
function shuffleTies(keys: Float64Array, order: Int32Array, n: number, rng: Uniform): void {
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && keys[i] === keys[start]) continue;
    for (let last = i - 1; last > start; last--) {
      const j = start + uniformIndex(rng, last - start + 1);
      const t = order[last];
      order[last] = order[j];
      order[j] = t;
    }
    start = i;
  }
}

/** The first position in keys[from … to − 1] (sorted) whose key is not below `value` (`to` when none). */
function lowerBound(keys: Float64Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In-place quicksort of `keys` carrying `index` along (no callbacks, no allocation). */
function sortPairs(keys: Float64Array, index: Int32Array, left: number, right: number): void {
  while (right - left > 16) {
    const mid = (left + right) >>> 1;
    const pivot = median3(keys[left], keys[mid], keys[right]);
    let i = left;
    let j = right;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        swap(keys, index, i, j);
        i++;
        j--;
      }
    }
    if (j - left < right - i) {
      sortPairs(keys, index, left, j);
      left = i;
    } else {
      sortPairs(keys, index, i, right);
      right = j;
    }
  }
  insertionSort(keys, index, left, right);
}

/** Insertion sort of keys[left … right] carrying `index`: fast on short or nearly sorted ranges. */
function insertionSort(keys: Float64Array, index: Int32Array, left: number, right: number): void {
  for (let i = left + 1; i <= right; i++) {
    const key = keys[i];
    if (keys[i - 1] <= key) continue;
    const idx = index[i];
    let j = i - 1;
    while (j >= left && keys[j] > key) {
      keys[j + 1] = keys[j];
      index[j + 1] = index[j];
      j--;
    }
    keys[j + 1] = key;
    index[j + 1] = idx;
  }
}

function median3(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

function swap(keys: Float64Array, index: Int32Array, i: number, j: number): void {
  const k = keys[i];
  keys[i] = keys[j];
  keys[j] = k;
  const t = index[i];
  index[i] = index[j];
  index[j] = t;
}
