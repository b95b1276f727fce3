/**
 * What the choropleth shows for a view: the indicator and year in force, the district values (or
 * their gaps to a plan target), the class breaks, a colour per district and the legend. Pure: the
 * map layer, the legend, the CSV export and the PNG export all read this one model, so they can
 * never disagree.
 */
import { classify, classLabels, classOf, divergingBreaks, formatNumber, withUnit, type Classification } from './classify.ts';
import type { DistrictTableRow } from './export-csv.ts';
import {
  CITY_SCOPE,
  aheadOfTarget,
  isTargetPoint,
  matchesKind,
  sourceKey,
  citeSourceBoth,
  districtTable,
  mappableIndicators,
  seriesFor,
  uniqueBy,
  valueFor,
  type Bilingual,
  type CaveatDef,
  type IndicatorDb,
  type IndicatorDef,
  type IndicatorPoint,
  type Kind,
  type MappableIndicator,
  type ResolvedSource,
  type ResolvedValue,
} from './indicators/index.ts';
import { DIVERGING_PALETTE_ID, NO_DATA_COLOR, NO_DATA_LABEL, paletteColors } from './palettes.ts';
import type { ViewState } from './url-state.ts';

export interface YearOption {
  year: number;
  /** The kind most district values have that year: actual beats target beats derived. */
  kind: Kind;
  districts: number;
}

/** Years a district map can be drawn for, each marked actual / target / derived. */
export function yearOptions(item: MappableIndicator): YearOption[] {
  return item.years.map((y) => ({
    year: y.year,
    kind: y.kinds.includes('actual') ? 'actual' : y.kinds.includes('target') ? 'target' : 'derived',
    districts: y.districts,
  }));
}

/** Target years of an indicator (a target view needs one). */
export function targetYears(db: IndicatorDb, indicatorId: string): number[] {
  const points = db.points.get(indicatorId) ?? [];
  return [...new Set(points.filter(isTargetPoint).map((p) => p.year))].sort((a, b) => a - b);
}

/** The latest year with actual district figures, else the first year with any. */
export function defaultYear(item: MappableIndicator): number {
  const options = yearOptions(item);
  const actual = options.filter((o) => o.kind === 'actual' || o.kind === 'derived');
  const latestActual = actual.length ? actual[actual.length - 1] : undefined;
  return (latestActual ?? options[0]!).year;
}

export interface LegendEntry {
  colour: string;
  label: string;
  /** Districts in the class. */
  count: number;
}

export interface ChoroplethRow {
  adcode: string;
  name: Bilingual;
  /** The number coloured: the value, or in the target view the gap (ahead > 0). */
  mapped: number | null;
  /** Ready-to-read text of the mapped number with its unit. */
  mappedText: string;
  /** The district's value that was compared or shown. */
  point?: IndicatorPoint;
  /** A statement shown instead of a number ("—", "完成省下达任务"). */
  statement?: Bilingual;
  classIndex: number | null;
  colour: string;
  /** Value kind of the shown figure (actual, target, derived); null with no data. */
  kind: Kind | null;
}

export interface TargetInForce {
  /** null for each district's own target: there is no single value. */
  value: number | null;
  display: string;
  year: number;
  /** Where the target comes from: the city's plan target, each district's own, or one the user typed. */
  scope: 'city' | 'own' | 'user';
  source?: ResolvedSource;
}

export interface ChoroplethModel {
  indicator: IndicatorDef;
  year: number;
  mode: ViewState['view'];
  rows: ChoroplethRow[];
  classification: Classification;
  legend: LegendEntry[];
  noData: LegendEntry;
  /** Unit of the mapped numbers (the indicator's unit; a gap has the same unit). */
  unit: Bilingual;
  /** The city-wide value for the year, when the documents give one. */
  city?: ResolvedValue;
  /** Target view only. */
  target?: TargetInForce;
  sources: ResolvedSource[];
  /** How computed district values are computed (value view). */
  formulas: Bilingual[];
  caveats: CaveatDef[];
  /** Why the map holds fewer classes than asked for, or why a target view fell back. */
  notes: Bilingual[];
}

const REDUCED: Record<NonNullable<Classification['reducedBecause']>, Bilingual> = {
  'no-values': { zh: '该年份没有分区数值。', en: 'No district values for this year.' },
  'all-equal': { zh: '各区数值相同，只有一个分级。', en: 'All districts have the same value: one class only.' },
  'few-distinct-values': { zh: '不同数值少于所选分级数，分级已减少。', en: 'Fewer distinct values than classes: fewer classes shown.' },
  'tied-quantiles': { zh: '分位数有重合，分级已减少。', en: 'Tied quantiles: fewer classes shown.' },
};

