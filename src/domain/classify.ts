/**
 * Choropleth classification: class breaks for the district values of one indicator,
 * the class of a value, and number formatting for legends, cards and CSV.
 *
 * Breaks come from simple-statistics. Jiangmen has only seven districts, so the
 * number of classes is capped at the number of distinct values and the result
 * says when and why it holds fewer classes than were asked for.
 */
import { ckmeans, equalIntervalBreaks, quantileSorted } from 'simple-statistics';
import type { Bilingual, Lang } from './url-state.ts';

export const CLASS_METHODS = ['quantile', 'ckmeans', 'equal'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

/** The legend offers 3 to 7 classes. */
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

/** Why a classification holds fewer classes than requested (null: it holds them all). */
export type ClassReduction =
  | 'no-values' // nothing to classify: breaks = [], classes = 0
  | 'all-equal' // one distinct value: breaks = [v, v], classes = 1
  | 'few-distinct-values' // fewer distinct values than requested classes
  | 'tied-quantiles'; // quantile bounds coincided because of repeated values

export interface Classification {
  method: ClassMethod | 'diverging';
  requestedClasses: number;
  /** Effective number of classes (breaks.length - 1, or 0 when there are no values). */
  classes: number;
  /**
   * Ascending class bounds, classes + 1 of them. Class i holds breaks[i] <= v < breaks[i+1];
   * the last class also holds its upper bound.
   */
  breaks: number[];
  /** How many of the classified values fall in each class. */
  counts: number[];
  reducedBecause: ClassReduction | null;
}

/** Finite numbers only: null, undefined and NaN are "no data". */
export function finiteValues(values: ReadonlyArray<number | null | undefined>): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

function assertClassCount(classes: number): void {
  if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
    throw new RangeError(`classes must be an integer from ${MIN_CLASSES} to ${MAX_CLASSES}, got ${classes}`);
  }
}

/** Drops floating-point noise such as 2.2500000000000004 from computed bounds. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

function countDistinct(sorted: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}

function strictlyIncreasing(breaks: readonly number[]): number[] {
  const out: number[] = [];
  for (const b of breaks) if (out.length === 0 || b > out[out.length - 1]!) out.push(b);
  return out;
}

function result(
  method: Classification['method'],
  requestedClasses: number,
  breaks: number[],
  values: readonly number[],
  reducedBecause: ClassReduction | null,
): Classification {
  const classes = breaks.length === 0 ? 0 : Math.max(1, breaks.length - 1);
  const counts = new Array<number>(classes).fill(0);
  for (const v of values) {
    const c = classOf(v, breaks);
    if (c !== null) counts[c]!++;
  }
  return { method, requestedClasses, classes, breaks, counts, reducedBecause };
}

/**
 * Class breaks for `values` (missing values ignored).
 * @throws RangeError if `classes` is not an integer from 3 to 7 (a programming error; the URL decoder validates).
 */
export function classify(
  values: ReadonlyArray<number | null | undefined>,
  method: ClassMethod,
  classes: number,
): Classification {
  assertClassCount(classes);
  const sorted = finiteValues(values).sort((a, b) => a - b);
  if (sorted.length === 0) return result(method, classes, [], sorted, 'no-values');
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const distinct = countDistinct(sorted);
  if (distinct === 1) return result(method, classes, [min, max], sorted, 'all-equal');

  const k = Math.min(classes, distinct);
  let reducedBecause: ClassReduction | null = k < classes ? 'few-distinct-values' : null;
  let breaks: number[];
  switch (method) {
    case 'quantile': {
      const raw = Array.from({ length: k + 1 }, (_, i) => (i === 0 ? min : i === k ? max : clean(quantileSorted(sorted, i / k))));
      breaks = strictlyIncreasing(raw);
      if (breaks.length < raw.length && reducedBecause === null) reducedBecause = 'tied-quantiles';
      break;
    }
    case 'ckmeans': {
      // Bounds halfway between neighbouring clusters: strictly increasing even for
      // single-value clusters, and every value lands in its own cluster.
      const clusters = ckmeans(sorted, k);
      const inner = clusters.slice(1).map((c, i) => clean((clusters[i]![clusters[i]!.length - 1]! + c[0]!) / 2));
      breaks = [min, ...inner, max];
      break;
    }
    case 'equal': {
      const raw = equalIntervalBreaks(sorted, k);
      breaks = raw.map((b, i) => (i === 0 ? min : i === raw.length - 1 ? max : clean(b)));
      break;
    }
  }
  return result(method, classes, breaks, sorted, reducedBecause);
}

/**
 * Breaks symmetric around `centre` for the gap-to-target view: equal intervals of a
 * "nice" width (1, 2, 2.5 or 5 × 10ⁿ) wide enough to hold the largest deviation, so
 * the same colour means the same distance on either side. With an odd class count
 * the middle class straddles the centre ("on target"); with an even count the
 * centre is a break.
 */
