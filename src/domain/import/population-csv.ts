// A population model supplied by the user: points or grid-cell centres with a head count (CSV lon,
// lat, population), replacing the default of each district's census population spread evenly.
import type { CrsId } from '../crs.ts';
import { crsHintIssue, readPoint } from './coordinates.ts';
import { describeAliases } from './columns.ts';
import type { ImportInput } from './decode.ts';
import { issue, type ImportIssue } from './issues.ts';
import type { ImportStats } from './row-log.ts';
import { RowLog } from './row-log.ts';
import { cell, extraCellsIssue, readTable, splitLocation } from './table.ts';

export interface PopulationPoint {
  /** WGS84 */
  lon: number;
  lat: number;
  /** Persons (not necessarily an integer: model estimates are fractional). */
  population: number;
  sourceRow: number;
}

export interface PopulationImportOptions {
  crs: CrsId;
  fileName: string;
}

export type PopulationImportResult =
  | { ok: true; points: PopulationPoint[]; warnings: ImportIssue[]; stats: ImportStats }
  | { ok: false; errors: ImportIssue[]; stats?: ImportStats };

const EXPECTED = {
  zh: `经度列（${describeAliases('lon')}）、纬度列（${describeAliases('lat')}）或“经度,纬度”合并列（${describeAliases('location')}），以及人口列（${describeAliases('population')}）`,
  en: `longitude (${describeAliases('lon')}) and latitude (${describeAliases('lat')}) columns or one combined "lon,lat" column (${describeAliases('location')}), and a population column (${describeAliases('population')})`,
};

type CountResult = { ok: true; value: number } | { ok: false; reason: 'missing' | 'invalid' };

/** "12,345", "12 345", "1.2万" → a number of persons. */
export function parsePopulation(raw: string): CountResult {
  const text = raw.normalize('NFKC').trim().replace(/[,\s]/g, '');
  if (text === '') return { ok: false, reason: 'missing' };
  const match = /^(\d+\.?\d*|\.\d+)(万)?(人)?$/.exec(text);
  if (!match) return { ok: false, reason: 'invalid' };
  const value = Number(match[1]) * (match[2] ? 10_000 : 1);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'invalid' };
}

export function parsePopulationCsv(input: ImportInput, options: PopulationImportOptions): PopulationImportResult {
  const read = readTable(input, options.fileName, ['lon', 'lat', 'location', 'population'], [['lon', 'location'], ['lat', 'location'], ['population']], EXPECTED);
  if (!read.ok) return { ok: false, errors: [read.error] };
  const { table } = read;
  const log = new RowLog('row');
  for (const notice of table.notices) log.fileIssue(notice);
  const header = (role: 'lon' | 'lat' | 'location' | 'population') => {
    const index = table.columns[role];
    return index === undefined ? undefined : table.headers[index];
  };
  const useLocation = table.columns.lon === undefined || table.columns.lat === undefined;
  const fields = useLocation ? { lon: header('location')!, lat: header('location')! } : { lon: header('lon')!, lat: header('lat')! };
  const populationField = header('population')!;

  const points: PopulationPoint[] = [];
  let firstPoint: [number, number] | undefined;
  for (const row of table.rows) {
    const where = { row: row.row };
    const extra = extraCellsIssue(table, row);
    if (extra) {
      log.skip(where, extra);
      continue;
    }
    let rawLon = cell(table, row, 'lon');
    let rawLat = cell(table, row, 'lat');
    if (useLocation) {
      const parts = splitLocation(cell(table, row, 'location'));
      [rawLon, rawLat] = parts ?? ['', ''];
    }
    const point = readPoint(rawLon, rawLat, options.crs, where, fields);
    if (!point.ok) {
      log.skip(where, point.issue, point.raw);
      continue;
    }
    const rawPopulation = cell(table, row, 'population');
    const count = parsePopulation(rawPopulation);
    if (!count.ok) {
      log.skip(
        where,
        count.reason === 'missing'
          ? issue('population-missing', `第 ${row.row} 行：人口（列“${populationField}”）为空。`, `Row ${row.row}: the population (column "${populationField}") is empty.`, {
              ...where,
              field: populationField,
            })
          : issue(
              'population-invalid',
              `第 ${row.row} 行：人口“${rawPopulation.slice(0, 40)}”不是非负数。`,
              `Row ${row.row}: the population "${rawPopulation.slice(0, 40)}" is not a non-negative number.`,
              { ...where, field: populationField },
            ),
      );
      continue;
    }
    firstPoint ??= [point.lon, point.lat];
    log.keep();
    points.push({ lon: point.lon, lat: point.lat, population: count.value, sourceRow: row.row });
  }
  log.fileIssue(crsHintIssue(options.fileName, table.headers, options.crs, firstPoint));
  const verdict = log.verdict(options.fileName, options.crs, table.encoding, { delimiter: table.delimiter, headerRow: table.headerRow });
  return verdict.ok ? { ok: true, points, warnings: verdict.warnings, stats: verdict.stats } : verdict;
}
