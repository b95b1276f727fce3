import { describe, expect, it } from 'vitest';
import { coveredLength, isInRuns, mergeSortedEvents, prefixLengths, splitByRuns } from './intervals.ts';

function merge(intervals: [number, number][]): [number, number][] {
  const starts = Float64Array.from(intervals.map((i) => i[0])).sort();
  const ends = Float64Array.from(intervals.map((i) => i[1])).sort();
  const outS = new Float64Array(intervals.length);
  const outE = new Float64Array(intervals.length);
  const n = mergeSortedEvents(starts, ends, 0, intervals.length, outS, outE, 0);
  return Array.from({ length: n }, (_, i) => [outS[i]!, outE[i]!]);
}

describe('interval arithmetic on a row', () => {
  it('merges overlapping, nested and touching intervals, keeps separate ones apart', () => {
    expect(merge([[5, 7], [0, 2], [1, 3], [6, 6.5], [3, 4], [9, 10]])).toEqual([[0, 4], [5, 7], [9, 10]]);
    expect(merge([[0, 10], [2, 3]])).toEqual([[0, 10]]);
  });

  const starts = Float64Array.of(0, 5, 9);
  const ends = Float64Array.of(4, 7, 10);
  const before = new Float64Array(3);
  prefixLengths(starts, ends, 0, 3, before);

  it('measures how much of [a, b) the runs cover', () => {
    expect(Array.from(before)).toEqual([0, 4, 6]);
    expect(coveredLength(starts, ends, before, 0, 3, 3, 9.5)).toBeCloseTo(1 + 2 + 0.5, 12);
    expect(coveredLength(starts, ends, before, 0, 3, 4, 5)).toBe(0);
    expect(coveredLength(starts, ends, before, 0, 3, -3, 20)).toBe(7);
    expect(coveredLength(starts, ends, before, 0, 3, 6, 6.5)).toBeCloseTo(0.5, 12);
    expect(coveredLength(starts, ends, before, 0, 0, 0, 10)).toBe(0);
  });

  it('tells whether a position is in a run', () => {
    expect([-1, 0, 4, 4.5, 6, 10, 11].map((x) => isInRuns(starts, ends, 0, 3, x))).toEqual([false, true, true, false, true, true, false]);
  });

  it('splits an interval into covered and uncovered pieces', () => {
    const pieces: [number, number, boolean][] = [];
    splitByRuns(starts, ends, 0, 3, 2, 12, (a, b, inside) => pieces.push([a, b, inside]));
    expect(pieces).toEqual([[2, 4, true], [4, 5, false], [5, 7, true], [7, 9, false], [9, 10, true], [10, 12, false]]);
  });
});
