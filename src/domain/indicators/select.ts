import { DISTRICTS, districtByAdcode, type Adcode } from '../districts.ts';
import type { Formula, IndicatorDb, IndicatorPoint, ResolvedSource, StatementPoint } from './db.ts';
import { basisOf } from './derive.ts';
import { formatNumber, KIND_LABELS } from './format.ts';
import { CITY_SCOPE } from './names.ts';
import type { Bilingual, CaveatDef, DomainDef, IndicatorDef, Kind } from './schema.ts';

/**
 * Read-side API for the UI: everything a district card or a choropleth needs, already decided
 * (which value is shown first, which others disagree, gaps to targets), so the UI adds no logic.
 */

/** The values for one indicator, scope and year: the one shown first, and the others kept beside it. */
export interface ResolvedValue {
  primary: IndicatorPoint;
  /** Other values for the same key: other documents, or a derived check such as a district sum. */
  alternatives: IndicatorPoint[];
  /** Stored values from different sources disagree (e.g. 2025 urbanisation target 70 % vs 72.21 %). */
  conflict: boolean;
  /** A derived check (e.g. sum of districts) disagrees with the stored value beyond rounding. */
  discrepancy: boolean;
}

export type KindFilter = Kind | 'actual-or-derived';

export function matchesKind(p: IndicatorPoint, kind: KindFilter | undefined): boolean {
  if (kind === undefined) return true;
  if (kind === 'actual-or-derived') return p.kind === 'actual' || (p.kind === 'derived' && basisOf(p) === 'actual');
  return p.kind === kind;
}

const sameNumber = (a: IndicatorPoint, b: IndicatorPoint) =>
  a.value === b.value && a.upper === b.upper && a.comparator === b.comparator;

/** All points of an indicator at a scope, sorted by year, kind (actual, target, derived) and document preference. */
export function seriesFor(db: IndicatorDb, indicatorId: string, scope: string): IndicatorPoint[] {
  return (db.points.get(indicatorId) ?? []).filter((p) => p.scope === scope);
}

export function statementsFor(db: IndicatorDb, indicatorId: string, scope: string): StatementPoint[] {
  return (db.statements.get(indicatorId) ?? []).filter((s) => s.scope === scope);
}

export function resolve(points: readonly IndicatorPoint[]): ResolvedValue | undefined {
  const [primary, ...alternatives] = points;
  if (!primary) return undefined;
  const stored = points.filter((p) => p.kind !== 'derived');
  const conflict = stored.some((p) => !sameNumber(p, stored[0]!));
  const discrepancy = points.some(
    (d) =>
      d.kind === 'derived' &&
      stored.some((s) => s.comparator === undefined && s.upper === undefined && Math.abs(s.value - d.value) > s.tolerance + d.tolerance),
  );
  return { primary, alternatives, conflict, discrepancy };
}

/** The value(s) of an indicator for a scope ("city", an adcode or an area id) and year. */
export function valueFor(
  db: IndicatorDb,
  indicatorId: string,
  scope: string,
  year: number,
  kind?: KindFilter,
): ResolvedValue | undefined {
  return resolve(seriesFor(db, indicatorId, scope).filter((p) => p.year === year && matchesKind(p, kind)));
}

export interface YearAvailability {
  year: number;
  kinds: Kind[];
  /** How many of the seven districts have a value that year. */
  districts: number;
  city: boolean;
}

/** Years an indicator has values for, with the kind of each (actual, target, derived). */
export function availableYears(db: IndicatorDb, indicatorId: string, scope?: string): YearAvailability[] {
  const points = (db.points.get(indicatorId) ?? []).filter((p) => scope === undefined || p.scope === scope);
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  return years.map((year) => {
    const atYear = points.filter((p) => p.year === year);
    return {
      year,
      kinds: (['actual', 'target', 'derived'] as const).filter((k) => atYear.some((p) => p.kind === k)),
      districts: new Set(atYear.filter((p) => districtByAdcode(p.scope)).map((p) => p.scope)).size,
      city: atYear.some((p) => p.scope === CITY_SCOPE),
    };
  });
}

export interface DistrictRow {
  adcode: Adcode;
  name: string;
  shortName: string;
  nameEn: string;
  /** The number to colour by; null when the district has none that year. */
  value: number | null;
  /** Text to show: the value as printed, a statement such as "—", or "" when nothing. */
  display: string;
  resolved?: ResolvedValue;
  statement?: StatementPoint;
}

