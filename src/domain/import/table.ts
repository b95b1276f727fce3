// Reads a delimited text table (CSV, TSV, …) with papaparse and finds its header row, keeping the
// row numbers a spreadsheet would show, so every message can say "row 17" and mean the row the
// user sees in Excel or WPS.
import Papa from 'papaparse';
import { decodeText, gbkNotice, type ImportInput, type TextEncodingName } from './decode.ts';
import { matchColumns, type ColumnMap, type ColumnRole } from './columns.ts';
import { MAX_IMPORT_ROWS, tooManyRowsIssue } from './limits.ts';
import { issue, type ImportIssue } from './issues.ts';

export interface TableRow {
  /** Row number as a spreadsheet shows it (the file's first line = 1). */
  row: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  /** Spreadsheet row of the header (1 unless title rows precede it). */
  headerRow: number;
  columns: ColumnMap;
  rows: TableRow[];
  encoding: TextEncodingName;
  delimiter: string;
  notices: ImportIssue[];
}

export type TableResult = { ok: true; table: Table } | { ok: false; error: ImportIssue };

/** Title rows tolerated above the header (a sheet title, a date line …). */
const MAX_HEADER_SEARCH_ROWS = 10;
const DELIMITERS = [',', '\t', ';', '|', '，'] as const;

/**
 * The delimiter occurring most often in the first lines. papaparse's own guess needs several rows
 * and gives up on a header plus one row; a count over the first lines does not.
 */
function guessDelimiter(text: string): string {
  const head = text.split(/\r\n|\n|\r/, MAX_HEADER_SEARCH_ROWS + 1).join('\n');
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = head.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * Decodes and parses a table and locates its header: the first of the first rows that has the
 * `required` columns (any one of each group, e.g. [['lon','location'], ['lat','location']]).
 */
export function readTable(
  input: ImportInput,
  fileName: string,
  roles: readonly ColumnRole[],
  required: readonly (readonly ColumnRole[])[],
  describeExpected: { zh: string; en: string },
): TableResult {
  const decoded = decodeText(input, fileName);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const { text, encoding } = decoded;
  if (text.trim() === '') {
    return { ok: false, error: issue('file-empty', `文件“${fileName}”是空的。`, `File "${fileName}" is empty.`) };
  }
  const delimiter = guessDelimiter(text);
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter,
    // Stop early on huge files: header search rows + the row limit + one to detect the excess.
    preview: MAX_HEADER_SEARCH_ROWS + MAX_IMPORT_ROWS + 1,
  });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    return {
      ok: false,
      error: issue(
        'csv-malformed',
        `文件“${fileName}”第 ${row} 行的引号不成对（${quoteError.code === 'MissingQuotes' ? '引号未闭合' : '引号位置不对'}），此行之后的内容无法可靠读取。请检查该行的双引号后再导入。`,
        `File "${fileName}", row ${row}: unbalanced quotes (${quoteError.code === 'MissingQuotes' ? 'a quoted field is never closed' : 'a quote in the wrong place'}), so what follows cannot be read reliably. Fix the double quotes in that row and import again.`,
        { row },
      ),
    };
  }
  const records = parsed.data;

  let headerIndex = -1;
  let columns: ColumnMap = {};
  for (let i = 0; i < Math.min(records.length, MAX_HEADER_SEARCH_ROWS); i++) {
    const cells = records[i]!;
    if (isBlank(cells)) continue;
    const map = matchColumns(cells, roles);
    if (required.every((group) => group.some((role) => map[role] !== undefined))) {
      headerIndex = i;
      columns = map;
      break;
    }
  }
  if (headerIndex < 0) {
    const firstRow = records.find((r) => !isBlank(r)) ?? [];
    const found = firstRow.map((h) => `“${h.trim()}”`).join('、');
    const foundEn = firstRow.map((h) => `"${h.trim()}"`).join(', ');
    return {
      ok: false,
      error: issue(
        'missing-columns',
        `文件“${fileName}”缺少必需的列。需要：${describeExpected.zh}。首行是：${found || '（空）'}。`,
        `File "${fileName}" lacks required columns. Expected: ${describeExpected.en}. The first row has: ${foundEn || '(nothing)'}.`,
      ),
    };
  }

  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i]!;
    if (isBlank(cells)) continue;
    rows.push({ row: i + 1, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, error: tooManyRowsIssue(fileName, 'row') };

  return {
    ok: true,
    table: {
      headers: records[headerIndex]!.map((h) => h.trim()),
      headerRow: headerIndex + 1,
      columns,
      rows,
      encoding,
      delimiter,
      notices: encoding === 'gbk' ? [gbkNotice(fileName)] : [],
    },
  };
}

/** Cell of a role's column, or '' when the role has no column or the row is short. */
export function cell(table: Table, row: TableRow, role: ColumnRole): string {
  const index = table.columns[role];
  return index === undefined ? '' : (row.cells[index] ?? '');
}

/**
 * A row with more filled cells than the header has columns: usually an unquoted comma inside a
 * name, which shifts every later value, so the row cannot be trusted.
 */
export function extraCellsIssue(table: Table, row: TableRow): ImportIssue | null {
  if (row.cells.length <= table.headers.length) return null;
  const extra = row.cells.slice(table.headers.length);
  if (extra.every((c) => c.trim() === '')) return null;
  return issue(
    'row-field-count',
    `第 ${row.row} 行有 ${row.cells.length} 个字段，表头只有 ${table.headers.length} 列——多半是名称中含有未加引号的逗号。此行已跳过；请给含逗号的内容加上双引号。`,
    `Row ${row.row} has ${row.cells.length} fields but the header has ${table.headers.length} columns — most likely an unquoted comma in a name. The row was skipped; put double quotes around values that contain commas.`,
    { row: row.row },
  );
}

/** Splits a combined "lon,lat" cell (Amap's `location` format, also "lon lat" or "lon;lat"). */
export function splitLocation(value: string): [string, string] | null {
  const parts = value
    .normalize('NFKC')
    .trim()
    .split(/\s*[,;\s]\s*/)
    .filter((p) => p !== '');
  return parts.length === 2 ? [parts[0]!, parts[1]!] : null;
}
