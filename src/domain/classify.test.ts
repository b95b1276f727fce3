import { describe, expect, test } from 'vitest';
import { breakDecimals, classify, classLabels, classOf, divergingBreaks, formatNumber } from './classify.ts';

// Seven values, one per district; breaks below are computed by hand.
const SEVEN = [4.8, 2.1, 9.3, 4.0, 6.2, 3.5, 7.9];

describe('classify', () => {
  test('quantile: type-7 interpolation at p = 0.2 … 0.8 (index 6p into the sorted values)', () => {
    // idx 1.2 → 3.5 + 0.2·0.5 = 3.6; 2.4 → 4.0 + 0.4·0.8 = 4.32; 3.6 → 4.8 + 0.6·1.4 = 5.64; 4.8 → 6.2 + 0.8·1.7 = 7.56
    const c = classify(SEVEN, 'quantile', 5);
    expect(c.breaks).toEqual([2.1, 3.6, 4.32, 5.64, 7.56, 9.3]);
    expect(c.counts).toEqual([2, 1, 1, 1, 2]);
    expect(c.classes).toBe(5);
    expect(c.reducedBecause).toBeNull();
  });

  test('equal interval: range 7.2 in steps of 1.44, an empty class allowed', () => {
    const c = classify(SEVEN, 'equal', 5);
    expect(c.breaks).toEqual([2.1, 3.54, 4.98, 6.42, 7.86, 9.3]);
    expect(c.counts).toEqual([2, 2, 1, 0, 2]);
  });

  test('ckmeans: the 3-class split with the least within-class sum of squares', () => {
    // {2.1,3.5,4.0} 1.94 + {4.8,6.2} 0.98 + {7.9,9.3} 0.98 = 3.90, less than e.g.
    // {2.1,3.5,4.0,4.8} 3.86 + {6.2} 0 + {7.9,9.3} 0.98 = 4.84. Bounds halfway between clusters.
    const c = classify(SEVEN, 'ckmeans', 3);
    expect(c.breaks).toEqual([2.1, 4.4, 7.05, 9.3]);
    expect(c.counts).toEqual([3, 2, 2]);
  });

  test('ckmeans: single-value clusters still give strictly increasing bounds', () => {
    const c = classify(SEVEN, 'ckmeans', 5);
    // {2.1} {3.5,4.0,4.8} {6.2} {7.9} {9.3}
    expect(c.breaks).toEqual([2.1, 2.8, 5.5, 7.05, 8.6, 9.3]);
    expect(c.counts).toEqual([1, 3, 1, 1, 1]);
  });

  test('fewer distinct values than classes: classes capped and the reason given', () => {
    const values = [1, 1, 1, 2, 2, 5, 5];
    const ck = classify(values, 'ckmeans', 5);
    expect(ck.classes).toBe(3);
    expect(ck.requestedClasses).toBe(5);
    expect(ck.breaks).toEqual([1, 1.5, 3.5, 5]);
    expect(ck.counts).toEqual([3, 2, 2]);
    expect(ck.reducedBecause).toBe('few-distinct-values');

    const eq = classify(values, 'equal', 4);
    expect(eq.classes).toBe(3);
    expect(eq.breaks[1]).toBeCloseTo(7 / 3, 10);
    expect(eq.counts).toEqual([5, 0, 2]);

    // Quantiles at p = 1/3, 2/3 are sorted[2] = 1 and sorted[4] = 2: the bound 1 appears twice.
    const q = classify(values, 'quantile', 3);
    expect(q.breaks).toEqual([1, 2, 5]);
    expect(q.classes).toBe(2);
  });

  test('quantile bounds that coincide are merged and reported', () => {
    const c = classify([1, 1, 1, 1, 1, 2, 3], 'quantile', 3);
    expect(c.breaks).toEqual([1, 3]);
    expect(c.classes).toBe(1);
    expect(c.reducedBecause).toBe('tied-quantiles');
  });

  test('all values equal: one class holding them all', () => {
    for (const method of ['quantile', 'ckmeans', 'equal'] as const) {
      const c = classify([4, 4, 4], method, 5);
      expect(c).toMatchObject({ breaks: [4, 4], classes: 1, counts: [3], reducedBecause: 'all-equal' });
      expect(classOf(4, c.breaks)).toBe(0);
    }
  });

  test('missing values are ignored; no values at all gives no classes', () => {
    const c = classify([NaN, null, 1, 2, 3, undefined, 4], 'equal', 3);
    expect(c.breaks).toEqual([1, 2, 3, 4]);
    expect(c.counts).toEqual([1, 1, 2]);
    expect(classify([null, NaN, undefined], 'quantile', 3)).toMatchObject({ breaks: [], classes: 0, counts: [], reducedBecause: 'no-values' });
    expect(classify([Infinity, -Infinity], 'ckmeans', 3).classes).toBe(0);
  });

  test('negative values (gaps) classify like any other', () => {
    const c = classify([-3, -1, 0, 2, 5], 'equal', 4);
    expect(c.breaks).toEqual([-3, -1, 1, 3, 5]);
    expect(c.counts).toEqual([1, 2, 1, 1]);
  });

  test('class counts outside 3 to 7 are a programming error', () => {
    expect(() => classify(SEVEN, 'quantile', 2)).toThrow(RangeError);
    expect(() => classify(SEVEN, 'quantile', 8)).toThrow(RangeError);
    expect(() => classify(SEVEN, 'quantile', 4.5)).toThrow(RangeError);
  });
});

