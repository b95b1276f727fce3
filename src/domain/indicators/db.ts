import { deriveAll } from './derive.ts';
import { displayValue, toleranceOf } from './format.ts';
import type {
  AreaDef,
  Bilingual,
  CaveatDef,
  Comparator,
  DocumentDef,
  DomainDef,
  IndicatorDef,
  Kind,
  SourceRef,
  Status,
} from './schema.ts';
import type { IndicatorData, StoredStatement, StoredValue } from './validate.ts';

/** Where a stored figure was read, with everything a card shows about it. */
export interface ResolvedSource extends SourceRef {
  documentTitle: Bilingual;
  /** The plan's own name for the indicator in this table. */
  printedName?: string;
  /** 约束性 / 预期性 / 指导性, where the table gives one. */
  status?: Status;
  printedUnit?: string;
  /** File of data/indicators/ the entry is stored in. */
  file: string;
}

export interface Formula {
  zh: string;
  en: string;
  /** The arithmetic with the actual numbers, e.g. "8495 ÷ (74.96 × 10000) × 1000 = 11.33". */
  expression: string;
}

/** One input of a computed value: an indicator value (with its own source) or another figure such as an area. */
export interface DerivedInput {
  label: Bilingual;
  value: number;
  unit: Bilingual;
  point?: IndicatorPoint;
  /** Where a non-indicator input comes from, e.g. the district boundary file. */
  origin?: Bilingual;
}

/** A value as the UI shows it: stored (with source) or derived (with formula and inputs). */
export interface IndicatorPoint {
  /** Stable key (for lists and links). */
  id: string;
  indicator: string;
  scope: string;
  year: number;
  kind: Kind;
  value: number;
  upper?: number;
  comparator?: Comparator;
  printed?: string;
  /** Span of a cumulative or plan-period figure. */
  period?: [number, number];
  /** Ready-to-show text: "≥55", "600–700", "5.20". */
  display: string;
  /** How far the value may be off through rounding alone. */
  tolerance: number;
  source?: ResolvedSource;
  formula?: Formula;
  inputs?: DerivedInput[];
  /** For derived values: computed from actual figures or from plan targets. */
  basis?: 'actual' | 'target';
  caveats: CaveatDef[];
  /** Notes and visible corrections (quoting the original), in display order. */
  notes: Bilingual[];
}

/** A figure the plan gives in words only ("完成省下达任务", "—"). */
export interface StatementPoint {
  id: string;
  indicator: string;
  scope: string;
  year: number;
  kind: 'actual' | 'target';
  text: Bilingual;
  period?: [number, number];
  source: ResolvedSource;
  caveats: CaveatDef[];
  notes: Bilingual[];
}

export interface IndicatorDb {
  data: IndicatorData;
  indicators: ReadonlyMap<string, IndicatorDef>;
  documents: ReadonlyMap<string, DocumentDef>;
  domains: ReadonlyMap<string, DomainDef>;
  areas: ReadonlyMap<string, AreaDef>;
  caveats: ReadonlyMap<string, CaveatDef>;
  /** Every value of an indicator, stored and derived, sorted by year, kind and document preference. */
  points: ReadonlyMap<string, readonly IndicatorPoint[]>;
  statements: ReadonlyMap<string, readonly StatementPoint[]>;
  /** Position of a document in the preference order (lower is shown first). */
  documentRank(documentId: string | undefined): number;
}

/** A value computed outside this module (e.g. 15-minute coverage), shown like any derived value. */
export interface ExternalValue {
  indicator: string;
  scope: string;
  year: number;
  value: number;
  formula: Formula;
  inputs?: DerivedInput[];
  basis?: 'actual' | 'target';
  notes?: Bilingual[];
}
export interface ExternalValues {
  /** Catalogue entries for indicators the catalogue does not have (mark them derived). */
  indicators?: IndicatorDef[];
  values: ExternalValue[];
}

export interface BuildOptions {
  /** District areas in km² from the boundary polygons; density is computed only when given. */
  areasKm2?: Readonly<Partial<Record<string, number>>>;
  /** Where the areas come from, shown with the density formula. */
  areaOrigin?: Bilingual;
  external?: ExternalValues;
}

const KIND_ORDER: Record<Kind, number> = { actual: 0, target: 1, derived: 2 };

/** Mutable collection the derivation steps add to; see derive.ts. */
export interface PointStore {
  readonly db: IndicatorDb;
  add(point: IndicatorPoint): void;
  /** All points of an indicator at a scope and year, best first. */
  at(indicator: string, scope: string, year: number): IndicatorPoint[];
  statementsAt(indicator: string, scope: string, year: number): StatementPoint[];
  years(indicator: string, scope: string): number[];
}

export function sortPoints(db: Pick<IndicatorDb, 'documentRank'>, points: IndicatorPoint[]): IndicatorPoint[] {
  return points.sort(
    (a, b) =>
      a.year - b.year ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      db.documentRank(a.source?.document) - db.documentRank(b.source?.document) ||
      (a.source?.lines?.[0] ?? 0) - (b.source?.lines?.[0] ?? 0),
  );
}

