// Problems found while reading a user's file, each with a stable code, where it is (row / feature /
// field) and a message in Chinese and English that the UI shows as plain text.

export interface ImportIssue {
  /** Stable identifier, e.g. 'coordinate-not-numeric'; see ISSUE_CODES. */
  code: IssueCode;
  /** CSV: row as numbered in a spreadsheet (header = row 1, first data row = 2). */
  row?: number;
  /** GeoJSON: 1-based position of the feature in the file. */
  feature?: number;
  /** Column (as written in the file) or property the problem is in. */
  field?: string;
  message: { zh: string; en: string };
}

/** Every code an import can report. Whole-file errors reject the file; row codes skip or flag a row. */
export const ISSUE_CODES = [
  // whole file
  'file-too-large',
  'too-many-rows',
  'file-empty',
  'encoding-unreadable',
  'csv-malformed',
  'json-malformed',
  'geojson-not-supported',
  'missing-columns',
  'no-usable-rows',
  // file-level warnings
  'encoding-gbk',
  'crs-suspect',
  'geojson-crs-member',
  'category-column-missing',
  'more-rows-with-issue',
  // row level: skipped
  'coordinate-missing',
  'coordinate-not-numeric',
  'coordinate-out-of-range',
  'coordinates-swapped',
  'coordinates-projected',
  'outside-jiangmen',
  'category-unknown',
  'geometry-not-point',
  'population-missing',
  'population-invalid',
  // row level: kept, flagged
  'category-defaulted',
  'name-empty',
  'name-markup',
  'row-field-count',
  'duplicate',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** Row issues of one code listed individually before the rest are summed up in one message. */
export const MAX_LISTED_ROWS_PER_CODE = 50;

export function issue(
  code: IssueCode,
  zh: string,
  en: string,
  where: { row?: number; feature?: number; field?: string } = {},
): ImportIssue {
  return { code, ...where, message: { zh, en } };
}

/** "第 5 行" / "row 5", or the feature equivalent. */
export function placeOf(where: { row?: number; feature?: number }): { zh: string; en: string } {
  if (where.row !== undefined) return { zh: `第 ${where.row} 行`, en: `Row ${where.row}` };
  if (where.feature !== undefined) return { zh: `第 ${where.feature} 个要素`, en: `Feature ${where.feature}` };
  return { zh: '', en: '' };
}

/** "1 row" / "3 rows" */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

/** A list of row numbers, shortened: "2, 5, 9 … (+120)". */
export function listNumbers(numbers: readonly number[], max = 10): string {
  const shown = numbers.slice(0, max).join(', ');
  return numbers.length > max ? `${shown} … (+${numbers.length - max})` : shown;
}

/**
 * Collects issues; a code that hits many rows is listed for the first MAX_LISTED_ROWS_PER_CODE rows
 * and then summed up once, so a file with 100,000 bad rows gives a readable list, not 100,000 lines.
 */
export class IssueCollector {
  private readonly listed: ImportIssue[] = [];
  private readonly overflow = new Map<IssueCode, number[]>();
  private readonly counts = new Map<IssueCode, number>();

  add(item: ImportIssue): void {
    const n = (this.counts.get(item.code) ?? 0) + 1;
    this.counts.set(item.code, n);
    if (n <= MAX_LISTED_ROWS_PER_CODE || (item.row === undefined && item.feature === undefined)) {
      this.listed.push(item);
      return;
    }
    const rows = this.overflow.get(item.code) ?? [];
    rows.push(item.row ?? item.feature ?? 0);
    this.overflow.set(item.code, rows);
  }

  count(code: IssueCode): number {
    return this.counts.get(code) ?? 0;
  }

  get size(): number {
    return this.listed.length;
  }

  /** All issues, with one summary per code whose rows went past the listing limit. */
  issues(unit: 'row' | 'feature' = 'row'): ImportIssue[] {
    const out = [...this.listed];
    for (const [code, rows] of this.overflow) {
      const zhUnit = unit === 'row' ? '行' : '个要素';
      out.push(
        issue(
          'more-rows-with-issue',
          `另有 ${rows.length} ${zhUnit}存在同类问题（${code}）：${listNumbers(rows)}`,
          `${countOf(rows.length, `more ${unit}`)} ${rows.length === 1 ? 'has' : 'have'} the same problem (${code}): ${listNumbers(rows)}`,
        ),
      );
    }
    return out;
  }
}