/** The figure a target is measured against: the latest actual (or computed-from-actuals) value before the target year. */
function currentBefore(db: IndicatorDb, indicatorId: string, scope: string, year: number): IndicatorPoint | undefined {
  const actual = seriesFor(db, indicatorId, scope).filter((p) => p.year < year && matchesKind(p, 'actual-or-derived'));
  const latestYear = Math.max(-Infinity, ...actual.map((p) => p.year));
  return Number.isFinite(latestYear) ? valueFor(db, indicatorId, scope, latestYear, 'actual-or-derived')?.primary : undefined;
}

function storedTarget(db: IndicatorDb, indicatorId: string, scope: string, year: number): IndicatorPoint | undefined {
  return valueFor(db, indicatorId, scope, year, 'target')?.primary;
}

function legendFor(classification: Classification, colours: readonly string[], unit: Bilingual, lang: 'zh' | 'en', signed: boolean): LegendEntry[] {
  const labels = classLabels(classification.breaks, unit, lang, signed);
  return labels.map((label, i) => ({ colour: colours[i]!, label, count: classification.counts[i] ?? 0 }));
}

/**
 * The choropleth for a view. `indicatorId` and `year` are the ones in force (the App resolves
 * link defaults first). Returns undefined for an indicator without district values.
 */
export function choroplethModel(
  db: IndicatorDb,
  view: Pick<ViewState, 'view' | 'target' | 'goal' | 'method' | 'classes' | 'palette' | 'lang'>,
  indicatorId: string,
  year: number,
): ChoroplethModel | undefined {
  const table = districtTable(db, indicatorId, year);
  if (!table) return undefined;
  const { indicator } = table;
  const lang = view.lang;
  const notes: Bilingual[] = [];
  const canTarget = view.view === 'target' && indicator.better !== 'neutral';
  if (view.view === 'target' && !canTarget)
    notes.push({
      zh: '该指标没有优劣方向（如人口规模），无法按目标差距设色，按数值显示。',
      en: 'This indicator has no better direction (e.g. population size): shown by value, not by gap to target.',
    });

  if (canTarget) {
    const cityTarget = storedTarget(db, indicatorId, CITY_SCOPE, year);
    const rows0 = table.rows.map((r) => {
      const current = currentBefore(db, indicatorId, r.adcode, year);
      const own = storedTarget(db, indicatorId, r.adcode, year);
      const goal = view.target ?? (view.goal === 'own' ? own?.value : (cityTarget?.value ?? own?.value));
      if (!current || goal === undefined || current.upper !== undefined || current.comparator !== undefined)
        return { r, current, own, gap: null as number | null };
      // Ahead of target is positive whatever the better direction (palettes.ts), as on the card.
      const gap = aheadOfTarget(indicator.better, current.value, goal);
      return { r, current, own, gap: Number(gap.toPrecision(12)) };
    });
    const target: TargetInForce | undefined =
      view.target !== null
        ? { value: view.target, display: String(view.target), year, scope: 'user' }
        : cityTarget && view.goal === 'city'
          ? { value: cityTarget.value, display: cityTarget.display, year, scope: 'city', source: cityTarget.source }
          : rows0.some((x) => x.own)
            ? { value: null, display: '', year, scope: 'own' }
            : undefined;
    if (target && rows0.some((x) => x.gap !== null)) {
      const classification = divergingBreaks(rows0.map((x) => x.gap), 0, view.classes);
      const colours = classification.classes > 0 ? paletteColors(DIVERGING_PALETTE_ID, classification.classes) : [];
      const rows: ChoroplethRow[] = rows0.map(({ r, current, gap }) => {
        const classIndex = classOf(gap, classification.breaks);
        return {
          adcode: r.adcode,
          name: { zh: r.name, en: r.nameEn },
          mapped: gap,
          mappedText: formatNumber(gap, indicator.unit, lang, { signed: true }),
          point: current,
          classIndex,
          colour: classIndex === null ? NO_DATA_COLOR : colours[classIndex]!,
          kind: current ? current.kind : null,
        };
      });
      const pointsShown = rows.flatMap((r) => (r.point ? [r.point] : []));
      return {
        indicator,
        year,
        mode: 'target',
        rows,
        classification,
        legend: legendFor(classification, colours, indicator.unit, lang, true),
        noData: { colour: NO_DATA_COLOR, label: NO_DATA_LABEL[lang], count: rows.filter((r) => r.mapped === null).length },
        unit: indicator.unit,
        city: table.city,
        target,
        sources: uniqueBy(
          [
            ...pointsShown.flatMap((p) => (p.source ? [p.source] : [])),
            ...(target.source ? [target.source] : []),
            ...(target.scope === 'own' ? rows0.flatMap((x) => x.own?.source ?? []) : []),
          ],
          sourceKey,
        ),
        formulas: [],
        caveats: uniqueBy(pointsShown.flatMap((p) => p.caveats), (c) => c.id),
        notes,
      };
    }
    notes.push({
      zh: `${year}年没有可对照的规划目标或现状值，按数值显示。`,
      en: `No plan target or current value to compare for ${year}: shown by value.`,
    });
  }

  const classification = classify(table.rows.map((r) => r.value), view.method, view.classes);
  const colours = classification.classes > 0 ? paletteColors(view.palette, classification.classes) : [];
  if (classification.reducedBecause) notes.push(REDUCED[classification.reducedBecause]);
  const rows: ChoroplethRow[] = table.rows.map((r) => {
    const classIndex = classOf(r.value, classification.breaks);
    const point = r.resolved?.primary;
    return {
      adcode: r.adcode,
      name: { zh: r.name, en: r.nameEn },
      mapped: r.value,
      mappedText: point ? withUnit(point.display, indicator.unit[lang]) : r.statement ? r.statement.text[lang] : '—',
      point,
      statement: r.statement?.text,
      classIndex,
      colour: classIndex === null ? NO_DATA_COLOR : colours[classIndex]!,
      kind: point ? point.kind : null,
    };
  });
  return {
    indicator,
    year,
    mode: 'value',
    rows,
    classification,
    legend: legendFor(classification, colours, indicator.unit, lang, false),
    noData: { colour: NO_DATA_COLOR, label: NO_DATA_LABEL[lang], count: rows.filter((r) => r.mapped === null).length },
    unit: indicator.unit,
    city: table.city,
    sources: uniqueBy(
      [...table.sources, ...rows.flatMap((r) => (r.point ? inputSources(r.point) : []))],
      sourceKey,
    ),
    formulas: table.formulas.map((f) => ({ zh: f.zh, en: f.en })),
    caveats: table.caveats,
    notes,
  };
}

