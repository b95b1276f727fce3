/**
 * The district table of the current indicator as CSV for Excel: UTF-8 with a byte-order
 * mark (without it Excel misreads Chinese), CRLF line ends, RFC 4180 quoting by papaparse,
 * and papaparse's formula-injection guard (text cells starting with = + - @ tab or CR get
 * a leading apostrophe; numbers are written as numbers and left alone).
 */
import Papa from 'papaparse';
import type { Bilingual, Lang } from './url-state.ts';
import { KIND_LABELS, type Kind } from './indicators/index.ts';

export const DISTRICT_TABLE_COLUMNS = ['adcode', 'district', 'value', 'unit', 'year', 'kind', 'class', 'source', 'caveat'] as const;
export type DistrictTableColumn = (typeof DISTRICT_TABLE_COLUMNS)[number];

export type ValueKind = Kind;

/** Text given once (e.g. a Chinese document title) or in both languages. */
export type Text = string | Bilingual;

export interface DistrictTableRow {
  adcode: string;
  name: Text;
  /** null: no data for this district. */
  value: number | null;
  unit: Text | null;
  year: number | null;
  kind: ValueKind;
  /** 0-based class from classOf(); written 1-based. null: no data. */
  classIndex: number | null;
  /** Document and table, e.g. 《江门市卫生健康事业发展“十四五”规划》表 1. */
  source: Text;
  caveat: Text | null;
}

export const COLUMN_HEADERS: Record<DistrictTableColumn, Bilingual> = {
  adcode: { zh: '行政区划代码', en: 'Adcode' },
  district: { zh: '区（市）', en: 'District' },
  value: { zh: '数值', en: 'Value' },
  unit: { zh: '单位', en: 'Unit' },
  year: { zh: '年份', en: 'Year' },
  kind: { zh: '类型', en: 'Kind' },
  class: { zh: '分级（1 = 最低）', en: 'Class (1 = lowest)' },
  source: { zh: '来源', en: 'Source' },
  caveat: { zh: '说明', en: 'Caveat' },
};

const BOM = '\ufeff';

function text(t: Text | null, lang: Lang): string | null {
  if (t === null) return null;
  return typeof t === 'string' ? t : t[lang];
}

function cell(row: DistrictTableRow, column: DistrictTableColumn, lang: Lang): string | number | null {
  switch (column) {
    case 'adcode':
      return row.adcode;
    case 'district':
      return text(row.name, lang);
    case 'value':
      // Up to 12 significant digits: the full figure without floating-point noise.
      return row.value === null || !Number.isFinite(row.value) ? null : Number(row.value.toPrecision(12));
    case 'unit':
      return text(row.unit, lang);
    case 'year':
      return row.year;
    case 'kind':
      return KIND_LABELS[row.kind][lang];
    case 'class':
      return row.classIndex === null ? null : row.classIndex + 1;
    case 'source':
      return text(row.source, lang);
    case 'caveat':
      return text(row.caveat, lang);
  }
}

/** CSV text: byte-order mark, a header row, one row per district, every line ending in CRLF; empty cells for missing values. */
export function districtTableCsv(
  rows: readonly DistrictTableRow[],
  columns: readonly DistrictTableColumn[] = DISTRICT_TABLE_COLUMNS,
  lang: Lang = 'zh',
): string {
  const csv = Papa.unparse(
    {
      fields: columns.map((c) => COLUMN_HEADERS[c][lang]),
      data: rows.map((row) => columns.map((c) => cell(row, c, lang))),
    },
    { newline: '\r\n', escapeFormulae: true },
  );
  // Every record ends with CRLF; papaparse adds one after a header without rows only.
  return BOM + (csv.endsWith('\r\n') ? csv : `${csv}\r\n`);
}

/** A file name for the download: the indicator name and year, without characters Windows forbids. */
export function districtTableFileName(indicatorName: string, year: number | null): string {
  const safe = indicatorName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'indicator';
  return `${safe}${year === null ? '' : `-${year}`}.csv`;
}
