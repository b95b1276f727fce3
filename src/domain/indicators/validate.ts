import type { z } from 'zod';
import { DISTRICTS } from '../districts.ts';
import { CITY_SCOPE, normaliseScope } from './names.ts';
import {
  catalogueFileSchema,
  valuesFileSchema,
  type AreaDef,
  type CaveatDef,
  type CatalogueFile,
  type DocumentDef,
  type DomainDef,
  type IndicatorDef,
  type SourceRef,
  type StatementEntry,
  type ValueEntry,
} from './schema.ts';

/** A data file as loaded: its name (shown in errors) and its parsed JSON. */
export interface IndicatorFile {
  name: string;
  json: unknown;
}

export interface IndicatorDataIssue {
  file: string;
  /** Which entry, e.g. `values[12] (beds_per_1000 · 440703 · 2020)`. */
  entry: string;
  message: string;
}

/** Thrown when a data file is broken; the message names the file and the entry. */
export class IndicatorDataError extends Error {
  readonly issues: readonly IndicatorDataIssue[];
  constructor(issues: IndicatorDataIssue[]) {
    const shown = issues.slice(0, 20).map((i) => `${i.file}: ${i.entry}: ${i.message}`);
    if (issues.length > shown.length) shown.push(`… and ${issues.length - shown.length} more`);
    super(shown.join('\n'));
    this.name = 'IndicatorDataError';
    this.issues = issues;
  }
}

export interface StoredValue extends ValueEntry {
  /** Data file the entry came from. */
  file: string;
}
export interface StoredStatement extends StatementEntry {
  file: string;
}

/** Everything in the data files, checked and typed. */
export interface IndicatorData {
  documents: DocumentDef[];
  domains: DomainDef[];
  caveats: CaveatDef[];
  areas: AreaDef[];
  documentPreference: string[];
  indicators: IndicatorDef[];
  values: StoredValue[];
  statements: StoredStatement[];
  files: string[];
}

const ADCODES = new Set<string>(DISTRICTS.map((d) => d.adcode));

function describe(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  const [list, index] = path;
  if (typeof list !== 'string') return String(list);
  if (typeof index !== 'number') return list;
  const item = (raw as Record<string, unknown[]> | null)?.[list]?.[index] as Record<string, unknown> | undefined;
  const label =
    item && typeof item === 'object'
      ? typeof item.id === 'string'
        ? JSON.stringify(item.id)
        : ['indicator', 'scope', 'year']
            .map((k) => item[k])
            .filter((v) => v !== undefined)
            .map(String)
            .join(' · ')
      : '';
  return label ? `${list}[${index}] (${label})` : `${list}[${index}]`;
}

function zodIssues(file: string, raw: unknown, error: z.ZodError): IndicatorDataIssue[] {
  return error.issues.map((issue) => {
    const entry = describe(raw, issue.path);
    const field = issue.path.slice(2).map(String).join('.');
    return { file, entry, message: field ? `${field}: ${issue.message}` : issue.message };
  });
}

function duplicates<T>(items: readonly T[], key: (t: T) => string): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) dup.add(k);
    seen.add(k);
  }
  return [...dup];
}

/** Checks a source reference against the document list: known document, its seed file, lines inside it. */
function checkSource(source: SourceRef, documents: ReadonlyMap<string, DocumentDef>): string | undefined {
  const doc = documents.get(source.document);
  if (!doc) return `unknown document "${source.document}"`;
  if (doc.seedFile) {
    if (source.seedFile !== doc.seedFile)
      return `source.seedFile must be "${doc.seedFile}" for document "${doc.id}" (got ${JSON.stringify(source.seedFile)})`;
    if (!source.lines) return `source.lines missing: document "${doc.id}" is a seed text, cite its lines`;
    if (doc.lines && (source.lines[0] < doc.lines[0] || source.lines[1] > doc.lines[1]))
      return `source.lines ${source.lines.join('–')} fall outside document "${doc.id}" (lines ${doc.lines.join('–')})`;
  } else if (source.seedFile || source.lines) {
    return `document "${doc.id}" is not a seed text: cite its table, not seed lines`;
  }
  return undefined;
}

function checkCatalogue(file: string, cat: CatalogueFile): IndicatorDataIssue[] {
  const issues: IndicatorDataIssue[] = [];
  const add = (entry: string, message: string) => issues.push({ file, entry, message });
  for (const [list, items] of [
    ['documents', cat.documents],
    ['domains', cat.domains],
    ['caveats', cat.caveats],
    ['areas', cat.areas],
    ['indicators', cat.indicators],
  ] as const) {
    for (const id of duplicates(items as readonly { id: string }[], (i) => i.id)) add(list, `duplicate id "${id}"`);
  }
  const documents = new Map(cat.documents.map((d) => [d.id, d]));
  const domains = new Set(cat.domains.map((d) => d.id));
  const caveats = new Set(cat.caveats.map((c) => c.id));
  cat.documentPreference.forEach((id, i) => {
    if (!documents.has(id)) add(`documentPreference[${i}]`, `unknown document "${id}"`);
  });
  cat.caveats.forEach((c, i) => {
    const problem = c.source && checkSource(c.source, documents);
    if (problem) add(`caveats[${i}] ("${c.id}")`, problem);
  });
  cat.areas.forEach((a, i) => {
    const entry = `areas[${i}] ("${a.id}")`;
    if (a.id === CITY_SCOPE || ADCODES.has(a.id)) add(entry, `area id "${a.id}" clashes with a city or district scope`);
    for (const m of a.members) if (!ADCODES.has(m.adcode)) add(entry, `unknown adcode "${m.adcode}" in members`);
    const problem = checkSource(a.source, documents);
    if (problem) add(entry, problem);
  });
  cat.indicators.forEach((ind, i) => {
    const entry = `indicators[${i}] ("${ind.id}")`;
    if (!domains.has(ind.domain)) add(entry, `unknown domain "${ind.domain}"`);
    for (const c of ind.caveats) if (!caveats.has(c)) add(entry, `unknown caveat "${c}"`);
    if (ind.derived && ind.sources.length > 0) add(entry, 'a derived indicator is computed in code and lists no sources');
    if (!ind.derived && ind.sources.length === 0) add(entry, 'no sources: say where the indicator is printed');
    ind.sources.forEach((s, j) => {
      const problem = checkSource(s, documents);
      if (problem) add(entry, `sources[${j}]: ${problem}`);
    });
  });
  return issues;
}