/** Where the inputs of a computed value come from (e.g. the census count behind 常住人口 in 万人). */
function inputSources(point: IndicatorPoint): ResolvedSource[] {
  return (point.inputs ?? []).flatMap((i) => (i.point?.source ? [i.point.source] : i.point ? inputSources(i.point) : []));
}

/** Fill colour per adcode for the district layer. */
export function fillByAdcode(model: ChoroplethModel | undefined): Record<string, string> {
  if (!model) return {};
  return Object.fromEntries(model.rows.map((r) => [r.adcode, r.colour]));
}

/** The indicator in force: the link's, if mappable, else the first mappable one. */
export function resolveIndicator(items: readonly MappableIndicator[], id: string | null): MappableIndicator | undefined {
  return items.find((i) => i.indicator.id === id) ?? items[0];
}

export { mappableIndicators };

/**
 * The district table of the map as CSV rows: each district's value (in the target view, the value
 * compared with the target), its class on the map, and where the figure comes from.
 */
export function choroplethTableRows(model: ChoroplethModel): DistrictTableRow[] {
  return model.rows.map((r) => {
    const source = r.point?.source;
    const formula = r.point?.formula;
    return {
      adcode: r.adcode,
      name: r.name,
      value: r.point ? r.point.value : null,
      unit: model.unit,
      // A year that is only a filing key (the scenario's coverage) is left out rather than misread.
      year: model.indicator.yearLabel ? null : r.point ? r.point.year : model.year,
      kind: r.point ? r.point.kind : 'actual',
      classIndex: r.classIndex,
      source: source
        ? citeSourceBoth(source)
        : formula
          ? { zh: `${formula.zh}：${formula.expression}`, en: `${formula.en}: ${formula.expression}` }
          : '',
      caveat: r.point && r.point.caveats.length
        ? { zh: r.point.caveats.map((c) => c.text.zh).join('；'), en: r.point.caveats.map((c) => c.text.en).join('; ') }
        : r.statement ?? null,
    };
  });
}
