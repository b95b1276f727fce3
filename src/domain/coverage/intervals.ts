/**
 * One-dimensional interval arithmetic on a parallel of latitude. The engine reduces every 2-D
 * question (circle ∪ circle ∩ district) to sorted, disjoint [start, end) runs of longitude per row;
 * no library does this on flat typed arrays, hence these few hand-written loops.
 */

/**
 * Merges intervals given as independently sorted starts and ends (a sweep over +1/−1 events: the
 * union does not need the pairing) and appends the disjoint runs to out at `outPos`.
 * Touching intervals merge. Returns the new end of out.
 */
export function mergeSortedEvents(
  starts: Float64Array,
  ends: Float64Array,
  from: number,
  to: number,
  outStart: Float64Array,
  outEnd: Float64Array,
  outPos: number,
): number {
  let i = from;
  let j = from;
  let active = 0;
  let pos = outPos;
  while (i < to) {
    if (starts[i]! <= ends[j]!) {
      if (active === 0) outStart[pos] = starts[i]!;
      active++;
      i++;
    } else {
      active--;
      if (active === 0) outEnd[pos++] = ends[j]!;
      j++;
    }
  }
  // Every start is consumed; the last open run closes at the largest end.
  if (active > 0) outEnd[pos++] = ends[to - 1]!;
  return pos;
}

/** Index of the first run in [from, to) whose end lies after x (runs sorted and disjoint). */
export function firstRunEndingAfter(ends: Float64Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Fills before[k] with the total length of runs from..k-1: covered length becomes two look-ups. */
export function prefixLengths(runStart: Float64Array, runEnd: Float64Array, from: number, to: number, before: Float64Array): void {
  let total = 0;
  for (let k = from; k < to; k++) {
    before[k] = total;
    total += runEnd[k]! - runStart[k]!;
  }
}

/** Total length of the sorted disjoint runs [from, to) west of x, given their prefix lengths. */
export function lengthWestOf(
  runStart: Float64Array,
  runEnd: Float64Array,
  before: Float64Array,
  from: number,
  to: number,
  x: number,
): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (runStart[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  if (lo === from) return 0;
  const k = lo - 1;
  return before[k]! + Math.min(x, runEnd[k]!) - runStart[k]!;
}

/** Length of [a, b) covered by the sorted disjoint runs [from, to): O(log n) whatever the overlap. */
export function coveredLength(
  runStart: Float64Array,
  runEnd: Float64Array,
  before: Float64Array,
  from: number,
  to: number,
  a: number,
  b: number,
): number {
  if (to === from || b <= a) return 0;
  return lengthWestOf(runStart, runEnd, before, from, to, b) - lengthWestOf(runStart, runEnd, before, from, to, a);
}

/** Whether x lies in one of the sorted disjoint runs [from, to) (closed at both ends). */
export function isInRuns(runStart: Float64Array, runEnd: Float64Array, from: number, to: number, x: number): boolean {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (runEnd[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && runStart[lo]! <= x;
}

/**
 * Splits [a, b) by the sorted disjoint runs [from, to) and reports each piece with whether it is
 * inside a run: the building block for gaps (outside) and footprints (inside).
 */
export function splitByRuns(
  runStart: Float64Array,
  runEnd: Float64Array,
  from: number,
  to: number,
  a: number,
  b: number,
  emit: (start: number, end: number, inside: boolean) => void,
): void {
  let cursor = a;
  for (let r = firstRunEndingAfter(runEnd, from, to, a); r < to && cursor < b; r++) {
    const s = runStart[r]!;
    if (s >= b) break;
    if (s > cursor) emit(cursor, s, false);
    const e = Math.min(runEnd[r]!, b);
    if (e > Math.max(s, cursor)) emit(Math.max(s, cursor), e, true);
    cursor = Math.max(cursor, e);
  }
  if (cursor < b) emit(cursor, b, false);
}