export function divergingBreaks(
  values: ReadonlyArray<number | null | undefined>,
  centre = 0,
  classes = 5,
): Classification {
  assertClassCount(classes);
  if (!Number.isFinite(centre)) throw new RangeError(`centre must be a finite number, got ${centre}`);
  const finite = finiteValues(values);
  if (finite.length === 0) return result('diverging', classes, [], finite, 'no-values');
  const maxDeviation = Math.max(...finite.map((v) => Math.abs(v - centre)));
  if (maxDeviation === 0) return result('diverging', classes, [centre, centre], finite, 'all-equal');
  const step = niceStepAtLeast((2 * maxDeviation) / classes);
  const breaks = Array.from({ length: classes + 1 }, (_, i) => clean(centre + step * (i - classes / 2)));
  return result('diverging', classes, breaks, finite, null);
}

/**
 * Smallest of 1, 2, 2.5, 5 × 10ⁿ that is >= x. Hand-written: d3-array's tickStep rounds
 * to the nearest nice step (which could cut off the extreme value) and is not a dependency.
 */
function niceStepAtLeast(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const step = clean(m * power);
    if (step >= x) return step;
  }
  return 10 * power;
}

/**
 * Index of the class holding `value`, or null for missing values (null, undefined, NaN)
 * and for empty breaks. Values outside the bounds fall into the first or last class.
 */
export function classOf(value: number | null | undefined, breaks: readonly number[]): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || breaks.length === 0) return null;
  const last = Math.max(0, breaks.length - 2);
  for (let i = 0; i < last; i++) if (value < breaks[i + 1]!) return i;
  return last;
}

export interface FormatOptions {
  /**
   * 'display' (default): rounded to sensible decimals with digit grouping, "—" when missing.
   * 'precise': full precision (12 significant digits), no grouping, "" when missing — for CSV.
   */
  mode?: 'display' | 'precise';
  /** Fixed number of decimals (display mode), e.g. from breakDecimals() for a legend. */
  decimals?: number;
  /** Show "+" on positive values, as for gaps to a target. */
  signed?: boolean;
}

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-US' };
/** Units written straight after the number, without a space. */
const UNITS_WITHOUT_SPACE = new Set(['%', '‰', '°']);

/** Decimals that read well at this magnitude: 1234 → 0, 61.5 → 1, 6.15 → 2, 0.0123 → 3. */
export function sensibleDecimals(value: number): number {
  const abs = Math.abs(value);
  if (abs === 0 || abs >= 100) return 0;
  if (abs >= 10) return 1;
  if (abs >= 1) return 2;
  // Two significant digits below 1, at most 4 decimals.
  return Math.min(4, 1 - Math.floor(Math.log10(abs)));
}

/**
 * One number of decimals for all bounds of a legend: as few as show every bound exactly,
 * but no more than suit the largest magnitude, then raised until no two bounds print alike.
 */
export function breakDecimals(breaks: readonly number[]): number {
  if (breaks.length === 0) return 0;
  const exact = (b: number) => {
    let d = 0;
    while (d < 6 && Number(b.toFixed(d)) !== b) d++;
    return d;
  };
  const largest = Math.max(...breaks.map(Math.abs));
  let decimals = Math.min(Math.max(...breaks.map(exact)), sensibleDecimals(largest));
  const distinct = (d: number) =>
    breaks.every((b, i) => i === 0 || b === breaks[i - 1] || b.toFixed(d) !== breaks[i - 1]!.toFixed(d));
  while (decimals < 6 && !distinct(decimals)) decimals++;
  return decimals;
}

/** A number with its unit for legends and cards; `unit` may be null (no unit). */
export function formatNumber(
  value: number | null | undefined,
  unit: string | Bilingual | null,
  lang: Lang,
  options: FormatOptions = {},
): string {
  const { mode = 'display', decimals, signed = false } = options;
  const missing = typeof value !== 'number' || !Number.isFinite(value);
  if (missing) return mode === 'precise' ? '' : '—';
  const signDisplay = signed ? 'exceptZero' : 'auto';
  const text =
    mode === 'precise'
      ? new Intl.NumberFormat('en-US', { maximumSignificantDigits: 12, useGrouping: false, signDisplay }).format(value)
      : new Intl.NumberFormat(LOCALES[lang], {
          minimumFractionDigits: decimals ?? 0,
          maximumFractionDigits: decimals ?? sensibleDecimals(value),
          signDisplay,
        }).format(value);
  return withUnit(text, typeof unit === 'string' || unit === null ? unit : unit[lang]);
}

/** A number already written as text, with its unit: "6.15 张/千人", but "72.2%" (no space before %, ‰, °). */
export function withUnit(text: string, unit: string | null): string {
  if (!unit) return text;
  return UNITS_WITHOUT_SPACE.has(unit) ? `${text}${unit}` : `${text} ${unit}`;
}

/** Legend rows: "lower – upper unit" for each class, with one shared number of decimals. */
export function classLabels(
  breaks: readonly number[],
  unit: string | Bilingual | null,
  lang: Lang,
  signed = false,
): string[] {
  if (breaks.length < 2) return [];
  const decimals = breakDecimals(breaks);
  const fmt = (v: number, withUnit: boolean) => formatNumber(v, withUnit ? unit : null, lang, { decimals, signed });
  if (breaks.length === 2 && breaks[0] === breaks[1]) return [fmt(breaks[0]!, true)];
  return breaks.slice(0, -1).map((lower, i) => `${fmt(lower, false)} – ${fmt(breaks[i + 1]!, true)}`);
}
