// Facility tables: name, category, lon, lat (or a combined location column), any spelling of the
// headers, UTF-8 / GBK / UTF-16, comma / tab / semicolon delimited.
import { CATEGORY_CATALOGUE, categoryById } from '../facility-categories.ts';
import { crsHintIssue, readPoint } from './coordinates.ts';
import { describeAliases } from './columns.ts';
import type { ImportInput } from './decode.ts';
import { issue } from './issues.ts';
import { cell, extraCellsIssue, readTable, splitLocation } from './table.ts';
import { checkDefaultCategory, FacilityRows, type FacilityImportOptions, type FacilityImportResult } from './facility-rows.ts';

const EXPECTED = {
  zh: `经度列（${describeAliases('lon')}）和纬度列（${describeAliases('lat')}），或一个“经度,纬度”合并列（${describeAliases('location')}）；可选名称列（${describeAliases('name')}）和类别列（${describeAliases('category')}）`,
  en: `a longitude column (${describeAliases('lon')}) and a latitude column (${describeAliases('lat')}), or one combined "lon,lat" column (${describeAliases('location')}); optionally name (${describeAliases('name')}) and category (${describeAliases('category')})`,
};

export function parseFacilitiesCsv(input: ImportInput, options: FacilityImportOptions): FacilityImportResult {
  const badDefault = checkDefaultCategory(options);
  if (badDefault) return { ok: false, errors: [badDefault] };

  const read = readTable(input, options.fileName, ['name', 'category', 'lon', 'lat', 'location'], [['lon', 'location'], ['lat', 'location']], EXPECTED);
  if (!read.ok) return { ok: false, errors: [read.error] };
  const { table } = read;
  const rows = new FacilityRows(options, 'row');
  for (const notice of table.notices) rows.log.fileIssue(notice);

  const header = (role: 'name' | 'category' | 'lon' | 'lat' | 'location') => {
    const index = table.columns[role];
    return index === undefined ? undefined : table.headers[index];
  };
  const useLocation = table.columns.lon === undefined || table.columns.lat === undefined;
  const fields = useLocation
    ? { lon: header('location')!, lat: header('location')! }
    : { lon: header('lon')!, lat: header('lat')! };

  if (table.columns.category === undefined) {
    if (!options.defaultCategory) {
      return {
        ok: false,
        errors: [
          issue(
            'missing-columns',
            `文件“${options.fileName}”没有类别列（${describeAliases('category')}）。请加上类别列，或在导入时为整个文件选择一个类别。`,
            `File "${options.fileName}" has no category column (${describeAliases('category')}). Add one, or choose one category for the whole file when importing.`,
          ),
        ],
      };
    }
    const name = categoryById(options.defaultCategory, options.catalogue ?? CATEGORY_CATALOGUE)!.name;
    rows.log.fileIssue(
      issue(
        'category-column-missing',
        `文件没有类别列，全部按所选类别“${name.zh}”导入。`,
        `The file has no category column; every row is imported as the chosen category "${name.en}".`,
      ),
    );
  }

  if (table.columns.name === undefined) {
    rows.log.fileIssue(
      issue(
        'name-empty',
        `文件没有名称列（${describeAliases('name')}），设施将显示为“未命名”。`,
        `The file has no name column (${describeAliases('name')}); facilities will be shown as "unnamed".`,
      ),
    );
  }

  let firstPoint: [number, number] | undefined;
  for (const row of table.rows) {
    const where = { row: row.row };
    const extra = extraCellsIssue(table, row);
    if (extra) {
      rows.log.skip(where, extra);
      continue;
    }
    let rawLon: string;
    let rawLat: string;
    if (useLocation) {
      const value = cell(table, row, 'location');
      const parts = splitLocation(value);
      if (!parts) {
        rows.log.skip(
          where,
          value.trim() === ''
            ? issue('coordinate-missing', `第 ${row.row} 行：坐标（列“${fields.lon}”）为空。`, `Row ${row.row}: the location (column "${fields.lon}") is empty.`, { ...where, field: fields.lon })
            : issue(
                'coordinate-not-numeric',
                `第 ${row.row} 行：坐标“${value.slice(0, 40)}”不是“经度,纬度”格式。`,
                `Row ${row.row}: the location "${value.slice(0, 40)}" is not in "lon,lat" form.`,
                { ...where, field: fields.lon },
              ),
        );
        continue;
      }
      [rawLon, rawLat] = parts;
    } else {
      rawLon = cell(table, row, 'lon');
      rawLat = cell(table, row, 'lat');
    }
    const point = readPoint(rawLon, rawLat, options.crs, where, fields);
    if (!point.ok) {
      rows.log.skip(where, point.issue, point.raw);
      continue;
    }
    firstPoint ??= [point.lon, point.lat];
    rows.add(where, point, cell(table, row, 'name'), table.columns.category === undefined ? undefined : cell(table, row, 'category'), {
      name: header('name'),
      category: header('category'),
    });
  }
  rows.log.fileIssue(crsHintIssue(options.fileName, table.headers, options.crs, firstPoint));
  return rows.result(table.encoding, { delimiter: table.delimiter, headerRow: table.headerRow });
}