describe('classOf', () => {
  const breaks = [0, 10, 20, 30];
  test('lower bound inclusive, upper exclusive, the last class closed', () => {
    expect(classOf(0, breaks)).toBe(0);
    expect(classOf(9.999, breaks)).toBe(0);
    expect(classOf(10, breaks)).toBe(1);
    expect(classOf(29.9, breaks)).toBe(2);
    expect(classOf(30, breaks)).toBe(2);
  });
  test('values beyond the bounds go to the end classes', () => {
    expect(classOf(-5, breaks)).toBe(0);
    expect(classOf(99, breaks)).toBe(2);
  });
  test('missing values have no class', () => {
    expect(classOf(null, breaks)).toBeNull();
    expect(classOf(undefined, breaks)).toBeNull();
    expect(classOf(NaN, breaks)).toBeNull();
    expect(classOf(5, [])).toBeNull();
  });
});

describe('divergingBreaks', () => {
  test('symmetric nice steps around 0, the middle class straddling the centre', () => {
    // largest gap 2.13 → step ≥ 2·2.13/5 = 0.852 → 1
    const c = divergingBreaks([-2.13, -0.4, 0.3, 1.1], 0, 5);
    expect(c.breaks).toEqual([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]);
    expect(c.counts).toEqual([1, 0, 2, 1, 0]);
    expect(c.method).toBe('diverging');
  });

  test('an even class count puts the centre on a break', () => {
    // 2·2.13/4 = 1.065 → 2
    expect(divergingBreaks([-2.13, 1.1], 0, 4).breaks).toEqual([-4, -2, 0, 2, 4]);
  });

  test('around a plan target: beds per 1,000 against 6.15', () => {
    // largest distance 1.95 → step ≥ 1.3 → 2
    const c = divergingBreaks([4.2, 5.0, 7.0, null], 6.15, 3);
    expect(c.breaks).toEqual([3.15, 5.15, 7.15, 9.15]);
    expect(c.counts).toEqual([2, 1, 0]);
  });

  test('always symmetric, whatever the data', () => {
    for (const k of [3, 4, 5, 6, 7]) {
      const b = divergingBreaks([-0.037, 0.5, 0.012, 12.4], 0, k).breaks;
      for (let i = 0; i <= k; i++) expect(b[i]! + b[k - i]!).toBeCloseTo(0, 9);
      expect(b[0]!).toBeLessThanOrEqual(-12.4);
    }
  });

  test('everything on target, or nothing at all', () => {
    expect(divergingBreaks([0, 0], 0, 5)).toMatchObject({ breaks: [0, 0], classes: 1, reducedBecause: 'all-equal' });
    expect(divergingBreaks([NaN], 0, 5)).toMatchObject({ breaks: [], classes: 0, reducedBecause: 'no-values' });
  });
});

describe('formatNumber', () => {
  test('sensible decimals by magnitude, grouping, units', () => {
    expect(formatNumber(6.15, '张/千人', 'zh')).toBe('6.15 张/千人');
    expect(formatNumber(61.54, '%', 'zh')).toBe('61.5%');
    expect(formatNumber(1234567.891, 'persons', 'en')).toBe('1,234,568 persons');
    expect(formatNumber(0.0123, null, 'en')).toBe('0.012');
    expect(formatNumber(6.1, null, 'en')).toBe('6.1');
    expect(formatNumber(6.15, { zh: '张', en: 'beds' }, 'en')).toBe('6.15 beds');
  });
  test('fixed decimals and signs, for legends and gaps', () => {
    expect(formatNumber(3.2, null, 'zh', { decimals: 2 })).toBe('3.20');
    expect(formatNumber(0.35, null, 'en', { signed: true })).toBe('+0.35');
    expect(formatNumber(-0.35, null, 'en', { signed: true })).toBe('-0.35');
    expect(formatNumber(0, null, 'en', { signed: true })).toBe('0');
  });
  test('precise mode: full figure, no grouping, no floating-point noise', () => {
    expect(formatNumber(0.1 + 0.2, null, 'en', { mode: 'precise' })).toBe('0.3');
    expect(formatNumber(1234567.891, null, 'zh', { mode: 'precise' })).toBe('1234567.891');
    expect(formatNumber(-0.35, null, 'zh', { mode: 'precise' })).toBe('-0.35');
  });
  test('missing values', () => {
    expect(formatNumber(null, '%', 'zh')).toBe('—');
    expect(formatNumber(NaN, '%', 'en')).toBe('—');
    expect(formatNumber(undefined, null, 'en', { mode: 'precise' })).toBe('');
  });
});

describe('legend labels', () => {
  test('one shared number of decimals, enough to tell bounds apart', () => {
    expect(breakDecimals([2.1, 3.6, 4.32, 5.64, 7.56, 9.3])).toBe(2);
    expect(breakDecimals([1, 2, 3])).toBe(0);
    expect(breakDecimals([120.5, 300.2, 487])).toBe(0);
    expect(breakDecimals([100.1, 100.4, 100.9])).toBe(1);
    expect(breakDecimals([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5])).toBe(1);
  });
  test('ranges with the unit on the upper bound', () => {
    expect(classLabels([2.1, 3.6, 4.32], '张/千人', 'zh')).toEqual(['2.10 – 3.60 张/千人', '3.60 – 4.32 张/千人']);
    expect(classLabels([-1, 0, 1], '%', 'en', true)).toEqual(['-1 – 0%', '0 – +1%']);
    expect(classLabels([4, 4], null, 'en')).toEqual(['4']);
    expect(classLabels([], null, 'en')).toEqual([]);
  });
});