function resolveSource(
  source: SourceRef,
  file: string,
  indicator: IndicatorDef | undefined,
  documents: ReadonlyMap<string, DocumentDef>,
): { resolved: ResolvedSource; correction?: Bilingual } {
  const doc = documents.get(source.document);
  const listed = indicator?.sources.find((s) => s.document === source.document && s.table === source.table);
  return {
    resolved: {
      ...source,
      documentTitle: { zh: doc?.titleZh ?? source.document, en: doc?.titleEn ?? source.document },
      printedName: listed?.printedName,
      status: listed?.status,
      printedUnit: listed?.printedUnit,
      file,
    },
    correction: listed?.correction,
  };
}

function storedPoint(v: StoredValue, index: number, db: IndicatorDb): IndicatorPoint {
  const indicator = db.indicators.get(v.indicator);
  const { resolved, correction } = resolveSource(v.source, v.file, indicator, db.documents);
  const caveatIds = [...(indicator?.caveats ?? []), ...v.caveats];
  return {
    id: `${v.file}#values[${index}]`,
    indicator: v.indicator,
    scope: v.scope,
    year: v.year,
    kind: v.kind,
    value: v.value,
    upper: v.upper,
    comparator: v.comparator,
    printed: v.printed,
    period: v.period,
    display: displayValue(v, indicator?.decimals),
    tolerance: toleranceOf(v),
    source: resolved,
    caveats: caveatIds.flatMap((c) => db.caveats.get(c) ?? []),
    notes: [v.correction, correction, v.note].filter((n): n is Bilingual => n !== undefined),
  };
}

function statementPoint(s: StoredStatement, index: number, db: IndicatorDb): StatementPoint {
  const indicator = db.indicators.get(s.indicator);
  const { resolved, correction } = resolveSource(s.source, s.file, indicator, db.documents);
  const caveatIds = [...(indicator?.caveats ?? []), ...s.caveats];
  return {
    id: `${s.file}#statements[${index}]`,
    indicator: s.indicator,
    scope: s.scope,
    year: s.year,
    kind: s.kind,
    text: { zh: s.text, en: s.textEn },
    period: s.period,
    source: resolved,
    caveats: caveatIds.flatMap((c) => db.caveats.get(c) ?? []),
    notes: [correction, s.note].filter((n): n is Bilingual => n !== undefined),
  };
}

const key = (indicator: string, scope: string, year: number) => `${indicator}|${scope}|${year}`;

/**
 * Builds the queryable indicator database from validated data: resolves sources, caveats and
 * corrections onto every value, then computes the derived indicators (derive.ts).
 */
export function buildIndicatorDb(data: IndicatorData, options: BuildOptions = {}): IndicatorDb {
  const rank = new Map(data.documentPreference.map((d, i) => [d, i]));
  const indicatorDefs = [...data.indicators, ...(options.external?.indicators ?? [])];
  const points = new Map<string, IndicatorPoint[]>();
  const statements = new Map<string, StatementPoint[]>();
  const db: IndicatorDb = {
    data,
    indicators: new Map(indicatorDefs.map((i) => [i.id, i])),
    documents: new Map(data.documents.map((d) => [d.id, d])),
    domains: new Map(data.domains.map((d) => [d.id, d])),
    areas: new Map(data.areas.map((a) => [a.id, a])),
    caveats: new Map(data.caveats.map((c) => [c.id, c])),
    points,
    statements,
    documentRank: (id) => (id === undefined ? rank.size + 1 : (rank.get(id) ?? rank.size)),
  };

  const byKey = new Map<string, IndicatorPoint[]>();
  const statementsByKey = new Map<string, StatementPoint[]>();
  const store: PointStore = {
    db,
    add(point) {
      const list = points.get(point.indicator) ?? [];
      list.push(point);
      points.set(point.indicator, list);
      const k = key(point.indicator, point.scope, point.year);
      byKey.set(k, sortPoints(db, [...(byKey.get(k) ?? []), point]));
    },
    at: (indicator, scope, year) => byKey.get(key(indicator, scope, year)) ?? [],
    statementsAt: (indicator, scope, year) => statementsByKey.get(key(indicator, scope, year)) ?? [],
    years: (indicator, scope) => [
      ...new Set((points.get(indicator) ?? []).filter((p) => p.scope === scope).map((p) => p.year)),
    ].sort((a, b) => a - b),
  };

  data.values.forEach((v, i) => store.add(storedPoint(v, i, db)));
  data.statements.forEach((s, i) => {
    const point = statementPoint(s, i, db);
    statements.set(s.indicator, [...(statements.get(s.indicator) ?? []), point]);
    const k = key(s.indicator, s.scope, s.year);
    statementsByKey.set(k, [...(statementsByKey.get(k) ?? []), point]);
  });
  deriveAll(store, options);
  for (const ext of options.external?.values ?? []) {
    const indicator = db.indicators.get(ext.indicator);
    store.add({
      id: `external:${ext.indicator}:${ext.scope}:${ext.year}`,
      indicator: ext.indicator,
      scope: ext.scope,
      year: ext.year,
      kind: 'derived',
      value: ext.value,
      display: displayValue({ value: ext.value }, indicator?.decimals),
      tolerance: 0,
      formula: ext.formula,
      inputs: ext.inputs,
      basis: ext.basis ?? 'actual',
      caveats: (indicator?.caveats ?? []).flatMap((c) => db.caveats.get(c) ?? []),
      notes: ext.notes ?? [],
    });
  }
  for (const list of points.values()) sortPoints(db, list);
  for (const list of statements.values()) list.sort((a, b) => a.year - b.year);
  return db;
}
