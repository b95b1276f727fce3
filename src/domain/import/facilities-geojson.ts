// Facility points from GeoJSON: a FeatureCollection (or one Feature, or a bare geometry) of Point
// and MultiPoint features, with name/名称 and category/类别 properties. RFC 7946 says WGS84, but
// files exported from Chinese web maps are often GCJ-02 or BD-09, so the user's choice applies.
import { CRS_LABELS } from '../crs.ts';
import { crsHintIssue, readPoint } from './coordinates.ts';
import { propertyFor } from './columns.ts';
import { decodeText, gbkNotice, type ImportInput, type TextEncodingName } from './decode.ts';
import { issue, type ImportIssue } from './issues.ts';
import { MAX_IMPORT_ROWS, tooManyRowsIssue } from './limits.ts';
import { checkDefaultCategory, FacilityRows, type FacilityImportOptions, type FacilityImportResult } from './facility-rows.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Line and column of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export type JsonParseResult =
  | { ok: true; value: unknown; notices: ImportIssue[]; encoding: TextEncodingName }
  | { ok: false; error: ImportIssue };

/** Decodes and parses JSON; a syntax error names the line and column. */
export function readJson(input: ImportInput, fileName: string): JsonParseResult {
  const decoded = decodeText(input, fileName);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  if (decoded.text.trim() === '') return { ok: false, error: issue('file-empty', `文件“${fileName}”是空的。`, `File "${fileName}" is empty.`) };
  try {
    return {
      ok: true,
      value: JSON.parse(decoded.text),
      notices: decoded.encoding === 'gbk' ? [gbkNotice(fileName)] : [],
      encoding: decoded.encoding,
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /position (\d+)/.exec(message);
    const place = position ? lineAndColumn(decoded.text, Number(position[1])) : null;
    const zhPlace = place ? `第 ${place.line} 行第 ${place.column} 列附近` : '';
    const enPlace = place ? ` near line ${place.line}, column ${place.column}` : '';
    return {
      ok: false,
      error: issue(
        'json-malformed',
        `文件“${fileName}”不是有效的 JSON，${zhPlace}有语法错误（${message}）。`,
        `File "${fileName}" is not valid JSON: a syntax error${enPlace} (${message}).`,
        place ? { row: place.line } : {},
      ),
    };
  }
}

/** Features of a FeatureCollection, a single Feature, or a bare geometry wrapped as one. */
function featuresOf(value: unknown, fileName: string): { ok: true; features: unknown[] } | { ok: false; error: ImportIssue } {
  if (isObject(value)) {
    if (value.type === 'FeatureCollection' && Array.isArray(value.features)) return { ok: true, features: value.features };
    if (value.type === 'Feature') return { ok: true, features: [value] };
    if (value.type === 'Point' || value.type === 'MultiPoint') return { ok: true, features: [{ type: 'Feature', properties: {}, geometry: value }] };
  }
  const got = isObject(value) && typeof value.type === 'string' ? `“${value.type}”` : Array.isArray(value) ? '数组' : typeof value;
  const gotEn = isObject(value) && typeof value.type === 'string' ? `"${value.type}"` : Array.isArray(value) ? 'an array' : typeof value;
  return {
    ok: false,
    error: issue(
      'geojson-not-supported',
      `文件“${fileName}”不是点要素的 GeoJSON：需要 FeatureCollection、Feature、Point 或 MultiPoint，实际是 ${got}。`,
      `File "${fileName}" is not a GeoJSON of points: expected a FeatureCollection, Feature, Point or MultiPoint, got ${gotEn}.`,
    ),
  };
}

/** A legacy GeoJSON `crs` member naming anything but WGS84 longitude/latitude. */
function crsMemberIssue(value: unknown, chosenLabel: { zh: string; en: string }): ImportIssue | null {
  if (!isObject(value) || !isObject(value.crs)) return null;
  const props = isObject(value.crs.properties) ? value.crs.properties : {};
  const name = String(props.name ?? '');
  if (name === '' || /CRS84|EPSG:*4326|EPSG::4326|4490/i.test(name)) return null;
  return issue(
    'geojson-crs-member',
    `文件声明的坐标参考系是“${name}”，不是经纬度（WGS84）。本应用按你选择的 ${chosenLabel.zh} 读取坐标；若坐标是以米为单位的投影坐标，相应要素会被跳过。`,
    `The file declares the coordinate reference system "${name}", not longitude/latitude (WGS84). Coordinates are read as the chosen ${chosenLabel.en}; features in projected metres will be skipped.`,
    { field: 'crs' },
  );
}

export function parseFacilitiesGeoJson(input: ImportInput, options: FacilityImportOptions): FacilityImportResult {
  const badDefault = checkDefaultCategory(options);
  if (badDefault) return { ok: false, errors: [badDefault] };
  const json = readJson(input, options.fileName);
  if (!json.ok) return { ok: false, errors: [json.error] };
  const collection = featuresOf(json.value, options.fileName);
  if (!collection.ok) return { ok: false, errors: [collection.error] };

  let points = 0;
  for (const f of collection.features) {
    const g = isObject(f) && isObject(f.geometry) ? f.geometry : null;
    points += g?.type === 'MultiPoint' && Array.isArray(g.coordinates) ? g.coordinates.length : 1;
  }
  if (points > MAX_IMPORT_ROWS) return { ok: false, errors: [tooManyRowsIssue(options.fileName, 'feature')] };

  const rows = new FacilityRows(options, 'feature');
  for (const notice of json.notices) rows.log.fileIssue(notice);
  rows.log.fileIssue(crsMemberIssue(json.value, CRS_LABELS[options.crs]));

  const propertyKeys = new Set<string>();
  let firstPoint: [number, number] | undefined;
  collection.features.forEach((feature, index) => {
    const where = { feature: index + 1 };
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
    for (const key of Object.keys(properties)) propertyKeys.add(key);
    const geometry = isObject(feature) && isObject(feature.geometry) ? feature.geometry : null;
    if (!geometry || (geometry.type !== 'Point' && geometry.type !== 'MultiPoint')) {
      const type = geometry && typeof geometry.type === 'string' ? geometry.type : null;
      rows.log.skip(
        where,
        issue(
          'geometry-not-point',
          type ? `第 ${index + 1} 个要素是 ${type}，不是点（Point/MultiPoint），已跳过。` : `第 ${index + 1} 个要素没有几何，已跳过。`,
          type ? `Feature ${index + 1} is a ${type}, not a Point/MultiPoint; skipped.` : `Feature ${index + 1} has no geometry; skipped.`,
          { ...where, field: 'geometry' },
        ),
      );
      return;
    }
    const name = propertyFor(properties, 'name');
    const category = propertyFor(properties, 'category');
    const positions: unknown[] = geometry.type === 'Point' ? [geometry.coordinates] : Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
    positions.forEach((position, k) => {
      const pair = Array.isArray(position) ? position : [];
      const fields = geometry.type === 'Point' ? { lon: 'coordinates[0]', lat: 'coordinates[1]' } : { lon: `coordinates[${k}][0]`, lat: `coordinates[${k}][1]` };
      const point = readPoint(pair[0], pair[1], options.crs, where, fields);
      if (!point.ok) {
        rows.log.skip(where, point.issue, point.raw);
        return;
      }
      firstPoint ??= [point.lon, point.lat];
      rows.add(where, point, name?.value, category?.value, { name: name?.key, category: category?.key }, geometry.type === 'MultiPoint' ? `-${k + 1}` : '');
    });
  });
  if (![...propertyKeys].some((key) => propertyFor({ [key]: true }, 'name'))) {
    rows.log.fileIssue(
      issue(
        'name-empty',
        '要素没有名称属性（name / 名称），设施将显示为“未命名”。',
        'The features have no name property (name / 名称); facilities will be shown as "unnamed".',
      ),
    );
  }
  rows.log.fileIssue(crsHintIssue(options.fileName, [...propertyKeys], options.crs, firstPoint));
  return rows.result(json.encoding);
}