export interface DistrictTable {
  indicator: IndicatorDef;
  year: number;
  rows: DistrictRow[];
  city?: ResolvedValue;
  /** Range of the district values (for the legend), undefined when none. */
  range?: { min: number; max: number };
  /** All seven districts have a value. */
  complete: boolean;
  /** Caveats carried by any value in the table (e.g. district values exclude city-level institutions). */
  caveats: CaveatDef[];
  /** Documents the district values come from. */
  sources: ResolvedSource[];
  /** Formulas of derived district values. */
  formulas: Formula[];
}

/** The first item of each key, in order. */
export function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** One key per document table: how source lists are deduplicated. */
export const sourceKey = (s: ResolvedSource) => `${s.document}|${s.table}`;

/** A plan target, or a value computed from targets. */
export const isTargetPoint = (p: IndicatorPoint) => p.kind === 'target' || (p.kind === 'derived' && basisOf(p) === 'target');

/** How far a value is ahead of a goal (> 0) or behind it (< 0): the sign the map's gap view and the card share. */
export function aheadOfTarget(better: IndicatorDef['better'], current: number, goal: number): number {
  return better === 'lower' ? goal - current : current - goal;
}

/** Values of the seven districts for one indicator and year, in adcode order: what a choropleth needs. */
export function districtTable(db: IndicatorDb, indicatorId: string, year: number, kind?: KindFilter): DistrictTable | undefined {
  const indicator = db.indicators.get(indicatorId);
  if (!indicator) return undefined;
  const rows: DistrictRow[] = DISTRICTS.map((d) => {
    const resolved = valueFor(db, indicatorId, d.adcode, year, kind);
    const statement = resolved ? undefined : statementsFor(db, indicatorId, d.adcode).find((s) => s.year === year);
    return {
      adcode: d.adcode,
      name: d.name,
      shortName: d.shortName,
      nameEn: d.nameEn,
      value: resolved ? resolved.primary.value : null,
      display: resolved ? resolved.primary.display : (statement?.text.zh ?? ''),
      resolved,
      statement,
    };
  });
  const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const points = rows.flatMap((r) => (r.resolved ? [r.resolved.primary, ...r.resolved.alternatives] : []));
  return {
    indicator,
    year,
    rows,
    city: valueFor(db, indicatorId, CITY_SCOPE, year, kind),
    range: values.length ? { min: Math.min(...values), max: Math.max(...values) } : undefined,
    complete: values.length === DISTRICTS.length,
    caveats: uniqueBy(
      [...points.flatMap((p) => p.caveats), ...rows.flatMap((r) => r.statement?.caveats ?? [])],
      (c) => c.id,
    ),
    sources: uniqueBy(
      points.flatMap((p) => (p.source ? [p.source] : [])),
      sourceKey,
    ),
    formulas: uniqueBy(
      rows.flatMap((r) => (r.resolved?.primary.formula ? [r.resolved.primary.formula] : [])),
      (f) => f.zh,
    ),
  };
}

export interface MappableIndicator {
  indicator: IndicatorDef;
  domain: DomainDef | undefined;
  /** Years with a value for at least one district. */
  years: YearAvailability[];
}

/** Indicators with district values, grouped in catalogue order: the choropleth's picker. */
export function mappableIndicators(db: IndicatorDb): MappableIndicator[] {
  return [...db.indicators.values()].flatMap((indicator) => {
    const years = availableYears(db, indicator.id).filter((y) => y.districts > 0);
    return years.length ? [{ indicator, domain: db.domains.get(indicator.domain), years }] : [];
  });
}

/** How far a value is from a target, computed and shown with its formula. */
export interface GapValue {
  current: IndicatorPoint;
  target: IndicatorPoint;
  /** Whether the target is the district's own or the city's. */
  targetScope: 'own' | 'city';
  /** Ahead of the target (> 0) or behind it (< 0): current − target, or target − current where lower is better. */
  difference: number;
  /** What is still to go in the better direction (≤ 0 once met); undefined for neutral indicators. */
  shortfall?: number;
  met?: boolean;
  /** current ÷ target × 100 (higher is better) or target ÷ current × 100 (lower is better). */
  attainmentPct?: number;
  formula: Formula;
  display: string;
}