function scopeProblem(scope: string, areas: ReadonlySet<string>): string | undefined {
  if (scope === CITY_SCOPE || ADCODES.has(scope) || areas.has(scope)) return undefined;
  const normalised = normaliseScope(scope);
  if (normalised) return `scope "${scope}" is a name; store its code "${normalised}"`;
  if (/^\d{6}$/.test(scope)) return `unknown adcode "${scope}" (not one of Jiangmen's seven districts)`;
  return `unknown scope "${scope}": use a district adcode, "city" or a catalogue area id`;
}

/**
 * Validates the catalogue and the value files together. Returns typed data, or throws an
 * IndicatorDataError whose message names the file and the entry of every problem found.
 */
export function validateIndicatorFiles(catalogueFile: IndicatorFile, valueFiles: readonly IndicatorFile[]): IndicatorData {
  const parsed = catalogueFileSchema.safeParse(catalogueFile.json);
  if (!parsed.success) throw new IndicatorDataError(zodIssues(catalogueFile.name, catalogueFile.json, parsed.error));
  const cat = parsed.data;
  const issues = checkCatalogue(catalogueFile.name, cat);

  const documents = new Map(cat.documents.map((d) => [d.id, d]));
  const indicators = new Map(cat.indicators.map((d) => [d.id, d]));
  const areas = new Set(cat.areas.map((a) => a.id));
  const caveats = new Set(cat.caveats.map((c) => c.id));
  const values: StoredValue[] = [];
  const statements: StoredStatement[] = [];
  const seen = new Map<string, string>();

  for (const vf of valueFiles) {
    const result = valuesFileSchema.safeParse(vf.json);
    if (!result.success) {
      issues.push(...zodIssues(vf.name, vf.json, result.error));
      continue;
    }
    const file = result.data;
    if (!documents.has(file.document))
      issues.push({ file: vf.name, entry: 'document', message: `unknown document "${file.document}"` });
    const check = (list: 'values' | 'statements', entries: readonly (ValueEntry | StatementEntry)[]) =>
      entries.forEach((e, i) => {
        const entry = `${list}[${i}] (${e.indicator} · ${e.scope} · ${e.year})`;
        const add = (message: string) => issues.push({ file: vf.name, entry, message });
        const ind = indicators.get(e.indicator);
        if (!ind) add(`unknown indicator id "${e.indicator}"`);
        else if (ind.derived) add(`"${e.indicator}" is a derived indicator: it is computed, never stored`);
        const scope = scopeProblem(e.scope, areas);
        if (scope) add(scope);
        if (e.source.document !== file.document)
          add(`source.document "${e.source.document}" differs from the file's document "${file.document}"`);
        const source = checkSource(e.source, documents);
        if (source) add(source);
        if (ind && !ind.sources.some((s) => s.document === e.source.document && s.table === e.source.table))
          add(`the catalogue lists no source "${e.source.table}" of "${e.source.document}" for indicator "${e.indicator}"`);
        for (const c of e.caveats) if (!caveats.has(c)) add(`unknown caveat "${c}"`);
        if (e.period && (e.period[0] > e.period[1] || e.period[1] !== e.year))
          add(`period ${e.period.join('–')} must run up to the entry's year ${e.year}`);
        if ('upper' in e && e.upper !== undefined && e.upper <= e.value) add(`upper ${e.upper} must exceed value ${e.value}`);
        // The same figure from the same document twice is a copy error; different figures are a conflict and are kept.
        const what = 'value' in e ? `value ${e.value}` : `text "${e.text}"`;
        const key = [e.indicator, e.scope, e.year, e.kind, e.source.document, what].join('|');
        const first = seen.get(key);
        if (first) add(`duplicate of ${first}: same indicator, scope, year, kind, document and ${what}`);
        else seen.set(key, `${vf.name} ${entry}`);
      });
    check('values', file.values);
    check('statements', file.statements);
    values.push(...file.values.map((v) => ({ ...v, file: vf.name })));
    statements.push(...file.statements.map((s) => ({ ...s, file: vf.name })));
  }
  if (issues.length > 0) throw new IndicatorDataError(issues);
  return {
    documents: cat.documents,
    domains: cat.domains,
    caveats: cat.caveats,
    areas: cat.areas,
    documentPreference: cat.documentPreference,
    indicators: cat.indicators,
    values,
    statements,
    files: [catalogueFile.name, ...valueFiles.map((f) => f.name)],
  };
}