export function gapBetween(
  indicator: IndicatorDef,
  current: IndicatorPoint,
  target: IndicatorPoint,
  targetScope: GapValue['targetScope'],
): GapValue | undefined {
  if (target.upper !== undefined || current.upper !== undefined || current.comparator !== undefined) return undefined;
  const t = target.value;
  const c = current.value;
  const lowerIsBetter = indicator.better === 'lower';
  const difference = aheadOfTarget(indicator.better, c, t);
  const decimals = Math.max(indicator.decimals ?? 0, ...[current.display, target.display].map((d) => d.split('.')[1]?.length ?? 0));
  const diffText = formatNumber(difference, decimals);
  const currentKind = KIND_LABELS[current.kind === 'derived' ? 'derived' : 'actual'];
  const base = {
    current,
    target,
    targetScope,
    difference,
    display: `${difference > 0 ? '+' : ''}${diffText}`,
    formula: lowerIsBetter
      ? {
          zh: `目标值 − 现状值（越低越好；${target.year}年目标 − ${current.year}年${currentKind.zh}）`,
          en: `target − current (lower is better; ${target.year} target − ${current.year} ${currentKind.en} value)`,
          expression: `${target.display} − ${current.display} = ${diffText}`,
        }
      : {
          zh: `现状值 − 目标值（${current.year}年${currentKind.zh} − ${target.year}年目标）`,
          en: `current − target (${current.year} ${currentKind.en} value − ${target.year} target)`,
          expression: `${current.display} − ${target.display} = ${diffText}`,
        },
  };
  if (indicator.better === 'neutral') return base;
  const higher = indicator.better === 'higher';
  const shortfall = higher ? t - c : c - t;
  const op = target.comparator;
  const met = higher ? (op === '>' ? c > t : c >= t) : op === '<' ? c < t : c <= t;
  const attainmentPct = higher ? (t !== 0 ? (c / t) * 100 : undefined) : c !== 0 ? (t / c) * 100 : undefined;
  return { ...base, shortfall, met: op === '≈' ? undefined : met, attainmentPct };
}

function latest(points: readonly IndicatorPoint[], kind: KindFilter): IndicatorPoint | undefined {
  const matching = points.filter((p) => matchesKind(p, kind));
  const year = Math.max(...matching.map((p) => p.year));
  return matching.find((p) => p.year === year);
}

/** One indicator on a district card: current value, target, city comparison, gaps, trend, provenance. */
export interface CardItem {
  indicator: IndicatorDef;
  /** The district's latest actual (or computed-from-actuals) value. */
  current?: ResolvedValue;
  /** The district's own target: the first target year after the current value. */
  target?: ResolvedValue;
  /** The city's value in the current value's year (or its latest before). */
  cityCurrent?: ResolvedValue;
  /** The city's target for the target year (or the first city target after the current value). */
  cityTarget?: ResolvedValue;
  /** Gaps to every distinct target value (conflicting targets give one gap each). */
  gaps: GapValue[];
  /** Every district point, oldest first. */
  trend: IndicatorPoint[];
  cityTrend: IndicatorPoint[];
  /** Targets in words ("完成省下达任务", "—") for the district and the city. */
  statements: StatementPoint[];
  caveats: CaveatDef[];
  sources: ResolvedSource[];
}

export interface CardDomain {
  domain: DomainDef;
  items: CardItem[];
}

export interface DistrictCard {
  adcode: Adcode;
  name: Bilingual;
  domains: CardDomain[];
}

export interface CardOptions {
  /** Also list indicators with city values only (default false). */
  includeCityOnly?: boolean;
  /** Target year to measure against when the plans give several (default 2025, the 14th Five-Year Plan horizon). */
  targetYear?: number;
}

export const DEFAULT_TARGET_YEAR = 2025;

function cardItem(db: IndicatorDb, indicator: IndicatorDef, adcode: string, targetYear: number): CardItem {
  const trend = seriesFor(db, indicator.id, adcode);
  const cityTrend = seriesFor(db, indicator.id, CITY_SCOPE);
  const currentPoint = latest(trend, 'actual-or-derived');
  const current = currentPoint ? valueFor(db, indicator.id, adcode, currentPoint.year, 'actual-or-derived') : undefined;
  const after = (p: IndicatorPoint) => currentPoint === undefined || p.year > currentPoint.year;
  const isTarget = isTargetPoint;
  // The preferred horizon when the district has a target then, otherwise its first target after the current value.
  const targetPoint =
    trend.find((p) => isTarget(p) && after(p) && p.year === targetYear) ?? trend.find((p) => isTarget(p) && after(p));
  const target = targetPoint ? resolve(trend.filter((p) => p.year === targetPoint.year && isTarget(p))) : undefined;

  const cityActuals = cityTrend.filter((p) => matchesKind(p, 'actual-or-derived'));
  const cityYear = currentPoint
    ? Math.max(-Infinity, ...cityActuals.filter((p) => p.year <= currentPoint.year).map((p) => p.year))
    : Math.max(-Infinity, ...cityActuals.map((p) => p.year));
  const cityCurrent = Number.isFinite(cityYear) ? valueFor(db, indicator.id, CITY_SCOPE, cityYear, 'actual-or-derived') : undefined;
  const cityTargets = cityTrend.filter((p) => isTarget(p) && after(p) && p.kind !== 'derived');
  const cityTargetYear =
    targetPoint?.year ?? (cityTargets.find((p) => p.year === targetYear) ?? cityTargets[0])?.year;
  const cityTarget =
    cityTargetYear === undefined ? undefined : resolve(cityTrend.filter((p) => p.year === cityTargetYear && isTarget(p)));

  const gaps: GapValue[] = [];
  const gapTo = (goal: ResolvedValue | undefined, scope: GapValue['targetScope']) => {
    if (!goal || !current) return;
    const targets = uniqueBy(
      [goal.primary, ...goal.alternatives].filter((p) => p.kind !== 'derived'),
      (p) => `${p.value}|${p.comparator}|${p.upper}`,
    );
    for (const t of targets.length ? targets : [goal.primary]) {
      const gap = gapBetween(indicator, current.primary, t, scope);
      if (gap) gaps.push(gap);
    }
  };
  if (target) gapTo(target, 'own');
  // A district count measured against a city total means nothing; rates and ratios compare.
  else if (indicator.aggregation !== 'sum') gapTo(cityTarget, 'city');

  const statements = [...statementsFor(db, indicator.id, adcode), ...statementsFor(db, indicator.id, CITY_SCOPE)];
  const shown = [...trend, ...(cityCurrent ? [cityCurrent.primary, ...cityCurrent.alternatives] : []), ...(cityTarget ? [cityTarget.primary, ...cityTarget.alternatives] : [])];
  return {
    indicator,
    current,
    target,
    cityCurrent,
    cityTarget,
    gaps,
    trend,
    cityTrend,
    statements,
    caveats: uniqueBy([...trend.flatMap((p) => p.caveats), ...statements.flatMap((s) => s.caveats)], (c) => c.id),
    sources: uniqueBy(
      [...shown.flatMap((p) => (p.source ? [p.source] : [])), ...statements.map((s) => s.source)],
      sourceKey,
    ),
  };
}

/** All indicators for one district, grouped by domain in catalogue order. */
export function cardFor(db: IndicatorDb, adcode: Adcode, options: CardOptions = {}): DistrictCard | undefined {
  const district = districtByAdcode(adcode);
  if (!district) return undefined;
  const domains = new Map<string, CardItem[]>();
  for (const indicator of db.indicators.values()) {
    const has =
      seriesFor(db, indicator.id, adcode).length > 0 || statementsFor(db, indicator.id, adcode).length > 0;
    const cityOnly = !has && (seriesFor(db, indicator.id, CITY_SCOPE).length > 0 || statementsFor(db, indicator.id, CITY_SCOPE).length > 0);
    if (!has && !(options.includeCityOnly && cityOnly)) continue;
    const items = domains.get(indicator.domain) ?? [];
    items.push(cardItem(db, indicator, adcode, options.targetYear ?? DEFAULT_TARGET_YEAR));
    domains.set(indicator.domain, items);
  }
  return {
    adcode: district.adcode,
    name: { zh: district.name, en: district.nameEn },
    domains: [...db.domains.values()]
      .filter((d) => domains.has(d.id))
      .map((domain) => ({ domain, items: domains.get(domain.id)! })),
  };
}
